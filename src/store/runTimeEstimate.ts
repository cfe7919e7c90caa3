/**
 * Run-time estimates from the scenario's size, for the policy comparison's timeout and the
 * decision-support panels' "about how long" and progress. Each estimate is a time measured on
 * the representative day (12 flows × 96 slots = 1,152 flow-slots) scaled by a power of the
 * flow-slots, the power fitted on the large scenario (202 × 96 = 19,392 flow-slots), per unit
 * of work (a sampled day, a frontier share, a link's re-solves, a batch of N-1 cases).
 *
 * Measured in Node with the same HiGHS wasm the worker runs (one core, after warm-up; Debian
 * Chromium's worker is comparable), representative → large:
 * - a cold LP solve: 100 ms → 3.5 s (power 1.26);
 * - the policy comparison, 22 LP solves (nominal plan, 20 robust samples, the oracle day) and
 *   the online policies: 3.2 s → 100 s, 145 ms → 4.5 s a day (power 1.22);
 * - the budget frontier, 80 solves: 3.1 s → 362 s (power 1.69: across shares from 1/50 to 2×
 *   the warm start helps little on the large scenario);
 * - link values, a base solve and re-solves per link: 32 ms → 330 ms a re-solve (power 0.83);
 * - an N-1 batch (the base plan cold, then two cases): about 1.4 cold LP solves;
 * - LP vs MILP: 7.2 s → 49 s (power 0.68), the MILP stopping at its 60 s limit at the latest.
 */
import { MILP_TIME_LIMIT_S } from '../domain/solve/oracleSession.ts'
import type { ScenarioSize } from '../worker/api.ts'

/** Flow-slots of the representative day, where the reference times were measured. */
const REFERENCE_FLOW_SLOTS = 1152

interface Fit {
  /** Time of one unit of work on the representative day, ms. */
  ms: number
  /** Power of the flow-slots ratio. */
  power: number
}

const FIT = {
  lp: { ms: 100, power: 1.26 },
  comparisonDay: { ms: 145, power: 1.22 },
  frontierShare: { ms: 39, power: 1.69 },
  linkResolve: { ms: 32, power: 0.83 },
  integrality: { ms: 7200, power: 0.68 },
} satisfies Record<string, Fit>

/** Frontier solves: 20 shares and up to 60 more to place the breakpoints. */
const FRONTIER_SOLVES = 80
/** Re-solves per link for the link values: rate and store, each raised and lowered. */
const LINK_RESOLVES = 4
/** An N-1 batch (two cases after a cold base solve), in cold LP solves. */
const BATCH_SOLVES = 1.4
/** The MILP's time limit in `analyseIntegrality` (the session's default), ms. */
export const MILP_LIMIT_MS = MILP_TIME_LIMIT_S * 1000

function scaled(fit: Fit, size: ScenarioSize): number {
  const ratio = Math.max(1, size.flows * size.slots) / REFERENCE_FLOW_SLOTS
  return fit.ms * ratio ** fit.power
}

/** One cold LP solve of a scenario of `size`, ms. */
export function coldLpMs(size: ScenarioSize): number {
  return scaled(FIT.lp, size)
}

/** The policy comparison: nominal plan, the robust plan's samples and the oracle day. */
export function estimateComparisonMs(size: ScenarioSize): number {
  return (size.samples + 2) * scaled(FIT.comparisonDay, size)
}

export type EstimatedAnalysis = 'frontier' | 'linkValues' | 'contingency' | 'integrality'

export interface EstimateInput {
  size: ScenarioSize
  /** N-1 cases (contingency only). */
  cases?: number
  /** Workers of the N-1 pool (contingency only). */
  poolSize?: number
}

/** How long an analysis should take on a scenario of `size`, ms. */
export function estimateAnalysisMs(kind: EstimatedAnalysis, input: EstimateInput): number {
  const { size } = input
  switch (kind) {
    case 'frontier':
      return FRONTIER_SOLVES * scaled(FIT.frontierShare, size)
    case 'linkValues':
      return coldLpMs(size) + LINK_RESOLVES * size.links * scaled(FIT.linkResolve, size)
    case 'contingency': {
      const batches = Math.ceil((input.cases ?? 2 * size.links) / 2)
      const workers = Math.max(1, input.poolSize ?? 2)
      return Math.ceil(batches / workers) * BATCH_SOLVES * coldLpMs(size)
    }
    case 'integrality':
      return Math.min(scaled(FIT.integrality, size), 2 * coldLpMs(size) + MILP_LIMIT_MS)
  }
}

/** "about 3 s", "about 2 min". */
export function durationText(ms: number): string {
  if (ms < 1500) return 'about a second'
  if (ms < 90_000) return `about ${Math.round(ms / 1000)} s`
  const minutes = ms / 60_000
  return `about ${minutes < 10 ? Math.round(minutes * 2) / 2 : Math.round(minutes)} min`
}
