/**
 * LP against MILP: the LP bounds the MILP from below, the rounded LP bounds it from above, a
 * split-free LP optimum is already the MILP optimum, and on tiny the MILP equals brute force
 * (checked in solve/milp.test.ts) so the gap reported here is the true one.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { buildInstance } from '../derive/instance.ts'
import { EVALUATION_DAY } from '../report/oracleReport.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { emptyAllocation } from '../allocation.ts'
import { computeMetrics } from '../metrics/metrics.ts'
import { withShare } from './frontier.ts'
import { countSplitChoices, lpVsMilp, roundedCostEur } from './integrality.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

describe('lpVsMilp', () => {
  it.each([
    ['tiny', () => mustValidate(tinyScenario())],
    ['representative', () => mustValidate(representativeScenario())],
  ])('orders LP ≤ MILP ≤ rounded LP on %s', (_name, make) => {
    const report = lpVsMilp(highs, make())
    const lp = report.lpEur as number
    const milp = report.milpEur as number
    const rounded = report.roundedEur as number
    const slack = 1e-7 * Math.max(1, rounded)
    expect(lp).toBeLessThanOrEqual(milp + slack)
    expect(milp).toBeLessThanOrEqual(rounded + slack)
    expect(report.integralityGap as number).toBeGreaterThanOrEqual(0)
    expect(report.integralityGap as number).toBeLessThan(1)
    expect(report.fractionalChoices).toBeLessThanOrEqual(report.choices)
    // The fractional-knapsack bound: a basic LP optimum splits at most one choice per priced
    // (binding) key row.
    expect(report.fractionalChoices).toBeLessThanOrEqual(report.pricedKeyRows)
  })

  it('finds no gap when the LP splits no choice (ample key)', () => {
    const s = mustValidate(tinyScenario())
    const report = lpVsMilp(highs, withShare(s, 1))
    if (report.fractionalChoices === 0) {
      expect(report.milpEur as number).toBeCloseTo(report.lpEur as number, 9)
      expect(report.roundedEur as number).toBeCloseTo(report.lpEur as number, 9)
    } else {
      expect(report.milpEur as number).toBeGreaterThanOrEqual((report.lpEur as number) - 1e-9)
    }
  })

  it('can skip the MILP', () => {
    const report = lpVsMilp(highs, mustValidate(tinyScenario()), { milp: false })
    expect(report.milpStatus).toBe('not-run')
    expect(report.milpEur).toBeNull()
  })
})

describe('split choices and rounding', () => {
  it('counts a half-and-half choice as split and rounds it to the lower-key option', () => {
    const instance = buildInstance(mustValidate(tinyScenario()), EVALUATION_DAY)
    const allocation = emptyAllocation(instance)
    expect(countSplitChoices(instance, allocation)).toBe(0)
    const f = instance.flows[0]!
    const nO = f.options.length
    expect(nO).toBeGreaterThan(1)
    const shares = allocation.optionShare[0]!
    shares[0] = 0.5
    shares[1] = 0.5
    expect(countSplitChoices(instance, allocation)).toBe(1)
    const lower = f.options[0]!.keyBps <= f.options[1]!.keyBps ? 0 : 1
    const whole = emptyAllocation(instance)
    whole.optionShare[0]!.fill(0, 0, nO)
    whole.optionShare[0]![lower] = 1
    expect(roundedCostEur(instance, allocation)).toBeCloseTo(roundedCostEur(instance, whole), 12)
  })

  it('fuzz regression: charges the rounded plan the terminal rule, like every plan', () => {
    // Without the charge for stores left below their start, the rounded plan's "upper bound" fell
    // below the LP optimum on days that draw the stores down.
    const doc = tinyScenario() as { shocks?: unknown[] }
    doc.shocks = [{ label: 'Cut', startSlot: 0, endSlot: 4, links: 'all', factor: 0 }]
    const instance = buildInstance(mustValidate(doc), EVALUATION_DAY)
    const allocation = emptyAllocation(instance)
    instance.flows.forEach((f, k) => {
      const shares = allocation.optionShare[k] as Float64Array
      const dearest = f.options.reduce((b, o, i) => (o.keyBps > f.options[b]!.keyBps ? i : b), 0)
      shares.fill(0)
      for (let t = 0; t < instance.slots; t++) shares[t * f.options.length + dearest] = 1
    })
    const metrics = computeMetrics(instance, allocation)
    expect(metrics.terminalChargeEur).toBeGreaterThan(0)
    expect(roundedCostEur(instance, allocation)).toBe(metrics.objectiveEur)
  })

  it('fuzz regression: never reports an LP bound below €0, nor a gap above 1', () => {
    // The solver's LP value on this day is a tolerance below €0; against a MILP worth 1e-300 €
    // the gap came out as 2e303.
    const scenario = mustValidate({
      format: 'qkd-vpp-scenario',
      version: 1,
      qkd: {
        nodes: [
          { id: 'o0-a.', role: 'control' },
          { id: 'node:1', role: 'aggregator' },
          { id: 'V8NU_Vq', role: 'aggregator' },
          { id: 'mWlly', role: 'aggregator' },
        ],
        links: [
          { id: 'length', a: 'o0-a.', b: 'node:1', lengthKm: 20 },
          {
            id: 'xUy.._',
            a: 'node:1',
            b: 'V8NU_Vq',
            lengthKm: 1e-9,
            keyRateBps: 50000,
            bufferBits: 1000000,
            initialBufferBits: 999999.9999999987,
          },
          { id: '__proto__', a: 'o0-a.', b: 'mWlly', lengthKm: 20 },
        ],
      },
      processes: [
        {
          id: 'hasOwnProperty',
          endpoints: { from: 'V8NU_Vq', to: 'mWlly' },
          messagesPerHour: 3600,
          messageBytes: 1,
          deadlineMs: 1000,
          impactEur: 1000,
          attacksPerHour: 10,
          options: [{ id: 'E.:.-:::0C', kind: 'otp-mac', tagBits: 20 }],
        },
      ],
    })
    const report = lpVsMilp(highs, scenario, { timeLimitSeconds: 10 })
    expect(report.lpStatus).toBe('optimal')
    expect(report.lpEur).toBeGreaterThanOrEqual(0)
    expect(report.integralityGap).not.toBeNull()
    expect(report.integralityGap as number).toBeGreaterThanOrEqual(0)
    expect(report.integralityGap as number).toBeLessThanOrEqual(1)
  })
})
