/**
 * A persistent HiGHS model of the oracle LP/MILP that re-solves warm after edits.
 *
 * `update()` compares the new instance with the one the model holds. When only numbers changed
 * (VPP share, link rates, buffers, reserves, window multipliers, shock factors, impacts) it pushes
 * just the changed costs and bounds and keeps the basis, so the next simplex solve starts from the
 * previous optimum. Any structural change (flows, options, paths, horizon, holding) rebuilds.
 */
import type { Basis, Highs, Model } from 'highs'
import type { Allocation } from '../allocation.ts'
import type { Instance } from '../derive/instance.ts'
import { balanceSlackUnits, buildOracleModel, type OracleModel } from '../model/buildOracleModel.ts'
import { numericSpanProblems } from '../derive/limits.ts'
import { computeMetrics } from '../metrics/metrics.ts'
import { nowMs } from '../util/clock.ts'
import { explainInfeasibility, type Infeasibility } from './infeasibility.ts'
import { endMilp, fixedLpDuals, startMilp } from './milp.ts'
import {
  formatBits,
  planShortfallBits,
  readAllocation,
  readPrices,
  readStore,
  readStoreDuals,
} from './solution.ts'
import { mapStatus } from './status.ts'
import { emptyDayResult, failedResult, type Algorithm, type OracleResult } from './results.ts'
import { runTieBreak } from './tieBreak.ts'
import { applyNumericChanges, structureKey } from './warmUpdate.ts'

export type { SolveStatus } from './status.ts'
export type { Algorithm, OracleResult } from './results.ts'
export { planShortfallBits, readAllocation, readPrices } from './solution.ts'
export { roundTowardLessKey } from './milp.ts'

export interface SessionOptions {
  /** Solve the MILP (one option per flow and slot) instead of the LP. */
  integer?: boolean
  /** Force an algorithm; simplex by default (measured faster on every built-in size). */
  algorithm?: Algorithm
  /** Wall-clock limit per solve, s. */
  timeLimitSeconds?: number
  /** Relative gap at which a MILP solve stops (default `DEFAULT_MIP_GAP`). */
  mipRelativeGap?: number
  /** Run the tie-break stage after an LP optimum (default true; false only for benchmarks). */
  tieBreak?: boolean
}

/**
 * Relative MIP gap at which the MILP stops (the achieved gap is reported with every result). On
 * the representative day 0.5 % stops in about 3 s at 0.16 % above the best known value; 0.1 %
 * takes about 6.5 s and proving 1e-6 half a minute, because the LP bound is far below (holds the
 * LP splits across slots must be whole in the MILP). Pass `mipRelativeGap` for more.
 */
export const DEFAULT_MIP_GAP = 5e-3

/**
 * Wall-clock limits of one solve unless `timeLimitSeconds` says otherwise, s. Branch and bound can
 * run long with no progress on small but awkward MILPs (97 slots, or a floor at the strongest
 * option); at the limit the best plan found is reported with the gap it reached (status
 * `time-limit`), so a minute bounds the wait. The LP limit only guards against a stuck solve.
 */
export const MILP_TIME_LIMIT_S = 60
export const LP_TIME_LIMIT_S = 600

/**
 * Primal and dual feasibility tolerance of every solve, in model units: HiGHS's default, stated
 * because the tie-break's face tolerance is derived from it. (1e-9 was tried: warm re-solves of
 * the representative day then ended in solver errors.)
 */
export const SOLVER_TOLERANCE = 1e-7

/**
 * Relative tolerance of the cost replay: a plan may cost this much more than the solver's
 * objective (relative to the larger of the two, plus one money unit of the model) before it counts
 * as a numerical failure. Ten times the solver's tolerance.
 */
export const PLAN_COST_TOLERANCE = 1e-6

/** A restart point: the model's units and its simplex basis after a solve. */
export interface SessionCheckpoint {
  readonly built: OracleModel
  readonly basis: Basis
}

export class OracleSession {
  private model: Model | undefined
  private built: OracleModel | undefined
  private instance: Instance
  private key = ''
  private readonly options: SessionOptions
  private lastWasWarmable = false
  private lastBasis: Basis | undefined
  /** Milliseconds spent building the model in the last `solve()`, for the benchmark. */
  buildMs = 0

