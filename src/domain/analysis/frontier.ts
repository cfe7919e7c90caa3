/**
 * The budget frontier: the oracle LP's objective, residual risk and SLA violations against the
 * VPP key share. Supply is linear in the share, so the LP optimum is a convex, non-increasing,
 * piecewise-linear function of it. Its slope at any share is exact from the duals
 * (−Σ λ[e,t]·∂supply/∂share), and the kinks — where the optimal basis and so the shadow prices
 * change — are found by intersecting neighbouring tangents and checking the intersection with
 * one more solve.
 */
import type { Highs } from 'highs'
import type { Scenario } from '../scenario/types.ts'
import { OracleSession, type SolveStatus } from '../solve/oracleSession.ts'
import { buildInstance } from '../derive/instance.ts'
import { EVALUATION_DAY } from '../report/oracleReport.ts'
import { nowMs } from '../util/clock.ts'
import { priceAlong, solveVariant } from './solveVariant.ts'
import { supplyBitsPerShare } from './supplyGradient.ts'

export interface FrontierOptions {
  /** Lowest share swept, 0..1 (default a tenth of the scenario's share). */
  from?: number
  /** Highest share swept, 0..1 (default ten times the scenario's share, at most 1). */
  to?: number
  /** Number of shares swept, ≥ 2 (default 20). */
  steps?: number
  /**
   * Even steps in the share, or in its logarithm (default `log` when `from` > 0): key is often
   * plentiful at the scenario's share and scarce an order of magnitude below it, so a log sweep
   * shows both ends of the curve.
   */
  spacing?: 'linear' | 'log'
  /** Extra solves allowed to locate breakpoints (default 60). */
  maxRefinementSolves?: number
}

export interface FrontierPoint {
  /** VPP key share, 0..1. */
  vppShare: number
  status: SolveStatus
  /** Oracle LP objective, €; null when infeasible. */
  objectiveEur: number | null
  residualRiskEur: number | null
  slaViolations: number | null
  /** d objective / d share from the duals, € per unit share (≤ 0); null when infeasible. */
  slopeEurPerShare: number | null
}

export interface Frontier {
  points: FrontierPoint[]
  /** Shares where the shadow prices change (kinks of the objective), ascending. */
  breakpoints: number[]
  /**
   * Share intervals that still hold kinks the refinement budget did not pin down (empty when
   * `breakpoints` is the complete list within the swept range).
   */
  unresolvedIntervals: [number, number][]
  currentShare: number
  /** Solves used, sweep and refinement. */
  solves: number
  elapsedMs: number
}

interface Sample {
  share: number
  objective: number
  slope: number
}

/** Relative tolerance for "same slope" and "on the tangent". */
const SLOPE_TOLERANCE = 1e-5
const VALUE_TOLERANCE = 1e-6

/** `steps` shares from `from` to `to` inclusive, evenly spaced or geometric (`from` > 0). */
export function frontierShares(
  from: number,
  to: number,
  steps: number,
  spacing: 'linear' | 'log' = 'linear',
): number[] {
  if (steps < 2 || to <= from) return [from]
  if (spacing === 'log' && from > 0) {
    const ratio = Math.log(to / from)
    return Array.from({ length: steps }, (_, i) =>
      i === steps - 1 ? to : from * Math.exp((ratio * i) / (steps - 1)),
    )
  }
  return Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1))
}

/**
 * Default sweep: from a tenth of the scenario's share to ten times it, at most 1. The built-in
 * days are calibrated so that key is scarce at their own share (MODEL.md §8), so this log range
 * shows the knee: scarce key on the left, the abundant plateau on the right.
 */
export function defaultFrontierRange(scenario: Scenario): { from: number; to: number } {
  const share = scenario.qkd.vppShare
  return share > 0 ? { from: share / 10, to: Math.min(1, share * 10) } : { from: 0, to: 0.05 }
}

/**
 * Sweeps the VPP share with one warm LP session and locates the breakpoints between samples.
 * The scenario's own MILP flag is ignored: the frontier is the LP's (its convexity is exact).
 */
