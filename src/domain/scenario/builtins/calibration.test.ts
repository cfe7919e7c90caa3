/**
 * The built-in days are calibrated so that key is scarce at their own share (MODEL.md §7–§8): each
 * target is checked here with the real solver on the evaluation day, so a change to the scenarios,
 * the model or the policies that makes key free again fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../../node/loadSolver.ts'
import { defaultFrontierRange } from '../../analysis/frontier.ts'
import { buildInstance, type Instance } from '../../derive/instance.ts'
import { computeMetrics } from '../../metrics/metrics.ts'
import { POLICY_NAMES } from '../../policy/evaluate.ts'
import { comparePolicies, type Comparison } from '../../report/comparisonReport.ts'
import { EVALUATION_DAY } from '../../report/oracleReport.ts'
import { OracleSession, type OracleResult } from '../../solve/oracleSession.ts'
import { mustValidate } from '../../solve/testScenarios.ts'
import type { Scenario } from '../types.ts'
import { largeScenario } from './large.ts'
import { representativeScenario } from './representative.ts'
import { tinyScenario } from './tiny.ts'

/** €0.01 per Mbit: the price below which key is effectively free (MODEL.md §8). */
const SCARCE_EUR_PER_BIT = 1e-8

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

interface Solved {
  scenario: Scenario
  instance: Instance
  result: OracleResult
}

/** The oracle LP on the evaluation day of a built-in, with the share scaled by `shareFactor`. */
function solveOracle(build: () => Record<string, unknown>, shareFactor = 1): Solved {
  const doc = build() as { qkd: { vppShare: number } }
  doc.qkd.vppShare *= shareFactor
  const scenario = mustValidate(doc)
  const instance = buildInstance(scenario, EVALUATION_DAY)
  const session = new OracleSession(highs, instance, { integer: false })
  try {
    const result = session.solve()
    expect(result.status).toBe('optimal')
    return { scenario, instance, result }
  } finally {
    session.dispose()
  }
}

const slotsOf = (start: number, end: number): number[] =>
  Array.from({ length: end - start }, (_, i) => start + i)

const mean = (prices: Float64Array, slots: readonly number[]): number =>
  slots.reduce((s, t) => s + (prices[t] ?? 0), 0) / Math.max(1, slots.length)

