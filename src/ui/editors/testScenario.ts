/**
 * The representative day with every default filled, for the editors' tests.
 */
import { representativeScenario } from '../../domain/scenario/builtins/representative.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { validateScenario } from '../../domain/derive/validateScenario.ts'

export function testScenario(): Scenario {
  const result = validateScenario(representativeScenario())
  if (!result.ok) throw new Error('the representative day must be valid')
  return result.scenario
}

/** Issues the validator reports for an edited scenario (empty when valid). */
export function issuesOf(scenario: Scenario): string[] {
  const result = validateScenario(scenario)
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)
}
