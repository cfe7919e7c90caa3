/**
 * What the worker does, as plain functions over an injected solver so Node tests can run them.
 * One persistent oracle session is kept between requests: numeric edits (share, rates, buffers,
 * windows, shocks) re-solve warm instead of rebuilding.
 */
import { contingencyCases } from '../domain/analysis/contingency.ts'
import type { Highs } from 'highs'
import { buildInstance } from '../domain/derive/instance.ts'
import { unreachableDeadlines, unreachableDeadlineText } from '../domain/metrics/causes.ts'
import { computeMetrics } from '../domain/metrics/metrics.ts'
import { comparePolicies } from '../domain/report/comparisonReport.ts'
import {
  addWorkingFixes,
  EVALUATION_DAY,
  policyReport,
  tidy,
} from '../domain/report/oracleReport.ts'
import { thresholdPoints } from '../domain/report/thresholdPoints.ts'
import { thresholdCertificate } from '../domain/metrics/threshold.ts'
import { POLICY_NAMES } from '../domain/policy/evaluate.ts'
import { OFFLINE_DAY_BASE } from '../domain/policy/offlinePlan.ts'
import { scenarioHash } from '../domain/scenario/hash.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import { OracleSession } from '../domain/solve/oracleSession.ts'
import { SessionPool } from '../domain/solve/sessionPool.ts'
import { idRecord } from '../domain/util/idRecord.ts'
import type {
  ComparisonProgress,
  ComparisonResponse,
  Failure,
  NoPlanStatus,
  OraclePlan,
  OracleResponse,
  SolveRequest,
} from './api.ts'

export interface PlannerState {
  session: OracleSession | undefined
  /** Warm day-ahead and evaluation models for the policy comparison, kept across edits. */
  pool: SessionPool | undefined
}

export function createPlannerState(): PlannerState {
  return { session: undefined, pool: undefined }
}

function invalid(revision: number, issues: { path: string; message: string }[]): Failure {
  return {
    ok: false,
    revision,
    kind: 'invalid',
    message: `The scenario has ${issues.length} problem${issues.length === 1 ? '' : 's'}.`,
    issues,
  }
}

/**
 * Solves the oracle for a request, warm when the model's structure is unchanged. The tie-break
 * makes the warm answer the one a fresh solve gives, so every page shows the same figures.
 */
