/**
 * Reading a scenario file: JSON text in, either a complete scenario or every problem at its field
 * path. Nothing is applied until the whole file is valid; older versions are migrated. A file and
 * a share link are read as the CLI reads a file, byte-order mark included.
 */
import { parseScenarioText as parseJson } from '../../domain/scenario/parse.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { validateScenario, type ValidationIssue } from '../../domain/derive/validateScenario.ts'
import { jsonErrorMessage } from '../../domain/util/jsonSyntax.ts'

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
  // The CLI's reader: a leading byte-order mark (Windows editors write one) is dropped first.
  const parsed = parseJson(text)
  if (!parsed.ok)
    return {
      ok: false,
      issues: [{ path: '(root)', message: jsonErrorMessage(text) ?? parsed.message }],
    }
  const result = validateScenario(parsed.json)
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, issues: result.issues }
}
