/**
 * A scenario whose node, link and process ids are names of built-ins (`__proto__`,
 * `constructor`, `toString`, …) survives the autosave: a structured clone in IndexedDB, validated
 * when read back. (Share links: src/ui/io/shareLink.test.ts; the plan: src/worker/oddIds.test.ts.)
 */
import { describe, expect, it } from 'vitest'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { scenarioHash } from '../domain/scenario/hash.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import { BUILT_IN_NAMES, withBuiltInIds } from '../domain/util/renameIds.ts'
import { restoredRecord, savedRecord } from './persistence.ts'

const days = [
  ['tiny', tinyScenario],
  ['representative', representativeScenario],
] as const

function oddScenario(make: () => Record<string, unknown>): Scenario {
  const result = validateScenario(withBuiltInIds(make()))
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
  return result.scenario
}

const ids = (s: Scenario) => ({
  nodes: s.qkd.nodes.map((n) => n.id),
  links: s.qkd.links.map((l) => l.id),
  processes: s.processes.map((p) => p.id),
})

describe.each(days)('the %s day with ids called after built-ins', (_name, make) => {
  const scenario = oddScenario(make)

  it('has them as node, link and process ids', () => {
    const { nodes, links, processes } = ids(scenario)
    for (const list of [nodes, links, processes])
      expect(list.slice(0, 2)).toEqual(BUILT_IN_NAMES.slice(0, 2))
  })

  it('survives the autosave', () => {
    // IndexedDB stores a structured clone of the record (so does the other-tab announcement).
    const back = restoredRecord(structuredClone(savedRecord(scenario, '2026-12-04T00:00:00Z')))
    expect(back?.savedAt).toBe('2026-12-04T00:00:00Z')
    expect(back?.scenario).toEqual(scenario)
    expect(ids(back!.scenario)).toEqual(ids(scenario))
    expect(scenarioHash(back!.scenario)).toBe(scenarioHash(scenario))
  })
})
