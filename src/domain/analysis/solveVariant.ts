/**
 * One oracle solve of a scenario variant inside a sweep. Sweeps (frontier, link values, N-1
 * contingencies) change numbers only, so they share one persistent session and re-solve warm.
 */
import { buildInstance, type Instance } from '../derive/instance.ts'
import { computeMetrics } from '../metrics/metrics.ts'
import { EVALUATION_DAY } from '../report/oracleReport.ts'
import type { Scenario } from '../scenario/types.ts'
import type { OracleResult, OracleSession, SolveStatus } from '../solve/oracleSession.ts'
import { idRecord } from '../util/idRecord.ts'

export interface VariantOutcome {
  status: SolveStatus
  /** Oracle objective (residual risk + weighted SLA penalty), €; null when no plan exists. */
  objectiveEur: number | null
  /** Expected loss from successful attacks, €; null when no plan exists. */
  residualRiskEur: number | null
  /** Late messages over the day; null when no plan exists. */
  slaViolations: number | null
  /** Per process: key used in each slot, bits (empty when no plan exists). */
  keyUsedByProcessBits: Record<string, number[]>
  instance: Instance
  result: OracleResult
}

/** Solves `scenario` on the evaluation day in `session` (warm when only numbers changed). */
export function solveVariant(session: OracleSession, scenario: Scenario): VariantOutcome {
  const instance = buildInstance(scenario, EVALUATION_DAY)
  session.update(instance)
  const result = session.solve()
  if (result.allocation === undefined || result.status !== 'optimal') {
    return {
      status: result.status,
      objectiveEur: null,
      residualRiskEur: null,
      slaViolations: null,
      // Keyed by process ids like the solved case's record: no prototype to read ids from.
      keyUsedByProcessBits: idRecord(),
      instance,
      result,
    }
  }
  const metrics = computeMetrics(instance, result.allocation)
  return {
    status: result.status,
    objectiveEur: result.objectiveEur,
    residualRiskEur: metrics.residualRiskEur,
    slaViolations: metrics.slaViolations,
    keyUsedByProcessBits: metrics.series.keyUsedByProcessBits,
    instance,
    result,
  }
}

/** Σ_{e,t} λ[e,t]·g[e][t]: the objective's rate of decrease along a supply direction `g` (bits). */
export function priceAlong(
  prices: readonly Float64Array[],
  gradientBits: readonly number[][],
): number {
  let total = 0
  prices.forEach((row, e) => {
    const g = gradientBits[e]
    if (g === undefined) return
    for (let t = 0; t < row.length; t++) total += (row[t] ?? 0) * (g[t] ?? 0)
  })
  return total
}
