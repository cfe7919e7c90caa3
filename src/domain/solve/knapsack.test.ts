/**
 * The oracle LP against the closed-form fractional knapsack (MODEL.md §4): on one link and one
 * slot, the LP optimum and the link's shadow price must equal the greedy answer.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { buildInstance } from '../derive/instance.ts'
import { thresholdCertificate } from '../metrics/threshold.ts'
import { OracleSession } from './oracleSession.ts'
import { greedyKnapsack, knapsackScenario, type KnapsackItem } from './testScenarios.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

function solveKnapsack(items: KnapsackItem[], budgetBits: number) {
  const instance = buildInstance(knapsackScenario(items, budgetBits))
  const session = new OracleSession(highs, instance)
  try {
    return { instance, result: session.solve() }
  } finally {
    session.dispose()
  }
}

const itemArb: fc.Arbitrary<KnapsackItem> = fc.record({
  impactEur: fc.double({ min: 100, max: 100_000, noNaN: true }),
  attempts: fc.double({ min: 0.1, max: 50, noNaN: true }),
  upgradedBound: fc.double({ min: 1e-9, max: 1e-5, noNaN: true }),
  tagBits: fc.integer({ min: 16, max: 256 }),
  messages: fc.integer({ min: 10, max: 50_000 }),
})

describe('oracle LP on a single link and slot (fractional knapsack)', () => {
  it('matches the greedy optimum and shadow price on random instances', () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 2, maxLength: 8 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (items, fill) => {
          const demand = items.reduce((s, i) => s + i.tagBits * i.messages, 0)
          const budget = Math.round(demand * fill)
          const expected = greedyKnapsack(items, budget)
          const { instance, result } = solveKnapsack(items, budget)
          expect(result.status).toBe('optimal')
          expect(result.objectiveEur).toBeCloseTo(expected.costEur, 6)
          expect(Math.abs(result.objectiveEur - expected.costEur)).toBeLessThanOrEqual(
            1e-7 * expected.costEur + 1e-9,
          )
          const price = result.shadowPriceEurPerBit[0]?.[0] ?? 0
          expect(Math.abs(price - expected.priceEurPerBit)).toBeLessThanOrEqual(
            1e-6 * expected.priceEurPerBit,
          )
          // At most one item per binding budget is fractional.
          const fractional = (result.allocation?.optionShare ?? []).filter(
            (s) => (s[1] ?? 0) > 1e-7 && (s[1] ?? 0) < 1 - 1e-7,
          )
          expect(fractional.length).toBeLessThanOrEqual(1)
          // The price-threshold rule holds at the solver's own prices.
          const certificate = thresholdCertificate(
            instance,
            result.allocation!,
            result.shadowPriceEurPerBit,
          )
          expect(certificate.relativeViolation).toBeLessThan(1e-7)
        },
      ),
      { numRuns: 60, seed: 2510 },
    )
  })

  it('prices an unconstrained budget at zero', () => {
    const items: KnapsackItem[] = [
      { impactEur: 1000, attempts: 2, upgradedBound: 1e-9, tagBits: 64, messages: 100 },
      { impactEur: 5000, attempts: 1, upgradedBound: 1e-9, tagBits: 32, messages: 300 },
    ]
    const { result } = solveKnapsack(items, 1e9)
    expect(result.shadowPriceEurPerBit[0]?.[0]).toBe(0)
    // Both upgrades taken: cost = Σ attempts·impact·1e-9 = 2·1000e-9 + 5000e-9 = 7e-6 Eur.
    expect(result.objectiveEur).toBeCloseTo(7e-6, 12)
  })

  it('keeps every message classical when there is no key', () => {
    const items: KnapsackItem[] = [
      { impactEur: 1000, attempts: 2, upgradedBound: 1e-9, tagBits: 64, messages: 100 },
    ]
    const { result } = solveKnapsack(items, 0)
    // 2 attempts × €1000 × 1e-3 = €2.
    expect(result.objectiveEur).toBeCloseTo(2, 9)
    expect(result.allocation?.optionShare[0]?.[0]).toBeCloseTo(1, 9)
  })
})
