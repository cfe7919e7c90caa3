/**
 * Reading a scenario file: JSON text in, either a complete scenario or every problem at its field
 * path. Nothing is applied until the whole file is valid; older versions are migrated.
 */
import type { Scenario } from '../../domain/scenario/types.ts'
import { validateScenario, type ValidationIssue } from '../../domain/derive/validateScenario.ts'

/** Files larger than this are refused before parsing (a scenario is a few hundred kB at most). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

export type ImportResult =
  { ok: true; scenario: Scenario } | { ok: false; issues: ValidationIssue[] }

export function parseScenarioText(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      issues: [{ path: '(root)', message: 'the file is larger than 20 MB; it is not a scenario' }],
    }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }],
    }
  }
  const result = validateScenario(json)
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, issues: result.issues }
}
