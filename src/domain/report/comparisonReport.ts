/**
 * The policy comparison (MODEL.md §5–§7): oracle, proposed, greedy and static on the evaluation
 * day, each with the oracle's fields plus regret against the oracle, risk in the attack and shock
 * windows, and Monte Carlo robustness over realised days.
 */
import type { Highs } from 'highs'
import { buildInstance, type Instance } from '../derive/instance.ts'
import type { Metrics } from '../metrics/metrics.ts'
import { thresholdCertificate } from '../metrics/threshold.ts'
import {
  disposeEvaluation,
  evaluateDay,
  monteCarlo,
  prepareEvaluation,
  type PolicyDay,
  type PolicyName,
  type Robustness,
} from '../policy/evaluate.ts'
import type { Scenario } from '../scenario/types.ts'
import type { SessionPool } from '../solve/sessionPool.ts'
import { nowMs } from '../util/clock.ts'
import { NoDayAheadPlanError } from '../policy/offlinePlan.ts'
import {
  addWorkingFixes,
  EVALUATION_DAY,
  policyReport,
  tidy,
  type PolicyReport,
} from './oracleReport.ts'

export interface WindowRisk {
  label: string
  kind: 'attack' | 'shock'
  startSlot: number
  endSlot: number
  /** Residual risk over the window's slots, Eur (null without a plan). */
  riskEur: number | null
  /** Largest residual risk of one slot in the window, Eur (null without a plan). */
  peakRiskEur: number | null
}

export interface ComparedPolicyReport extends PolicyReport {
  /** (objective − oracle objective) / oracle objective; 0 for the oracle itself. */
  regretVsOracle: number | null
  /** Monte Carlo risk over the days the policy had a plan (null figures when it had none). */
  robustness: ReportedRobustness
  /** Risk per attack window and shock (they may overlap). */
  windows: WindowRisk[]
  /** Risk over every slot inside any attack window or shock, counted once (null without a plan). */
  inWindows: { riskEur: number | null; peakRiskEur: number | null }
  /** Median wall time of one online controller step, ms (online policies). */
  stepMsMedian?: number
}

/** Robustness as reported: no figure for a policy that had a plan on no day. */
export interface ReportedRobustness {
  meanRiskEur: number | null
  cvar95RiskEur: number | null
  days: number
}

function reportedRobustness(r: Robustness): ReportedRobustness {
  return r.days === 0
    ? { meanRiskEur: null, cvar95RiskEur: null, days: 0 }
    : { meanRiskEur: tidy(r.meanRiskEur), cvar95RiskEur: tidy(r.cvar95RiskEur), days: r.days }
}

export interface Comparison {
  policies: Partial<Record<PolicyName, ComparedPolicyReport>>
  /** Wall time of the day-ahead plans (nominal and robust), ms. */
  planningMs: number
  totalMs: number
}

/** Slots inside any attack window or shock, each once. */
export function windowSlots(scenario: Scenario): number[] {
  const inside = new Set<number>()
  for (const w of [...scenario.threat.windows, ...scenario.shocks]) {
    for (let t = w.startSlot; t < w.endSlot; t++) inside.add(t)
  }
  return [...inside].sort((a, b) => a - b)
}

/** Risk inside each attack window and shock of the scenario. */
export function windowRisks(scenario: Scenario, metrics: Metrics | undefined): WindowRisk[] {
  const series = metrics?.series.residualRiskEur ?? []
  const summarise = (
    label: string,
    kind: WindowRisk['kind'],
    startSlot: number,
    endSlot: number,
  ): WindowRisk => {
    const slice = series.slice(startSlot, endSlot)
    return {
      label,
      kind,
      startSlot,
      endSlot,
      riskEur: metrics === undefined ? null : tidy(slice.reduce((a, b) => a + b, 0)),
      peakRiskEur: metrics === undefined ? null : tidy(Math.max(0, ...slice)),
    }
  }
  return [
    ...scenario.threat.windows.map((w) => summarise(w.label, 'attack', w.startSlot, w.endSlot)),
    ...scenario.shocks.map((s) => summarise(s.label, 'shock', s.startSlot, s.endSlot)),
  ]
}

function unionRisk(
  scenario: Scenario,
  metrics: Metrics | undefined,
): ComparedPolicyReport['inWindows'] {
  if (metrics === undefined) return { riskEur: null, peakRiskEur: null }
  const series = metrics.series.residualRiskEur
  const values = windowSlots(scenario).map((t) => series[t] ?? 0)
  return {
    riskEur: tidy(values.reduce((a, b) => a + b, 0)),
    peakRiskEur: tidy(Math.max(0, ...values)),
  }
}

function reportDay(scenario: Scenario, realised: Instance, day: PolicyDay): PolicyReport {
  const certificate =
    day.allocation !== undefined && day.prices !== undefined
      ? thresholdCertificate(realised, day.allocation, day.prices)
      : undefined
  const report = policyReport(
    realised,
    day.status,
    day.solveMs,
    day.metrics,
    day.prices,
    certificate,
  )
  if (day.infeasibility !== undefined) report.infeasibility = day.infeasibility
  if (day.failure !== undefined) report.failure = day.failure
  return report
}

/**
 * Runs the chosen policies on the evaluation day and `days` Monte Carlo days (days 0 … days−1,
 * the evaluation day among them). The oracle always runs, since regret is measured against it.
 */
