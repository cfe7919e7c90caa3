/**
 * The version migration hook: older documents are lifted one version at a time by registered
 * steps before validation; a missing step or a newer version is refused with a `version` issue.
 */
import { describe, expect, it } from 'vitest'
import { MIGRATIONS, migrateScenario, type MigrationStep } from './migrate.ts'
import { SCENARIO_VERSION } from './types.ts'
import { validateScenario } from '../derive/validateScenario.ts'

/** Version 0 (fake, for the test) called the horizon `day` and the slot count `periods`. */
const liftFrom0: MigrationStep = (doc) => {
  const { day, ...rest } = doc as { day?: { periods?: number } } & Record<string, unknown>
  return { ...rest, horizon: { slots: day?.periods ?? 96, slotMinutes: 15 } }
}

function versionZeroDoc(): Record<string, unknown> {
  return {
    format: 'qkd-vpp-scenario',
    version: 0,
    day: { periods: 4 },
    qkd: {
      nodes: [
        { id: 'CC', role: 'control' },
        { id: 'GW', role: 'aggregator' },
      ],
      links: [{ id: 'L', a: 'CC', b: 'GW', lengthKm: 5 }],
    },
    processes: [
      {
        id: 'p',
        endpoints: 'control->gateways',
        messagesPerHour: 10,
        messageBytes: 100,
        deadlineMs: 500,
        impactEur: 10,
        attacksPerHour: 1,
        options: [{ id: 'c', kind: 'classical' }],
      },
    ],
  }
}

describe('migrateScenario', () => {
  it('ships no steps while version 1 is the first public version', () => {
    expect(SCENARIO_VERSION).toBe(1)
    expect(MIGRATIONS.size).toBe(0)
  })

  it('lifts a version-0 document with a registered step and stamps the new version', () => {
    const input = versionZeroDoc()
    const result = migrateScenario(input, new Map([[0, liftFrom0]]), 1)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.fromVersion).toBe(0)
    const doc = result.document as Record<string, unknown>
    expect(doc.version).toBe(1)
    expect(doc.horizon).toEqual({ slots: 4, slotMinutes: 15 })
    expect(doc.day).toBeUndefined()
    // The migrated document is a valid current-version scenario.
    const validated = validateScenario(doc)
    expect(validated.ok).toBe(true)
    if (validated.ok) expect(validated.scenario.horizon.slots).toBe(4)
  })

  it('does not mutate the input document', () => {
    const input = versionZeroDoc()
    const copy = structuredClone(input)
    migrateScenario(input, new Map([[0, liftFrom0]]), 1)
    expect(input).toEqual(copy)
  })

  it('chains steps in version order', () => {
    const calls: number[] = []
    const step =
      (from: number): MigrationStep =>
      (doc) => {
        calls.push(from)
        // Each step sees the version the previous step stamped.
        expect(doc.version).toBe(from)
        return { ...doc, trail: [...((doc.trail as number[] | undefined) ?? []), from] }
      }
    const steps = new Map([
      [2, step(2)],
      [0, step(0)],
      [1, step(1)],
    ])
    const result = migrateScenario({ version: 0 }, steps, 3)
    expect(calls).toEqual([0, 1, 2])
    expect(result).toEqual({ ok: true, document: { version: 3, trail: [0, 1, 2] }, fromVersion: 0 })
  })

  it('starts from the document version, skipping earlier steps', () => {
    const calls: number[] = []
    const steps = new Map<number, MigrationStep>([
      [0, (d) => (calls.push(0), d)],
      [1, (d) => (calls.push(1), d)],
    ])
    const result = migrateScenario({ version: 1 }, steps, 2)
    expect(calls).toEqual([1])
    expect(result).toEqual({ ok: true, document: { version: 2 }, fromVersion: 1 })
  })

  it('reports a missing step with the versions it needs', () => {
    const result = migrateScenario({ version: 0 }, new Map([[0, liftFrom0]]), 2)
    expect(result).toEqual({
      ok: false,
      issue: { path: 'version', message: 'no migration from version 1 to 2' },
    })
  })

  it('reports a missing first step', () => {
    const result = migrateScenario(versionZeroDoc(), new Map(), 1)
    expect(result).toEqual({
      ok: false,
      issue: { path: 'version', message: 'no migration from version 0 to 1' },
    })
  })

  it('passes a current-version document through unchanged', () => {
    const input = { version: 1, name: 'x' }
    const result = migrateScenario(input, new Map([[0, liftFrom0]]), 1)
    expect(result).toEqual({ ok: true, document: input, fromVersion: 1 })
  })

  it('reads a missing version as the target version', () => {
    const result = migrateScenario({ name: 'x' }, new Map(), 1)
    expect(result).toEqual({ ok: true, document: { name: 'x' }, fromVersion: 1 })
  })

  it('refuses a newer version than the target', () => {
    const result = migrateScenario({ version: 3 }, new Map(), 2)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issue.path).toBe('version')
    expect(result.issue.message).toContain('version 3 is newer than this planner understands (2)')
  })

  it.each([['1'], [1.5], [-1], [true]])('refuses a malformed version %j', (version) => {
    const result = migrateScenario({ version }, new Map(), 1)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issue.path).toBe('version')
    expect(result.issue.message).toContain('must be a whole number')
  })

  it.each([[null], [[1, 2]], ['text'], [7], [undefined]])(
    'passes a non-object %j through for the validator to reject',
    (input) => {
      const result = migrateScenario(input, new Map([[0, liftFrom0]]), 1)
      expect(result).toEqual({ ok: true, document: input, fromVersion: 1 })
    },
  )
})