export function planOracle(
  highs: Highs,
  state: PlannerState,
  request: SolveRequest,
): OracleResponse {
  const validated = validateScenario(request.scenario)
  if (!validated.ok) return invalid(request.revision, validated.issues)
  const scenario = validated.scenario
  const instance = buildInstance(scenario, EVALUATION_DAY)
  if (state.session === undefined) state.session = new OracleSession(highs, instance)
  else state.session.update(instance)
  const result = state.session.solve()
  if (result.infeasibility !== undefined) addWorkingFixes(highs, scenario, result.infeasibility)
  if (result.status === 'infeasible') {
    return {
      ok: false,
      revision: request.revision,
      kind: 'infeasible',
      message: 'No plan can meet every constraint of this scenario.',
      infeasibility: result.infeasibility ?? {
        links: [],
        processes: [],
        flows: [],
        slots: [],
        messages: ['The solver proved the scenario infeasible but found no conflicting subsystem.'],
        proven: false,
      },
    }
  }
  if (result.allocation === undefined) {
    // Statuses other than optimal and infeasible: the domain says why in words (a time limit,
    // numerical trouble, a plan the replay refused), which the dashboard shows as it is.
    const status: NoPlanStatus = result.status === 'optimal' ? 'numerical-failure' : result.status
    return {
      ok: false,
      revision: request.revision,
      kind: 'no-plan',
      status,
      message: result.failure ?? `No trustworthy plan: the solver ended with status ${status}.`,
    }
  }
  const metrics = computeMetrics(instance, result.allocation)
  const certificate = thresholdCertificate(instance, result.allocation, result.shadowPriceEurPerBit)
  const base = policyReport(
    instance,
    result.status,
    result.solveMs,
    metrics,
    result.shadowPriceEurPerBit,
    certificate,
  )
  // Keyed by user ids: without a prototype, a process or link called `__proto__` stays a key.
  const byProcess: OraclePlan['byProcess'] = idRecord()
  for (const id of instance.processIds) {
    byProcess[id] = {
      keyUsedBits: (metrics.series.keyUsedByProcessBits[id] ?? []).map(tidy),
      slaViolations: (metrics.series.slaViolationsByProcess[id] ?? []).map(tidy),
    }
  }
  const supplyBits: OraclePlan['supplyBits'] = idRecord()
  const utilization: OraclePlan['utilization'] = idRecord()
  instance.links.forEach((link) => {
    const supply = link.supplyBps.map((r) => tidy(r * instance.slotSeconds))
    supplyBits[link.id] = supply
    const generated = supply.reduce((a, b) => a + b, 0)
    const used = metrics.links[link.id]?.usedBits.reduce((a, b) => a + b, 0) ?? 0
    utilization[link.id] = generated > 0 ? tidy(used / generated) : 0
  })
  const plan: OraclePlan = {
    ...base,
    algorithm: result.algorithm,
    classicalRiskEur: tidy(metrics.classicalRiskEur),
    byProcess,
    supplyBits,
    utilization,
    threshold: thresholdPoints(instance, result.allocation, result.shadowPriceEurPerBit, 3000),
    slotMinutes: scenario.horizon.slotMinutes,
    slots: scenario.horizon.slots,
    warm: result.warm,
    warnings: unreachableDeadlines(scenario, instance).map(unreachableDeadlineText),
    size: {
      flows: instance.flows.length,
      slots: instance.slots,
      links: instance.links.length,
      columns: state.session.layout?.layout.numCols ?? 0,
      rows: state.session.layout?.layout.numRows ?? 0,
      samples: scenario.uncertainty.scenarioCount,
      // The plan's own instance: the relay paths are not searched a second time on every edit.
      contingencyCases: contingencyCases(scenario, instance).length,
    },
  }
  // A plan cut short by a limit is shown, with the domain's words for what it falls short of.
  if (result.failure !== undefined) plan.failure = result.failure
  return { ok: true, revision: request.revision, hash: scenarioHash(scenario), plan }
}

/**
 * Compares every policy on the evaluation day (one day: interactive speed). With a planner state
 * the day-ahead samples re-solve warm from their previous bases.
 */
export function planComparison(
  highs: Highs,
  request: SolveRequest,
  state?: PlannerState,
  onProgress?: (progress: ComparisonProgress) => void,
): ComparisonResponse {
  const validated = validateScenario(request.scenario)
  if (!validated.ok) return invalid(request.revision, validated.issues)
  if (state !== undefined) state.pool ??= new SessionPool(highs)
  const pool = state?.pool
  const samples = validated.scenario.uncertainty.scenarioCount
  if (pool !== undefined && onProgress !== undefined) {
    pool.onSession = (key) => onProgress(comparisonStep(key, samples))
  }
  try {
    return {
      ok: true,
      revision: request.revision,
      comparison: comparePolicies(highs, validated.scenario, POLICY_NAMES, 1, pool),
    }
  } finally {
    if (pool !== undefined) pool.onSession = undefined
  }
}

/**
 * Where a comparison is, from the pool key of the model it asks for next: the nominal plan
 * (`plan:forecast`), the robust plan's samples (`plan:<OFFLINE_DAY_BASE + i>`), then the oracle
 * on the realised day (`oracle:<day>`), after which only the online policies' simulations run.
 * Steps: 1 nominal + `samples` robust + 1 oracle, and the online policies as the last.
 */
export function comparisonStep(key: string, samples: number): ComparisonProgress {
  const total = samples + 3
  if (key === 'plan:forecast') return { done: 0, total, label: 'nominal day-ahead plan' }
  const day = Number(key.slice(key.indexOf(':') + 1))
  if (key.startsWith('plan:') && Number.isInteger(day)) {
    const i = Math.min(samples - 1, Math.max(0, day - OFFLINE_DAY_BASE))
    return { done: 1 + i, total, label: `robust plan ${i + 1}/${samples} samples` }
  }
  return { done: samples + 1, total, label: 'oracle on the realised day, then the online policies' }
}

/** Frees the persistent model. */
export function disposePlanner(state: PlannerState): void {
  state.session?.dispose()
  state.session = undefined
  state.pool?.dispose()
  state.pool = undefined
}
