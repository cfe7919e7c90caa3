/**
 * The oracle's result in the `qkd-vpp-result` shape shared by the CLI's `--json` output and the
 * dashboard: one place turns a solve into reported numbers, in Eur and bits.
 */
import type { Highs } from 'highs'
import { buildInstance, type Instance } from '../derive/instance.ts'
import { computeMetrics, type Metrics } from '../metrics/metrics.ts'
import { thresholdCertificate } from '../metrics/threshold.ts'
import type { Scenario } from '../scenario/types.ts'
import type { Infeasibility } from '../solve/infeasibility.ts'
import type { ResidualRiskByCause, SlaViolationsByCause } from '../metrics/causes.ts'
import type { PolicyStatus } from '../policy/evaluate.ts'
import { fixesSentence, workingFixes } from '../solve/fixes.ts'
import { OracleSession, type OracleResult, type SessionOptions } from '../solve/oracleSession.ts'
import { idRecord } from '../util/idRecord.ts'
import { EVALUATION_DAY } from './evaluationDay.ts'

export const RESULT_FORMAT = 'qkd-vpp-result'
export const RESULT_VERSION = 1

export { EVALUATION_DAY } from './evaluationDay.ts'

export interface LinkReport {
  shadowPriceEurPerBit: number[]
  storeBits: number[]
  usedBits: number[]
}

export interface PolicyReport {
  status: PolicyStatus
  /** Risk + weighted SLA penalties + the terminal charge, €. */
  objectiveEur: number | null
  /** The terminal rule's charge for key left below the starting stores at the end of the day, €. */
  terminalChargeEur: number | null
  /** Key missing below the starting stores at the end of the day, bits. */
  endShortfallBits: number | null
  residualRiskEur: number | null
  slaViolations: number | null
  /** Late messages by cause: no allowed option meets the deadline, a late option chosen, held for lack of key, held in an outage. */
  slaViolationsByCause: SlaViolationsByCause | null
  /** Residual risk by cause, €: what the strongest option leaves, key scarcity, outages. */
  residualRiskByCause: ResidualRiskByCause | null
  slaViolationRate: number | null
  keyGeneratedBits: number | null
  keyUsedBits: number | null
  keySpilledBits: number | null
  /** Key the plan draws beyond what the stores hold (the replay's check; 0 for any plan shown), bits. */
  keyShortfallBits: number | null
  keyUtilization: number | null
  keyEfficiencyEurPerMbit: number | null
  solveMs: number
  /** Largest violation of the price-threshold rule, relative to the largest option cost. */
  thresholdViolation: number | null
  /** The same in Eur per flow-slot. */
  thresholdViolationEur: number | null
  /** LP relaxation bound and integrality gap (MILP only). */
  lpBoundEur?: number
  integralityGap?: number
  /** Gap between the MILP value and its proven bound when the solver stopped (MILP only). */
  mipGap?: number
  algorithm?: string
  series: { residualRiskEur: number[]; slaViolations: number[]; keyUsedBits: number[] }
  links: Record<string, LinkReport>
  infeasibility?: Infeasibility
  /** Why there is no trustworthy plan, in domain words (status `numerical-failure` or `time-limit`). */
  failure?: string
}

/** Rounds away binary noise (1e-17 style) so JSON stays readable; keeps 12 significant digits. */
export function tidy(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value
  return Number(value.toPrecision(12))
}

const tidyAll = (values: ArrayLike<number>): number[] => Array.from(values, tidy)

/** Tidies every number of a small record of named figures. */
function tidyRecord<T extends object>(record: T): T {
  const out = { ...record }
  for (const key of Object.keys(out) as Array<keyof T>)
    out[key] = tidy(out[key] as number) as T[keyof T]
  return out
}

