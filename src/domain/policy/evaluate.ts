/**
 * Running the four policies on realised days. The day-ahead plans depend only on the scenario, so
 * they are made once and reused for every evaluated day; the oracle keeps one warm model across
 * days (only supply and attack numbers change between days).
 */
import type { Highs } from 'highs'
import type { Allocation } from '../allocation.ts'
import { buildInstance, type Instance } from '../derive/instance.ts'
import { computeMetrics, type Metrics } from '../metrics/metrics.ts'
import type { Scenario } from '../scenario/types.ts'
import type { Infeasibility } from '../solve/infeasibility.ts'
import { OracleSession, type OracleResult } from '../solve/oracleSession.ts'
import type { SessionPool } from '../solve/sessionPool.ts'
import { nowMs } from '../util/clock.ts'
import { greedyController } from './greedy.ts'
import { nominalPlan, robustPlan, type DayPlan } from './offlinePlan.ts'
import { DEFAULT_CONTROLLER_PARAMS, proposedController, type ControllerParams } from './proposed.ts'
import { simulateDay, type OnlineController } from './simulate.ts'
import { staticController } from './static.ts'

export const POLICY_NAMES = ['oracle', 'proposed', 'greedy', 'static'] as const
export type PolicyName = (typeof POLICY_NAMES)[number]

/**
 * How a policy's day ended: the oracle's solver status, `feasible` for an online policy that
 * served every message within the scenario's rules, or `forced-hold` when it had to hold messages
 * although `policy.holdAllowed` is false (every allowed option needed key it did not have).
 */
export type PolicyStatus = OracleResult['status'] | 'feasible' | 'forced-hold'

export interface PolicyDay {
  policy: PolicyName
  status: PolicyStatus
  allocation?: Allocation
  metrics?: Metrics
  /** Shadow prices (oracle) or controller prices (proposed), Eur/bit per link and slot. */
  prices?: Float64Array[]
  /** Wall time of the policy's day, ms (the oracle's solve; an online policy's whole day). */
  solveMs: number
  /** Median controller step, ms (online policies). */
  stepMsMedian?: number
  /** Why the oracle found no plan (oracle only, when infeasible). */
  infeasibility?: Infeasibility
  /** Why the oracle has no trustworthy plan (oracle only: `numerical-failure`, `time-limit`). */
  failure?: string
}

export interface EvaluationContext {
  scenario: Scenario
  forecast: Instance
  nominal: DayPlan
  robust: DayPlan
  params: ControllerParams
  oracle: OracleSession | undefined
  highs: Highs
  /** Warm models kept by an interactive caller across edits (the worker); else undefined. */
  pool: SessionPool | undefined
}

/** Makes the day-ahead plans once. Dispose the context to free the oracle's model. */
export function prepareEvaluation(
  highs: Highs,
  scenario: Scenario,
  policies: readonly PolicyName[],
  params: ControllerParams = DEFAULT_CONTROLLER_PARAMS,
  pool?: SessionPool,
): EvaluationContext {
  const forecast = buildInstance(scenario)
  const needs = (p: PolicyName): boolean => policies.includes(p)
  const empty = (): DayPlan => ({
    quotas: [],
    storeTargets: [],
    prices: [],
    allocation: { optionShare: [], holdShare: [], pathShare: [] },
    samples: [],
    solveMs: 0,
  })
  return {
    scenario,
    forecast,
    nominal: needs('static') ? nominalPlan(highs, scenario, pool) : empty(),
    robust: needs('proposed') ? robustPlan(highs, scenario, pool) : empty(),
    params,
    oracle: undefined,
    highs,
    pool,
  }
}

export function disposeEvaluation(context: EvaluationContext): void {
  context.oracle?.dispose()
  context.oracle = undefined
}

function runOracleDay(context: EvaluationContext, realised: Instance): PolicyDay {
  let session: OracleSession
  if (context.pool !== undefined) {
    session = context.pool.session(`oracle:${realised.day ?? 'forecast'}`, realised)
  } else {
    if (context.oracle === undefined) context.oracle = new OracleSession(context.highs, realised)
    else context.oracle.update(realised)
    session = context.oracle
  }
  const result = session.solve()
  const day: PolicyDay = { policy: 'oracle', status: result.status, solveMs: result.solveMs }
  if (result.infeasibility !== undefined) day.infeasibility = result.infeasibility
  if (result.failure !== undefined) day.failure = result.failure
  if (result.allocation !== undefined) {
    day.allocation = result.allocation
    day.metrics = computeMetrics(realised, result.allocation)
    day.prices = result.shadowPriceEurPerBit
  }
  return day
}

function runOnline(
  policy: PolicyName,
  controller: OnlineController,
  context: EvaluationContext,
  realised: Instance,
): PolicyDay {
  const started = nowMs()
  const sim = simulateDay(realised, context.forecast, controller)
  const forcedHold =
    !realised.holdAllowed && sim.allocation.holdShare.some((row) => row.some((h) => h > 1e-9))
  return {
    policy,
    status: forcedHold ? 'forced-hold' : 'feasible',
    allocation: sim.allocation,
    metrics: computeMetrics(realised, sim.allocation),
    solveMs: nowMs() - started,
    stepMsMedian: sim.stepMsMedian,
  }
}

/** Runs the chosen policies on realised day `day`. */
export function evaluateDay(
  context: EvaluationContext,
  day: number,
  policies: readonly PolicyName[],
): PolicyDay[] {
  const realised = buildInstance(context.scenario, day)
  return policies.map((policy) => {
    switch (policy) {
      case 'oracle':
        return runOracleDay(context, realised)
      case 'greedy':
        return runOnline(policy, greedyController(), context, realised)
      case 'static':
        return runOnline(
          policy,
          staticController(context.forecast, context.nominal),
          context,
          realised,
        )
      case 'proposed': {
        const controller = proposedController(context.forecast, context.robust, context.params)
        const result = runOnline(policy, controller, context, realised)
        result.prices = controller.priceHistory
        return result
      }
    }
  })
}

/** Conditional value at risk: the mean of the worst (1 − level) share of the values. */
export function cvar(values: readonly number[], level = 0.95): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => b - a)
  const tail = Math.max(1, Math.ceil((1 - level) * sorted.length))
  return sorted.slice(0, tail).reduce((a, b) => a + b, 0) / tail
}

export interface Robustness {
  meanRiskEur: number
  cvar95RiskEur: number
  days: number
}

/**
 * Monte Carlo over realised days 0 … days−1: mean and CVaR95 of each policy's residual risk, and
 * each policy's day results (for the benchmark's timing and ordering checks).
 */
export function monteCarlo(
  context: EvaluationContext,
  days: number,
  policies: readonly PolicyName[],
): { robustness: Record<string, Robustness>; perDay: PolicyDay[][] } {
  const risks: Record<string, number[]> = {}
  const perDay: PolicyDay[][] = []
  for (let d = 0; d < days; d++) {
    const results = evaluateDay(context, d, policies)
    perDay.push(results)
    for (const r of results) {
      if (r.metrics !== undefined) (risks[r.policy] ??= []).push(r.metrics.residualRiskEur)
    }
  }
  const robustness: Record<string, Robustness> = {}
  for (const p of policies) {
    const values = risks[p] ?? []
    robustness[p] = {
      meanRiskEur: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length),
      cvar95RiskEur: cvar(values, 0.95),
      days: values.length,
    }
  }
  return { robustness, perDay }
}
