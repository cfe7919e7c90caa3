/**
 * The worker's answers promise numbers: every number in an OraclePlan, a Comparison and an
 * infeasibility explanation is finite, and a figure is null only where the type says the policy
 * has none. Walked before serialising, so a NaN cannot hide as the null JSON would write.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../node/loadSolver.ts'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { withBuiltInIds } from '../domain/util/renameIds.ts'
import { createPlannerState, disposePlanner, planComparison, planOracle } from './plan.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

type Leaf = [path: string, value: unknown]

/** Every leaf that is not text or a flag: numbers, nulls and undefined, by path. */
function leaves(value: unknown, path = '', out: Leaf[] = []): Leaf[] {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out))
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out)
  else if (typeof value !== 'string' && typeof value !== 'boolean') out.push([path, value])
  return out
}

/**
 * Nulls the types allow in a solved answer: greedy and static price no key, so they have no
 * price-threshold rule to violate.
 */
const ALLOWED_NULL = /^comparison\.policies\.(greedy|static)\.thresholdViolation(Eur)?$/

function expectOnlyFiniteNumbers(answer: unknown): number {
  const found = leaves(answer)
  for (const [path, value] of found) {
    if (value === null && ALLOWED_NULL.test(path)) continue
    expect(typeof value, path).toBe('number')
    expect(Number.isFinite(value), path).toBe(true)
  }
  // What the page receives (structured clone) and a JSON export say the same.
  expect(structuredClone(answer)).toEqual(answer)
  expect(JSON.parse(JSON.stringify(answer))).toEqual(answer)
  return found.length
}

describe.each([
  ['tiny', tinyScenario],
  ['tiny with ids called after built-ins', () => withBuiltInIds(tinyScenario())],
  ['representative', representativeScenario],
  [
    'representative with scarce key',
    () => {
      const doc = representativeScenario() as Record<string, any>
      doc.qkd.vppShare /= 20
      return doc
    },
  ],
])('the %s day', (_name, make) => {
  it('answers the plan and the comparison with finite numbers only', () => {
    const state = createPlannerState()
    try {
      const plan = planOracle(highs, state, { revision: 1, scenario: make() })
      if (!plan.ok) throw new Error(plan.message)
      expect(plan.plan.status).toBe('optimal')
      expect(expectOnlyFiniteNumbers(plan)).toBeGreaterThan(100)
      const comparison = planComparison(highs, { revision: 1, scenario: make() }, state)
      if (!comparison.ok) throw new Error(comparison.message)
      expect(Object.keys(comparison.comparison.policies)).toHaveLength(4)
      expect(expectOnlyFiniteNumbers(comparison)).toBeGreaterThan(100)
    } finally {
      disposePlanner(state)
    }
  }, 120_000)
})

describe('an infeasible day', () => {
  it('is explained with finite numbers only', () => {
    const doc = tinyScenario() as Record<string, any>
    doc.policy.holdAllowed = false
    doc.processes[0].minOption = 'D2'
    doc.shocks = [{ label: 'Cut', startSlot: 1, endSlot: 4, links: 'all', factor: 0 }]
    const state = createPlannerState()
    try {
      const answer = planOracle(highs, state, { revision: 1, scenario: doc })
      expect(answer.ok === false && answer.kind).toBe('infeasible')
      expect(expectOnlyFiniteNumbers(answer)).toBeGreaterThan(0)
    } finally {
      disposePlanner(state)
    }
  })
})