/** Turns metrics and prices into the reported shape. */
export function policyReport(
  instance: Instance,
  status: PolicyStatus,
  solveMs: number,
  metrics: Metrics | undefined,
  prices: readonly Float64Array[] | undefined,
  certificate: { maxViolationEur: number; relativeViolation: number } | undefined,
): PolicyReport {
  const links = idRecord<LinkReport>()
  instance.links.forEach((link, e) => {
    const series = metrics?.links[link.id]
    links[link.id] = {
      shadowPriceEurPerBit: prices?.[e] !== undefined ? tidyAll(prices[e]) : [],
      storeBits: tidyAll(series?.storeBits ?? []),
      usedBits: tidyAll(series?.usedBits ?? []),
    }
  })
  const n = (v: number | undefined): number | null => (v === undefined ? null : tidy(v))
  return {
    status,
    objectiveEur: n(metrics?.objectiveEur),
    terminalChargeEur: n(metrics?.terminalChargeEur),
    endShortfallBits: n(metrics?.endShortfallBits),
    residualRiskEur: n(metrics?.residualRiskEur),
    slaViolations: n(metrics?.slaViolations),
    slaViolationsByCause: metrics === undefined ? null : tidyRecord(metrics.slaViolationsByCause),
    residualRiskByCause: metrics === undefined ? null : tidyRecord(metrics.residualRiskByCause),
    slaViolationRate: n(metrics?.slaViolationRate),
    keyGeneratedBits: n(metrics?.keyGeneratedBits),
    keyUsedBits: n(metrics?.keyUsedBits),
    keySpilledBits: n(metrics?.keySpilledBits),
    keyShortfallBits: n(metrics?.keyShortfallBits),
    keyUtilization: n(metrics?.keyUtilization),
    keyEfficiencyEurPerMbit: n(metrics?.keyEfficiencyEurPerMbit),
    solveMs: tidy(solveMs),
    thresholdViolation: n(certificate?.relativeViolation),
    thresholdViolationEur: n(certificate?.maxViolationEur),
    series: {
      residualRiskEur: tidyAll(metrics?.series.residualRiskEur ?? []),
      slaViolations: tidyAll(metrics?.series.slaViolations ?? []),
      keyUsedBits: tidyAll(metrics?.series.keyUsedBits ?? []),
    },
    links,
  }
}

export interface OracleRun {
  instance: Instance
  result: OracleResult
  metrics?: Metrics
  report: PolicyReport
}

/** Solves the oracle on the evaluation day and reports it. */
export function runOracle(
  highs: Highs,
  scenario: Scenario,
  options: SessionOptions = {},
): OracleRun {
  const instance = buildInstance(scenario, EVALUATION_DAY)
  const session = new OracleSession(highs, instance, options)
  let result: OracleResult
  try {
    result = session.solve()
  } finally {
    session.dispose()
  }
  if (result.infeasibility !== undefined) addWorkingFixes(highs, scenario, result.infeasibility)
  return reportOracle(instance, result)
}

/** Reports an oracle result already solved on `instance`. */
export function reportOracle(instance: Instance, result: OracleResult): OracleRun {
  const metrics =
    result.allocation === undefined ? undefined : computeMetrics(instance, result.allocation)
  const certificate =
    result.allocation === undefined
      ? undefined
      : thresholdCertificate(instance, result.allocation, result.shadowPriceEurPerBit)
  const report = policyReport(
    instance,
    result.status,
    result.solveMs,
    metrics,
    result.allocation && result.shadowPriceEurPerBit,
    certificate,
  )
  report.algorithm = result.algorithm
  if (result.lpBoundEur !== undefined && metrics !== undefined) {
    report.lpBoundEur = tidy(result.lpBoundEur)
    // Costs are non-negative: a bound below 0 is the solver's tolerance, and would put the gap
    // above 1.
    const bound = Math.max(0, result.lpBoundEur)
    report.integralityGap = tidy(
      metrics.objectiveEur > 0
        ? Math.max(0, metrics.objectiveEur - bound) / metrics.objectiveEur
        : 0,
    )
  }
  if (result.mipGap !== undefined) report.mipGap = tidy(result.mipGap)
  if (result.infeasibility !== undefined) report.infeasibility = result.infeasibility
  if (result.failure !== undefined) report.failure = result.failure
  const run: OracleRun = { instance, result, report }
  if (metrics !== undefined) run.metrics = metrics
  return run
}

/**
 * Completes an infeasibility explanation with the fixes that are known to work (each checked by
 * solving the changed scenario), in place: `fixes` and the closing sentence of `messages`.
 */
export function addWorkingFixes(highs: Highs, scenario: Scenario, why: Infeasibility): void {
  if (why.fixes !== undefined) return
  why.fixes = workingFixes(highs, scenario, why)
  why.messages.push(fixesSentence(why.fixes))
}
