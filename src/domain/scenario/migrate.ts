/**
 * Version migration hook. A scenario file names its `version`; older documents are lifted one
 * version at a time by the registered step functions before validation, so users' saved files
 * keep opening after the format grows. Version 1 is the first public version, so the registry is
 * empty today; tests register steps to exercise the mechanism.
 */
import { isObject, type ValidationIssue } from './issues.ts'
import { SCENARIO_VERSION } from './types.ts'

/** Lifts a document from version `n` to `n + 1`. Must not mutate its input. */
export type MigrationStep = (document: Record<string, unknown>) => Record<string, unknown>

/** Steps keyed by the version they upgrade from. */
export const MIGRATIONS: ReadonlyMap<number, MigrationStep> = new Map()

export type MigrationResult =
  { ok: true; document: unknown; fromVersion: number } | { ok: false; issue: ValidationIssue }

/**
 * Brings a scenario document to the current version. A missing version is read as the current
 * one (hand-written files often leave it out); a newer version than this build knows is refused
 * rather than guessed at.
 */
export function migrateScenario(
  input: unknown,
  migrations: ReadonlyMap<number, MigrationStep> = MIGRATIONS,
  target: number = SCENARIO_VERSION,
): MigrationResult {
  if (!isObject(input)) return { ok: true, document: input, fromVersion: target }
  // Only a missing version defaults; an explicit null is a mistake worth reporting.
  const version = input.version === undefined ? target : input.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      ok: false,
      issue: { path: 'version', message: `must be a whole number, got ${JSON.stringify(version)}` },
    }
  }
  if (version > target) {
    return {
      ok: false,
      issue: {
        path: 'version',
        message: `version ${version} is newer than this planner understands (${target}); update the planner`,
      },
    }
  }
  let document: Record<string, unknown> = input
  for (let v = version; v < target; v++) {
    const step = migrations.get(v)
    if (step === undefined) {
      return {
        ok: false,
        issue: { path: 'version', message: `no migration from version ${v} to ${v + 1}` },
      }
    }
    document = { ...step(document), version: v + 1 }
  }
  return { ok: true, document, fromVersion: version }
}