export function comparePolicies(
  highs: Highs,
  scenario: Scenario,
  policies: readonly PolicyName[],
  days: number,
  pool?: SessionPool,
): Comparison {
  const started = nowMs()
  const wanted: PolicyName[] = policies.includes('oracle') ? [...policies] : ['oracle', ...policies]
  let context: ReturnType<typeof prepareEvaluation>
  try {
    context = prepareEvaluation(highs, scenario, wanted, undefined, pool)
  } catch (error) {
    if (!(error instanceof NoDayAheadPlanError)) throw error
    return withoutDayAheadPlan(highs, scenario, policies, started, pool)
  }
  const planningMs = nowMs() - started
  try {
    const realised = buildInstance(scenario, EVALUATION_DAY)
    const today = evaluateDay(context, EVALUATION_DAY, wanted)
    const mc = days > 1 ? monteCarlo(context, days, wanted) : undefined
    const oracleObjective = today.find((d) => d.policy === 'oracle')?.metrics?.objectiveEur
    const reports: Comparison['policies'] = {}
    for (const day of today) {
      if (!policies.includes(day.policy)) continue
      const base = reportDay(scenario, realised, day)
      const objective = day.metrics?.objectiveEur
      const single = day.metrics?.residualRiskEur ?? 0
      const report: ComparedPolicyReport = {
        ...base,
        regretVsOracle:
          objective === undefined || oracleObjective === undefined
            ? null
            : tidy(regret(objective, oracleObjective)),
        robustness: reportedRobustness(
          mc?.robustness[day.policy] ?? {
            meanRiskEur: single,
            cvar95RiskEur: single,
            days: day.metrics === undefined ? 0 : 1,
          },
        ),
        windows: windowRisks(scenario, day.metrics),
        inWindows: unionRisk(scenario, day.metrics),
      }
      if (day.stepMsMedian !== undefined) report.stepMsMedian = tidy(day.stepMsMedian)
      reports[day.policy] = report
    }
    completeInfeasibility(highs, scenario, reports)
    return { policies: reports, planningMs: tidy(planningMs), totalMs: tidy(nowMs() - started) }
  } finally {
    disposeEvaluation(context)
  }
}

/**
 * The comparison when the forecast day has no feasible plan, so static and proposed have no
 * day-ahead plan to follow. The oracle still runs on the realised day: when it is infeasible too,
 * every policy carries its explanation (the same words under every `--policy`); when noise made
 * the realised day feasible, the online policies that need a day-ahead plan say why they did not
 * run, and greedy (which needs none) runs as usual.
 */
function withoutDayAheadPlan(
  highs: Highs,
  scenario: Scenario,
  policies: readonly PolicyName[],
  started: number,
  pool: SessionPool | undefined,
): Comparison {
  const runnable: PolicyName[] = ['oracle', ...policies.filter((p) => p === 'greedy')]
  const context = prepareEvaluation(highs, scenario, runnable, undefined, pool)
  try {
    const realised = buildInstance(scenario, EVALUATION_DAY)
    const today = evaluateDay(context, EVALUATION_DAY, runnable)
    const oracleDay = today.find((d) => d.policy === 'oracle')
    const oracle = oracleDay === undefined ? undefined : reportDay(scenario, realised, oracleDay)
    const oracleObjective = oracleDay?.metrics?.objectiveEur
    const reports: Comparison['policies'] = {}
    for (const name of policies) {
      const day = today.find((d) => d.policy === name)
      const base =
        day !== undefined
          ? reportDay(scenario, realised, day)
          : notRun(realised, oracle, 'the day-ahead forecast has no feasible plan to follow')
      const objective = day?.metrics?.objectiveEur
      reports[name] = {
        ...base,
        regretVsOracle:
          objective === undefined || oracleObjective === undefined
            ? null
            : tidy(regret(objective, oracleObjective)),
        robustness: reportedRobustness({
          meanRiskEur: day?.metrics?.residualRiskEur ?? 0,
          cvar95RiskEur: day?.metrics?.residualRiskEur ?? 0,
          days: day?.metrics === undefined ? 0 : 1,
        }),
        windows: windowRisks(scenario, day?.metrics),
        inWindows: unionRisk(scenario, day?.metrics),
      }
    }
    completeInfeasibility(highs, scenario, reports)
    return { policies: reports, planningMs: 0, totalMs: tidy(nowMs() - started) }
  } finally {
    disposeEvaluation(context)
  }
}

/**
 * (objective − oracle) / oracle, or the plain difference when the oracle's objective is 0 or so
 * small (a subnormal number of euros) that the ratio overflows to infinity.
 */
export function regret(objective: number, oracleObjective: number): number {
  const difference = objective - oracleObjective
  const ratio = difference / oracleObjective
  return oracleObjective > 0 && Number.isFinite(ratio) ? ratio : difference
}

/**
 * The report of a policy that could not run: the oracle's infeasibility when it has one (the
 * scenario itself has no plan), its failure when it has no trustworthy plan, else `reason` as the
 * explanation.
 */
function notRun(
  realised: Instance,
  oracle: PolicyReport | undefined,
  reason: string,
): PolicyReport {
  if (oracle?.failure !== undefined && oracle.objectiveEur === null) {
    // The oracle has no trustworthy plan either (a numerical failure): say that, not "infeasible".
    const failed = policyReport(realised, oracle.status, 0, undefined, undefined, undefined)
    failed.failure = oracle.failure
    return failed
  }
  const report = policyReport(realised, 'infeasible', 0, undefined, undefined, undefined)
  report.infeasibility = oracle?.infeasibility ?? {
    links: [],
    processes: [],
    flows: [],
    slots: [],
    messages: [`This policy did not run: ${reason}.`],
    proven: false,
  }
  return report
}

/** An infeasible day gets the same explanation, fixes included, under every `--policy`. */
function completeInfeasibility(
  highs: Highs,
  scenario: Scenario,
  reports: Comparison['policies'],
): void {
  const why = reports.oracle?.infeasibility
  if (why !== undefined) addWorkingFixes(highs, scenario, why)
}