describe('the representative day: key is scarce at today’s share', () => {
  let today: Solved
  beforeAll(() => {
    today = solveOracle(representativeScenario)
  })

  it('halving the share raises the oracle’s objective by ≥ 20 %, doubling it lowers it by ≥ 10 %', () => {
    const half = solveOracle(representativeScenario, 0.5).result.objectiveEur
    const double = solveOracle(representativeScenario, 2).result.objectiveEur
    expect(half).toBeGreaterThanOrEqual(1.2 * today.result.objectiveEur)
    expect(double).toBeLessThanOrEqual(0.9 * today.result.objectiveEur)
  })

  it('prices key at €0.01 per Mbit or more on some link in at least a quarter of the slots', () => {
    const T = today.instance.slots
    const scarce = slotsOf(0, T).filter((t) =>
      today.result.shadowPriceEurPerBit.some((p) => (p[t] ?? 0) >= SCARCE_EUR_PER_BIT),
    )
    expect(scarce.length).toBeGreaterThanOrEqual(T / 4)
  })

  it('spends at most half of the objective on held messages', () => {
    const { instance, result } = today
    let heldEur = 0
    instance.flows.forEach((f, k) => {
      const hold = result.allocation!.holdShare[k]!
      for (let t = 0; t < instance.slots; t++)
        heldEur += (hold[t] ?? 0) * f.messagesPerSlot * f.slaPenaltyEur * instance.slaWeight
    })
    expect(heldEur).toBeLessThanOrEqual(0.5 * result.objectiveEur)
  })

  it('chooses every option kind somewhere during the day', () => {
    const { instance, result } = today
    const kinds = new Set<string>()
    instance.flows.forEach((f, k) => {
      const shares = result.allocation!.optionShare[k]!
      for (let t = 0; t < instance.slots; t++) {
        f.options.forEach((o, oi) => {
          if ((shares[t * f.options.length + oi] ?? 0) > 1e-6) kinds.add(o.kind)
        })
      }
    })
    expect([...kinds].sort()).toEqual(['aes-refresh', 'classical', 'otp-mac', 'wc-mac'])
  })

  it('carries an all-classical residual risk between €10k and €1M', () => {
    const metrics = computeMetrics(today.instance, today.result.allocation!)
    expect(metrics.classicalRiskEur).toBeGreaterThanOrEqual(1e4)
    expect(metrics.classicalRiskEur).toBeLessThanOrEqual(1e6)
  })

  it('prices key higher inside each key-yield shock, on the shocked links, than in calm slots', () => {
    const { scenario, instance, result } = today
    const calm = slotsOf(0, instance.slots).filter(
      (t) =>
        !scenario.threat.windows.some((w) => t >= w.startSlot && t < w.endSlot) &&
        !scenario.shocks.some((s) => t >= s.startSlot && t < s.endSlot),
    )
    expect(calm.length).toBeGreaterThan(0)
    for (const shock of scenario.shocks) {
      const inside = slotsOf(shock.startSlot, shock.endSlot)
      const links = shock.links === 'all' ? instance.links.map((l) => l.id) : shock.links
      for (const id of links) {
        const prices = result.shadowPriceEurPerBit[instance.links.findIndex((l) => l.id === id)]!
        expect(mean(prices, inside), `${shock.label} on ${id}`).toBeGreaterThan(mean(prices, calm))
      }
    }
  })

  it('sweeps the budget frontier by default across the knee around today’s share', () => {
    const share = today.scenario.qkd.vppShare
    const { from, to } = defaultFrontierRange(today.scenario)
    expect(from).toBeLessThanOrEqual(share / 2)
    expect(to).toBeGreaterThanOrEqual(share * 2)
    const low = solveOracle(representativeScenario, from / share).result.objectiveEur
    const high = solveOracle(representativeScenario, to / share).result.objectiveEur
    const mid = today.result.objectiveEur
    // Steep where key is scarce, nearly flat where it is plentiful: the knee lies in between.
    const scarceSlope = (low - mid) / (share - from)
    const plentifulSlope = (mid - high) / (to - share)
    expect(scarceSlope).toBeGreaterThan(10 * plentifulSlope)
    expect(plentifulSlope).toBeGreaterThanOrEqual(0)
  })
})

describe('the representative day: policies', () => {
  let comparison: Comparison
  beforeAll(() => {
    comparison = comparePolicies(highs, mustValidate(representativeScenario()), POLICY_NAMES, 1)
  })

  it('proposed beats greedy and static on residual risk and on objective', () => {
    const { proposed, greedy, static: fixed } = comparison.policies
    for (const [name, other] of [
      ['greedy', greedy],
      ['static', fixed],
    ] as const) {
      expect(proposed!.residualRiskEur!, `risk vs ${name}`).toBeLessThan(other!.residualRiskEur!)
      expect(proposed!.objectiveEur!, `objective vs ${name}`).toBeLessThan(other!.objectiveEur!)
    }
  })

  it('proposed stays within 5 % of the oracle’s objective', () => {
    expect(comparison.policies.oracle!.regretVsOracle).toBe(0)
    expect(comparison.policies.proposed!.regretVsOracle!).toBeLessThanOrEqual(0.05)
  })
})

describe.each([
  ['tiny', tinyScenario],
  ['large', largeScenario],
])('the %s built-in keeps a meaningful budget', (_name, build) => {
  it('halving its share raises the oracle’s objective by at least 20 %', () => {
    const today = solveOracle(build).result.objectiveEur
    const half = solveOracle(build, 0.5).result.objectiveEur
    expect(today).toBeGreaterThan(0)
    expect(half).toBeGreaterThanOrEqual(1.2 * today)
  })
})