export function budgetFrontier(
  highs: Highs,
  scenario: Scenario,
  options: FrontierOptions = {},
): Frontier {
  const started = nowMs()
  const range = defaultFrontierRange(scenario)
  const from = options.from ?? range.from
  const to = options.to ?? range.to
  const spacing = options.spacing ?? (from > 0 ? 'log' : 'linear')
  const shares = frontierShares(from, to, options.steps ?? 20, spacing)
  const gradient = supplyBitsPerShare(scenario)
  const session = new OracleSession(highs, buildInstance(scenario, EVALUATION_DAY), {
    integer: false,
  })
  let solves = 0
  const evaluate = (share: number) => {
    solves++
    const outcome = solveVariant(session, withShare(scenario, share))
    const slope =
      outcome.objectiveEur === null
        ? null
        : -priceAlong(outcome.result.shadowPriceEurPerBit, gradient)
    return { outcome, slope }
  }
  try {
    const points: FrontierPoint[] = shares.map((share) => {
      const { outcome, slope } = evaluate(share)
      return {
        vppShare: share,
        status: outcome.status,
        objectiveEur: outcome.objectiveEur,
        residualRiskEur: outcome.residualRiskEur,
        slaViolations: outcome.slaViolations,
        slopeEurPerShare: slope,
      }
    })
    const breakpoints: number[] = []
    const unresolved: [number, number][] = []
    let budget = options.maxRefinementSolves ?? 60
    // Breadth first, so a small budget is spread over every interval that holds a kink.
    const queue: [Sample, Sample][] = []
    for (let i = 0; i + 1 < points.length; i++) {
      const a = toSample(points[i])
      const b = toSample(points[i + 1])
      if (a !== undefined && b !== undefined) queue.push([a, b])
    }
    for (let pair = queue.shift(); pair !== undefined; pair = queue.shift()) {
      const [a, b] = pair
      if (sameSlope(a.slope, b.slope)) continue
      const kink = tangentIntersection(a, b)
      // Tangents meeting outside the interval only happens through rounding in the duals.
      if (budget <= 0 || !(kink > a.share && kink < b.share)) {
        unresolved.push([a.share, b.share])
        continue
      }
      budget--
      const { outcome, slope } = evaluate(kink)
      if (outcome.objectiveEur === null || slope === null) {
        unresolved.push([a.share, b.share])
        continue
      }
      const onTangent = a.objective + a.slope * (kink - a.share)
      const tolerance = VALUE_TOLERANCE * Math.max(1, Math.abs(onTangent))
      if (Math.abs(outcome.objectiveEur - onTangent) <= tolerance) {
        // Both tangents pass through the solved point, so the objective is linear on each side:
        // exactly one kink, here.
        breakpoints.push(kink)
        continue
      }
      const middle: Sample = { share: kink, objective: outcome.objectiveEur, slope }
      queue.push([a, middle], [middle, b])
    }
    breakpoints.sort((x, y) => x - y)
    return {
      points,
      breakpoints: dedupe(breakpoints, (to - from) * 1e-9),
      unresolvedIntervals: unresolved.sort((x, y) => x[0] - y[0]),
      currentShare: scenario.qkd.vppShare,
      solves,
      elapsedMs: nowMs() - started,
    }
  } finally {
    session.dispose()
  }
}

/** The scenario with another VPP share. */
export function withShare(scenario: Scenario, share: number): Scenario {
  return { ...scenario, qkd: { ...scenario.qkd, vppShare: share } }
}

function toSample(point: FrontierPoint | undefined): Sample | undefined {
  if (point === undefined || point.objectiveEur === null || point.slopeEurPerShare === null)
    return undefined
  return { share: point.vppShare, objective: point.objectiveEur, slope: point.slopeEurPerShare }
}

function sameSlope(a: number, b: number): boolean {
  return Math.abs(a - b) <= SLOPE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1e-9)
}

/** Where the tangent lines at `a` and `b` meet (the kink if there is exactly one between them). */
function tangentIntersection(a: Sample, b: Sample): number {
  return (b.objective - a.objective + a.slope * a.share - b.slope * b.share) / (a.slope - b.slope)
}

function dedupe(sorted: number[], epsilon: number): number[] {
  const out: number[] = []
  for (const x of sorted) {
    const last = out[out.length - 1]
    if (last === undefined || x - last > epsilon) out.push(x)
  }
  return out
}