  constructor(
    private readonly highs: Highs,
    instance: Instance,
    options: SessionOptions = {},
  ) {
    this.instance = instance
    this.options = options
  }

  get layout(): OracleModel | undefined {
    return this.built
  }

  /** Replaces the instance; numeric-only changes are applied in place for a warm re-solve. */
  update(instance: Instance): void {
    const old = this.instance
    this.instance = instance
    if (this.model === undefined || this.built === undefined) return
    const applied =
      structureKey(instance) === this.key &&
      applyNumericChanges(
        this.model,
        this.built,
        old,
        instance,
        this.slackOf(instance, this.built.layout),
      )
    if (!applied) this.disposeModel()
  }

  /**
   * The first stage's slivers of extra key (unique prices), only where the tie-break stage will
   * find the plan without them: LP sessions with the tie-break on. A MILP or an untied LP reports
   * the first stage's own plan, which must not count on key that does not exist.
   */
  private slackOf(instance: Instance, layout: OracleModel['layout']): Float64Array {
    const integer = this.options.integer ?? instance.integer
    return integer || this.options.tieBreak === false
      ? new Float64Array(layout.numRows)
      : balanceSlackUnits(instance, layout)
  }

  private ensureModel(): { model: Model; built: OracleModel; warm: boolean } {
    if (this.model !== undefined && this.built !== undefined) {
      return { model: this.model, built: this.built, warm: this.lastWasWarmable }
    }
    const t0 = nowMs()
    const built = buildOracleModel(this.instance)
    const m = built.model
    // The first stage solves with a sliver of extra key per balance row (unique prices).
    const slack = this.slackOf(this.instance, built.layout)
    const rowUpper = Float64Array.from(m.rowUpper, (u, i) => u + (slack[i] as number))
    const model = this.highs.createModel({
      numCols: m.numCols,
      numRows: m.numRows,
      colCost: m.colCost,
      colLower: m.colLower,
      colUpper: m.colUpper,
      rowLower: m.rowLower,
      rowUpper,
      matrix: {
        format: 'csc',
        numRows: m.numRows,
        numCols: m.numCols,
        starts: m.starts,
        indices: m.indices,
        values: m.values,
      },
    })
    model.options.set({
      output_flag: false,
      primal_feasibility_tolerance: SOLVER_TOLERANCE,
      dual_feasibility_tolerance: SOLVER_TOLERANCE,
    })
    this.buildMs = nowMs() - t0
    this.model = model
    this.built = built
    this.key = structureKey(this.instance)
    this.lastWasWarmable = false
    return { model, built, warm: false }
  }

  /**
   * The algorithm this session uses. Measured with `npm run bench` on every built-in size, dual
   * simplex beat interior point (representative 83 vs 265 ms, large 3.6–4.7 vs 13–20 s), and only
   * simplex leaves a basis for warm re-solves, so it is the default; `ipm` can be forced.
   */
  algorithmFor(_numCols: number): Algorithm {
    return this.options.algorithm ?? 'simplex'
  }

  /**
   * Solves the current instance (LP, or MILP when `integer`). A warm model that fails (a solver
   * error, an unknown status, or a plan that overdraws a store) is rebuilt and solved once more
   * from scratch; what still fails is reported as `numerical-failure` with its reason.
   */
  solve(): OracleResult {
    const first = this.attempt()
    if (first.status !== 'numerical-failure' || !first.warm) return first
    this.disposeModel()
    return this.attempt()
  }

