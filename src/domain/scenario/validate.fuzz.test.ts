/**
 * Property-based fuzzing of the validator: thousands of generated and mutated scenarios. None may
 * crash, every rejection names a field path, and every accepted scenario is a fixed point (it
 * validates again to the same content hash).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from './builtins/index.ts'
import { scenarioHash } from './hash.ts'
import { validateScenario, type ValidationResult } from '../derive/validateScenario.ts'

function expectWellFormed(result: ValidationResult): void {
  if (result.ok) {
    const again = validateScenario(JSON.parse(JSON.stringify(result.scenario)))
    expect(again.ok).toBe(true)
    if (again.ok) expect(scenarioHash(again.scenario)).toBe(scenarioHash(result.scenario))
    return
  }
  expect(result.issues.length).toBeGreaterThan(0)
  for (const issue of result.issues) {
    // `(root)`, or identifiers joined by dots, [index] and ["quoted key"] segments.
    expect(issue.path).toMatch(
      /^(\(root\)|([A-Za-z_$][\w$]*|\[("([^"\\]|\\.)*"|\d+)\])(\.[A-Za-z_$][\w$]*|\[("([^"\\]|\\.)*"|\d+)\])*)$/,
    )
    expect(issue.message.length).toBeGreaterThan(3)
  }
}

/** Every path to a value inside a JSON document, as key lists. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))]
  if (value !== null && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))]
  }
  return [prefix]
}

function setAt(doc: any, path: Array<string | number>, value: unknown, remove: boolean): void {
  if (path.length === 0) return
  let node = doc
  for (const key of path.slice(0, -1)) node = node[key]
  const last = path[path.length - 1] as string | number
  if (remove && !Array.isArray(node)) delete node[last]
  else node[last] = value
}

const strangeValue = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.double(),
  fc.constantFrom(-1, 0, 1e308, -1e-308, 288, 289, 0.5, Number.MAX_SAFE_INTEGER),
  fc.string(),
  fc.boolean(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
)

describe('validator fuzzing', () => {
  it('never throws on arbitrary JSON and always names a path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(validateScenario(value))
      }),
      { numRuns: 2000, seed: 42 },
    )
  })

  it('never throws on arbitrary objects shaped like a scenario', () => {
    fc.assert(
      fc.property(
        fc.record({
          format: fc.constantFrom('qkd-vpp-scenario', 'other'),
          version: fc.oneof(fc.constant(1), fc.anything()),
          qkd: fc.anything(),
          processes: fc.anything(),
          fleet: fc.anything(),
          threat: fc.anything(),
          shocks: fc.anything(),
          horizon: fc.anything(),
        }),
        (doc) => expectWellFormed(validateScenario(doc)),
      ),
      { numRuns: 1500, seed: 7 },
    )
  })

  it.each(['tiny', 'representative'] as const)(
    'survives thousands of random mutations of %s',
    (name) => {
      const base = BUILTIN_SCENARIOS[name]()
      const allPaths = paths(base)
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              at: fc.nat({ max: allPaths.length - 1 }),
              value: strangeValue,
              remove: fc.boolean(),
            }),
            { minLength: 1, maxLength: 4 },
          ),
          (mutations) => {
            const doc = structuredClone(base)
            for (const m of mutations) {
              const path = paths(doc)[m.at % paths(doc).length] ?? []
              setAt(doc, path, m.value, m.remove)
            }
            expectWellFormed(validateScenario(doc))
          },
        ),
        { numRuns: name === 'tiny' ? 2000 : 600, seed: 2510 },
      )
    },
  )

  it('rejects a mutation that breaks a reference, at that reference', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2,6}$/), (ghost) => {
        fc.pre(!['CC', 'R', 'GW'].includes(ghost))
        const doc = BUILTIN_SCENARIOS.tiny() as any
        doc.qkd.links[1].b = ghost
        const result = validateScenario(doc)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('qkd.links[1].b')
      }),
      { numRuns: 200, seed: 3 },
    )
  })
})
