/**
 * Day-ahead plans. The nominal plan is the oracle LP on the forecast (static's quotas come from it).
 * The robust plan solves the LP on sampled days (seeded supply and attack noise) and combines them
 * under the scenario's risk measure into domain-level quotas, store targets (the key to bank ahead
 * of windows) and reference prices for the online controller.
 */
import type { Highs } from 'highs'
import { flowKeyBits, type Allocation } from '../allocation.ts'
import { buildInstance, type Instance } from '../derive/instance.ts'
import type { RiskMeasure, Scenario } from '../scenario/types.ts'
import type { OracleResult } from '../solve/oracleSession.ts'
import { withPool, type SessionPool } from '../solve/sessionPool.ts'
import { nowMs } from '../util/clock.ts'

/** Realised-day ids used for the offline samples: far from the evaluation days 0, 1, 2, … */
export const OFFLINE_DAY_BASE = 1_000_000

export interface DayPlan {
  /** Key per process, link and slot, bits: `[process][link][slot]`. */
  quotas: Float64Array[][]
  /** Store level per link at the end of each slot, bits. */
  storeTargets: Float64Array[]
  /** Reference shadow price per link and slot, Eur/bit. */
  prices: Float64Array[]
  /** Option share per flow, slot-major like an allocation (for static's fixed option). */
  allocation: Allocation
  /** Objective of each sampled day, Eur, and the weight the risk measure gave it. */
  samples: Array<{ day: number | undefined; objectiveEur: number; weight: number }>
  solveMs: number
}

/** Key each process draws from each link per slot under an allocation, bits. */
export function processLinkUse(instance: Instance, allocation: Allocation): Float64Array[][] {
  const use = instance.processIds.map(() =>
    instance.links.map(() => new Float64Array(instance.slots)),
  )
  instance.flows.forEach((f, k) => {
    const p = instance.processIds.indexOf(f.processId)
    const split = allocation.pathShare[k]
    for (let t = 0; t < instance.slots; t++) {
      const bits = flowKeyBits(instance, allocation, k, t)
      if (bits <= 0) continue
      f.paths.forEach((path, pi) => {
        const share = split?.[t * f.paths.length + pi] ?? 0
        for (const e of path.links) {
          const row = use[p]?.[e]
          if (row !== undefined) row[t] = (row[t] ?? 0) + bits * share
        }
      })
    }
  })
  return use
}

/**
 * Weights of sampled days under a risk measure: equal (expected), all on the costliest (worst), or
 * equal over the costliest ⌈(1 − α)·n⌉ (CVaR at level α).
 */
export function riskWeights(
  objectives: readonly number[],
  measure: RiskMeasure,
  alpha: number,
): number[] {
  const n = objectives.length
  if (n === 0) return []
  if (measure === 'expected') return objectives.map(() => 1 / n)
  const order = objectives.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0])
  const tail = measure === 'worst' ? 1 : Math.max(1, Math.ceil((1 - alpha) * n))
  const weights = new Array<number>(n).fill(0)
  for (let i = 0; i < tail; i++) weights[order[i]?.[1] ?? 0] = 1 / tail
  return weights
}

function weightedSum(
  parts: ReadonlyArray<{ weight: number; value: Float64Array }>,
  length: number,
): Float64Array {
  const out = new Float64Array(length)
  for (const { weight, value } of parts) {
    if (weight === 0) continue
    for (let i = 0; i < length; i++) out[i] = (out[i] ?? 0) + weight * (value[i] ?? 0)
  }
  return out
}

interface SampleSolve {
  day: number | undefined
  instance: Instance
  result: OracleResult
}

/**
 * Solves the LP on each day. With a pool, each day keeps its own warm model across calls; without
 * one, the days share one model in turn (still warm from day to day).
 */
function solveDays(
  highs: Highs,
  scenario: Scenario,
  days: ReadonlyArray<number | undefined>,
  pool: SessionPool | undefined,
): SampleSolve[] {
  const out: SampleSolve[] = []
  withPool(highs, pool, (sessions) => {
    for (const day of days) {
      const instance = buildInstance(scenario, day)
      const key = pool === undefined ? 'shared' : `plan:${day ?? 'forecast'}`
      const result = sessions.session(key, instance).solve()
      if (result.status === 'optimal' && result.allocation !== undefined)
        out.push({ day, instance, result })
    }
  })
  return out
}

/**
 * Thrown when no day the day-ahead plan samples has a feasible plan (the forecast itself is
 * infeasible). Callers report it in domain words, beside the oracle's own explanation.
 */
export class NoDayAheadPlanError extends Error {
  constructor() {
    super('no sampled day of the day-ahead plan has a feasible plan')
    this.name = 'NoDayAheadPlanError'
  }
}

function combine(samples: SampleSolve[], weights: number[], started: number): DayPlan {
  const first = samples[0]
  if (first === undefined) throw new NoDayAheadPlanError()
  const { instance } = first
  const T = instance.slots
  const uses = samples.map((s) => processLinkUse(s.instance, s.result.allocation as Allocation))
  const quotas = instance.processIds.map((_, p) =>
    instance.links.map((__, e) =>
      weightedSum(
        uses.map((u, i) => ({ weight: weights[i] ?? 0, value: u[p]?.[e] ?? new Float64Array(T) })),
        T,
      ),
    ),
  )
  const perLink = (
    pick: (s: SampleSolve, e: number) => Float64Array,
    w: readonly number[],
  ): Float64Array[] =>
    instance.links.map((_, e) =>
      weightedSum(
        samples.map((s, i) => ({ weight: w[i] ?? 0, value: pick(s, e) })),
        T,
      ),
    )
  // Prices are a reference for the online threshold, so they average every sample (one tail day's
  // duals are too degenerate to steer by); the risk measure shapes quotas and store targets.
  const uniform = samples.map(() => 1 / samples.length)
  const heaviest = samples[weights.indexOf(Math.max(...weights))] ?? first
  return {
    quotas,
    storeTargets: perLink((s, e) => s.result.lpStoreBits[e] ?? new Float64Array(T), weights),
    prices: perLink((s, e) => s.result.shadowPriceEurPerBit[e] ?? new Float64Array(T), uniform),
    allocation: heaviest.result.allocation as Allocation,
    samples: samples.map((s, i) => ({
      day: s.day,
      objectiveEur: s.result.objectiveEur,
      weight: weights[i] ?? 0,
    })),
    solveMs: nowMs() - started,
  }
}

/** The oracle LP on the forecast: the day-ahead nominal plan. */
export function nominalPlan(highs: Highs, scenario: Scenario, pool?: SessionPool): DayPlan {
  const started = nowMs()
  return combine(solveDays(highs, scenario, [undefined], pool), [1], started)
}

/**
 * The robust day-ahead plan over `uncertainty.scenarioCount` sampled days, combined under
 * `uncertainty.riskMeasure`.
 */
export function robustPlan(highs: Highs, scenario: Scenario, pool?: SessionPool): DayPlan {
  const started = nowMs()
  const { scenarioCount, riskMeasure, alpha } = scenario.uncertainty
  const days = Array.from({ length: scenarioCount }, (_, i) => OFFLINE_DAY_BASE + i)
  const samples = solveDays(highs, scenario, days, pool)
  const weights = riskWeights(
    samples.map((s) => s.result.objectiveEur),
    riskMeasure,
    alpha,
  )
  return combine(samples, weights, started)
}
