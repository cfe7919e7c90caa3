/**
 * Validation of a scenario document's own content: untrusted JSON in, either a complete
 * `Scenario` with every default filled or the full list of problems (`path: message`). It never
 * throws on any input. Steps: lift old versions (`migrate.ts`), parse with the one schema
 * (`schema.ts`), then the semantic pass over what spans fields (`semantics.ts`). What needs the
 * derivation (paths, flow counts, numeric spans) is checked on top of this by
 * `derive/validateScenario.ts`, which is what callers use.
 */
import { defaultMessage, toValidationIssues, type ValidationIssue } from './issues.ts'
import { migrateScenario } from './migrate.ts'
import { scenarioSchema } from './schema.ts'
import { semanticProblems } from './semantics.ts'
import type { Scenario } from './types.ts'

export type { ValidationIssue } from './issues.ts'
export { MAX_DESCRIPTION_LENGTH } from './schema.ts'

export type ValidationResult =
  { ok: true; scenario: Scenario } | { ok: false; issues: ValidationIssue[] }

/** Validates and completes a scenario document (any JSON value), without derived checks. */
export function validateDocument(input: unknown): ValidationResult {
  const migrated = migrateScenario(input)
  if (!migrated.ok) return { ok: false, issues: [migrated.issue] }
  const parsed = scenarioSchema.safeParse(migrated.document, { error: defaultMessage })
  if (!parsed.success)
    return { ok: false, issues: toValidationIssues(parsed.error.issues, migrated.document) }
  const issues = semanticProblems(parsed.data)
  return issues.length === 0 ? { ok: true, scenario: parsed.data } : { ok: false, issues }
}