  private attempt(): OracleResult {
    const warm = this.model !== undefined && this.lastWasWarmable
    if (this.instance.flows.length === 0) return emptyDayResult(this.instance)
    // The realised day's noise can widen the span the validator checked on the forecast.
    const span = numericSpanProblems(this.instance)
    if (span.length > 0)
      return failedResult(
        this.instance,
        `numerically too wide: ${span.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        warm,
        this.options.algorithm,
      )
    try {
      return this.solveOnce()
    } catch (error) {
      // HiGHS reports a failed call by throwing HighsError; anything else is a defect and is
      // rethrown (as is a wasm abort, after which the module is dead and the worker restarts).
      if (!(error instanceof Error) || !error.name.startsWith('Highs')) throw error
      this.disposeModel()
      return failedResult(
        this.instance,
        `the solver stopped with an error (${error.message})`,
        warm,
        this.options.algorithm,
      )
    }
  }

  /** A day with no flows: nothing to protect, so the empty plan is optimal at €0. */
  private solveOnce(): OracleResult {
    this.buildMs = 0
    const { model, built, warm } = this.ensureModel()
    const algorithm = this.algorithmFor(built.layout.numCols)
    const integer = this.options.integer ?? this.instance.integer
    const t0 = nowMs()
    // A warm start only helps simplex; interior point always starts afresh.
    model.options.set({
      solver: warm ? 'simplex' : algorithm,
      time_limit: this.options.timeLimitSeconds ?? (integer ? MILP_TIME_LIMIT_S : LP_TIME_LIMIT_S),
      mip_rel_gap: this.options.mipRelativeGap ?? DEFAULT_MIP_GAP,
    })
    let lpBoundEur: number | undefined
    let mipGap: number | undefined
    if (integer) lpBoundEur = startMilp(this.highs, model, built, this.instance)
    let run = model.run()
    let mapped = mapStatus(run.modelStatus, this.highs.constants.modelStatus)
    if (mapped.status === 'infeasible') {
      // Presolve can call a feasible day infeasible when bounds fall below its tolerances (a
      // one-bit store in a 64-Mbit key unit, a 1e-258 supply; fuzz suite): an infeasible day
      // is confirmed without it. Only infeasible days pay for the second solve.
      model.options.set({ presolve: 'off' })
      try {
        run = model.run()
        mapped = mapStatus(run.modelStatus, this.highs.constants.modelStatus)
      } finally {
        model.options.set({ presolve: 'choose' })
      }
    }
    let status = mapped.status
    let failure = mapped.failure
    let keyShortfallBits: number | undefined
    let allocation: Allocation | undefined
    let objective = Number.NaN
    const unitEur = built.scaling.objectiveUnitEur
    // Per link and slot, zero until a solution says otherwise.
    const zeros = (): Float64Array[] =>
      this.instance.links.map(() => new Float64Array(this.instance.slots))
    let prices = zeros()
    let lpStore = zeros()
    let storeDual = zeros()
    const hasSolution =
      model.info.get('primal_solution_status') === this.highs.constants.solutionStatus.feasible
    if (status === 'optimal' && !hasSolution) {
      // "Optimal" without a feasible primal solution (seen after a warm re-solve; fuzz suite).
      status = 'numerical-failure'
      failure = 'the solver reported an optimum without a feasible solution'
    }
    if ((status === 'optimal' || status === 'time-limit') && hasSolution) {
      const solution = model.getSolution()
      allocation = readAllocation(this.instance, built, solution.colValue)
      objective = model.getObjectiveValue() * built.scaling.objectiveUnitEur
      if (integer) {
        mipGap = Number(model.info.get('mip_gap'))
        const fixed = fixedLpDuals(this.highs, model, built, this.instance, solution.colValue)
        prices = fixed.prices
        storeDual = fixed.storeDual
        lpStore = readStore(this.instance, built, solution.colValue)
      } else {
        prices = readPrices(this.instance, built, solution.rowDual)
        storeDual = readStoreDuals(this.instance, built, solution.colDual)
        // One plan per scenario: among the minimum-cost plans, the tie-break stage picks the one
        // that keeps the most key in the stores (see tieBreak.ts). Prices stay the first stage's,
        // which the balance rows' price slack makes unique (see balanceSlackUnits).
        // The first stage's optimal basis is the restart point for sweeps (the tie-break stage
        // changes costs and bounds, after which HiGHS reports no basis until the next solve).
        this.lastBasis = model.getBasis()
        const unique = this.options.tieBreak !== false && status === 'optimal'
        const tie = unique
          ? runTieBreak(this.highs, model, built, this.instance, solution)
          : undefined
        const plan = tie?.solution ?? solution
        // The reported objective is the plan's own cost, without the first stage's slivers.
        if (tie?.solution !== undefined) objective = tie.objective * built.scaling.objectiveUnitEur
        allocation = readAllocation(this.instance, built, plan.colValue)
        lpStore = readStore(this.instance, built, plan.colValue)
      }
    }
    if (allocation !== undefined && !Number.isFinite(objective)) {
      // An objective that overflowed the model's units (or came back as NaN) is no optimum.
      failure = `the solver's objective came out as ${String(objective)} € (the scenario's costs span too many orders of magnitude)`
      status = 'numerical-failure'
      allocation = undefined
      objective = Number.NaN
    }
    if (allocation !== undefined) {
      // Replay: a plan that spends key the links never had is a numerical failure, never an
      // optimum (MODEL.md §8).
      keyShortfallBits = planShortfallBits(this.instance, allocation)
      if (keyShortfallBits > 0) {
        failure = `the plan would spend ${formatBits(keyShortfallBits)} of key the links never had (the solver's tolerances are too coarse for this scenario's numbers)`
        status = 'numerical-failure'
        allocation = undefined
        objective = Number.NaN
      }
    }
    if (allocation !== undefined) {
      // Replay of the cost: the plan as read (shares clamped to 0…1) must cost what the solver
      // says. A share of −1e-7 on an option that needs millions of key units is within the
      // solver's tolerance and pays for key that no one draws; the plan then costs more than
      // the reported optimum, which is no longer a bound on anything (fuzz suite).
      const planEur = computeMetrics(this.instance, allocation).objectiveEur
      const slack =
        PLAN_COST_TOLERANCE * (Math.max(Math.abs(planEur), Math.abs(objective)) + unitEur)
      if (planEur > objective + slack) {
        failure = `the plan costs €${planEur.toPrecision(6)} when replayed, more than the optimum of €${objective.toPrecision(6)} the solver reported (its tolerances are too coarse for this scenario's numbers)`
        status = 'numerical-failure'
        allocation = undefined
        objective = Number.NaN
      }
    }
    let infeasibility: Infeasibility | undefined
    if (status === 'infeasible') {
      // The IIS of the LP relaxation: on the integer model HiGHS searched for 30 s, past any time
      // limit, on a 12-link day (fuzz suite). An infeasible relaxation explains the MILP too; a
      // MILP infeasible only in whole choices gets the generic account.
      if (integer) endMilp(model, built)
      infeasibility = explainInfeasibility(model, this.instance, built)
    }
    if (integer) endMilp(model, built)
    this.lastWasWarmable = status === 'optimal' && !integer && algorithm === 'simplex'
    const result: OracleResult = {
      status,
      shadowPriceEurPerBit: prices,
      lpStoreBits: lpStore,
      storeDualEurPerBit: storeDual,
      objectiveEur: objective,
      solveMs: nowMs() - t0,
      algorithm: warm ? 'simplex' : algorithm,
      warm,
    }
    if (allocation !== undefined) result.allocation = allocation
    if (lpBoundEur !== undefined) result.lpBoundEur = lpBoundEur
    if (mipGap !== undefined && Number.isFinite(mipGap)) result.mipGap = mipGap
    if (infeasibility !== undefined) result.infeasibility = infeasibility
    if (keyShortfallBits !== undefined) result.keyShortfallBits = keyShortfallBits
    if (failure !== undefined) result.failure = `No trustworthy plan: ${failure}.`
    return result
  }

  /** The basis after the last LP solve, to restart later solves from (undefined if none). */
  checkpoint(): SessionCheckpoint | undefined {
    if (this.model === undefined || this.built === undefined || !this.lastWasWarmable)
      return undefined
    return this.lastBasis === undefined ? undefined : { built: this.built, basis: this.lastBasis }
  }

  /**
   * Makes the next solve start from `checkpoint`'s basis. Sweeps use it so that each case's
   * result depends only on the base plan and the case, not on which cases ran before it (or on
   * which worker ran it). Returns false when the model has since been rebuilt in other units.
   */
  resume(checkpoint: SessionCheckpoint): boolean {
    if (this.model === undefined || this.built !== checkpoint.built) return false
    // Forget the solver's other state from earlier solves (factorisation, edge weights), so the
    // solve depends on the basis and the model alone.
    this.model.clearSolver()
    this.model.setBasis(checkpoint.basis)
    this.lastWasWarmable = true
    return true
  }

  /** Drops the model; the next solve builds it afresh (cold). */
  reset(): void {
    this.disposeModel()
  }

  private disposeModel(): void {
    this.lastBasis = undefined
    this.model?.dispose()
    this.model = undefined
    this.built = undefined
    this.lastWasWarmable = false
  }

  dispose(): void {
    this.disposeModel()
  }
}
