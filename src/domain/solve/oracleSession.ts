/**
 * A persistent HiGHS model of the oracle LP/MILP that re-solves warm after edits.
 *
 * `update()` compares the new instance with the one the model holds. When only numbers changed
 * (VPP share, link rates, buffers, reserves, window multipliers, shock factors, impacts) it pushes
 * just the changed costs and bounds and keeps the basis, so the next simplex solve starts from the
 * previous optimum. Any structural change (flows, options, paths, horizon, holding) rebuilds.
 */
import type { Basis, Highs, Model } from 'highs'
import { emptyAllocation, linkUseBits, type Allocation } from '../allocation.ts'
import type { Instance } from '../derive/instance.ts'
import {
  balanceSlackUnits,
  buildOracleModel,
  keyColumns,
  keyRowBoundsBits,
  objectiveEur,
  pathColumnCount,
  storeBoundsBits,
  terminalCostScaled,
  type OracleModel,
} from '../model/buildOracleModel.ts'
import { numericSpanProblems } from '../derive/limits.ts'
import { replayStores } from '../metrics/stores.ts'
import { chooseScaling } from '../model/scaling.ts'
import { nowMs } from '../util/clock.ts'
import { explainInfeasibility, type Infeasibility } from './infeasibility.ts'
import { runTieBreak } from './tieBreak.ts'

/**
 * How a solve ended. `numerical-failure`: the solver stopped without a trustworthy optimum (a
 * solver error, an unknown status, or a plan whose replay spends key the links never had);
 * `failure` then says why in domain words.
 */
export type SolveStatus =
  'optimal' | 'infeasible' | 'unbounded' | 'time-limit' | 'numerical-failure'
export type Algorithm = 'simplex' | 'ipm'

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

export interface OracleResult {
  status: SolveStatus
  /** The solver's allocation; present for `optimal`, and for `time-limit` when an incumbent exists. */
  allocation?: Allocation
  /** λ[e][t], Eur per bit (zero for links no flow can use). */
  shadowPriceEurPerBit: Float64Array[]
  /** Store level at the end of each slot per link from the LP, bits. */
  lpStoreBits: Float64Array[]
  /**
   * Reduced cost of each store column S[e,t] in Eur per bit (HiGHS sign convention: positive at
   * the lower bound, negative at the upper bound when minimising; zero strictly inside). The value
   * of one more bit of store capacity in slot t is `max(0, −storeDual)`; zero for unused links.
   */
  storeDualEurPerBit: Float64Array[]
  /** Objective in Eur, from the solver (unscaled). */
  objectiveEur: number
  /** LP relaxation bound in Eur (MILP only). */
  lpBoundEur?: number
  /** Relative gap between the MILP value and its proven bound when HiGHS stopped (MILP only). */
  mipGap?: number
  solveMs: number
  algorithm: Algorithm
  /** Whether the last solve reused the previous model and basis. */
  warm: boolean
  infeasibility?: Infeasibility
  /** Why there is no trustworthy plan (`numerical-failure`) or why the solve stopped early. */
  failure?: string
  /**
   * Key the plan draws beyond what the stores hold, over the tolerance of the store replay
   * (`SHORTFALL_TOLERANCE` in metrics/stores.ts), bits: 0 for every reported optimum.
   */
  keyShortfallBits?: number
}

/**
 * Relative MIP gap at which the MILP stops (the achieved gap is reported with every result). On
 * the representative day 0.5 % stops in about 3 s at 0.16 % above the best known value; 0.1 %
 * takes about 6.5 s and proving 1e-6 half a minute, because the LP bound is far below (holds the
 * LP splits across slots must be whole in the MILP). Pass `mipRelativeGap` for more.
 */
export const DEFAULT_MIP_GAP = 5e-3

/**
 * Primal and dual feasibility tolerance of every solve, in model units: HiGHS's default, stated
 * because the tie-break's face tolerance is derived from it. (1e-9 was tried: warm re-solves of
 * the representative day then ended in solver errors.)
 */
export const SOLVER_TOLERANCE = 1e-7

/** How far (in powers of two) the ideal units may drift before a warm model is rebuilt. */
const MAX_SCALING_DRIFT_LOG2 = 4

function structureKey(instance: Instance): string {
  return JSON.stringify({
    slots: instance.slots,
    hold: instance.holdAllowed,
    flows: instance.flows.map((f) => [
      f.flow.id,
      f.options.map((o) => [o.id, o.keyBps > 0]),
      f.paths.map((p) => p.links),
    ]),
    links: instance.links.length,
  })
}

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
    if (structureKey(instance) !== this.key) {
      this.disposeModel()
      return
    }
    // Key-cost coefficients move with message rates and slot length; the structure key does not
    // see them, and a matrix rewrite is no cheaper than a rebuild, so rebuild.
    const keyChanged = instance.flows.some((f, k) =>
      f.options.some((o, oi) => o.keyBps !== old.flows[k]?.options[oi]?.keyBps),
    )
    if (keyChanged || instance.slotSeconds !== old.slotSeconds) {
      this.disposeModel()
      return
    }
    const built = this.built
    const { layout } = built
    // The ideal units move with supply and costs. The model keeps its units (so the basis stays
    // valid) while they are within 2^4 of ideal, which keeps the scaled numbers well inside the
    // solver's comfortable range; beyond that it is rebuilt in fresh units.
    const scaling = chooseScaling(instance, objectiveEur(instance, layout))
    const drift = (a: number, b: number): number => Math.abs(Math.log2(a / b))
    if (
      drift(scaling.keyUnitBits, built.scaling.keyUnitBits) > MAX_SCALING_DRIFT_LOG2 ||
      drift(scaling.objectiveUnitEur, built.scaling.objectiveUnitEur) > MAX_SCALING_DRIFT_LOG2
    ) {
      this.disposeModel()
      return
    }
    const model = this.model
    const ku = built.scaling.keyUnitBits
    const ou = built.scaling.objectiveUnitEur
    const changedCols: number[] = []
    const changedCost: number[] = []
    const oldCost = objectiveEur(old, layout)
    const newCost = objectiveEur(instance, layout)
    for (let j = 0; j < layout.numCols; j++) {
      if (oldCost[j] !== newCost[j]) {
        changedCols.push(j)
        changedCost.push((newCost[j] as number) / ou)
      }
    }
    if (old.terminalKeyEurPerBit !== instance.terminalKeyEurPerBit) {
      // Terminal columns come after every column the loop above can list, in increasing order.
      const terminalCost = terminalCostScaled(instance, built.scaling)
      const terminal = Array.from(layout.terminalCol)
        .filter((j) => j >= 0)
        .sort((a, b) => a - b)
      for (const j of terminal) {
        changedCols.push(j)
        changedCost.push(terminalCost)
      }
    }
    if (changedCols.length > 0)
      model.changeColsCost({ kind: 'set', indices: changedCols }, changedCost)
    const oldRows = keyRowBoundsBits(old, layout)
    const newRows = keyRowBoundsBits(instance, layout)
    const rows: number[] = []
    const rowLower: number[] = []
    const rowUpper: number[] = []
    const slack = this.slackOf(instance, layout)
    for (let i = 0; i < layout.numRows; i++) {
      if (oldRows.lower[i] !== newRows.lower[i] || oldRows.upper[i] !== newRows.upper[i]) {
        rows.push(i)
        rowLower.push((newRows.lower[i] as number) / ku)
        rowUpper.push((newRows.upper[i] as number) / ku + (slack[i] as number))
      }
    }
    if (rows.length > 0) model.changeRowsBounds({ kind: 'set', indices: rows }, rowLower, rowUpper)
    const oldStore = storeBoundsBits(old, layout)
    const newStore = storeBoundsBits(instance, layout)
    const cols: number[] = []
    const lower: number[] = []
    const upper: number[] = []
    for (const j of keyColumns(instance, layout)) {
      if (oldStore.lower[j] !== newStore.lower[j] || oldStore.upper[j] !== newStore.upper[j]) {
        cols.push(j)
        lower.push((newStore.lower[j] as number) / ku)
        upper.push((newStore.upper[j] as number) / ku)
      }
    }
    if (cols.length > 0) model.changeColsBounds({ kind: 'set', indices: cols }, lower, upper)
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
    if (this.instance.flows.length === 0) return this.emptyDay()
    // The realised day's noise can widen the span the validator checked on the forecast.
    const span = numericSpanProblems(this.instance)
    if (span.length > 0)
      return this.failed(
        `numerically too wide: ${span.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        warm,
      )
    try {
      return this.solveOnce()
    } catch (error) {
      // HiGHS reports a failed call by throwing HighsError; anything else is a defect and is
      // rethrown (as is a wasm abort, after which the module is dead and the worker restarts).
      if (!(error instanceof Error) || !error.name.startsWith('Highs')) throw error
      this.disposeModel()
      return this.failed(`the solver stopped with an error (${error.message})`, warm)
    }
  }

  /** A day with no flows: nothing to protect, so the empty plan is optimal at €0. */
  private emptyDay(): OracleResult {
    const zeros = (): Float64Array[] =>
      this.instance.links.map(() => new Float64Array(this.instance.slots))
    return {
      status: 'optimal',
      allocation: emptyAllocation(this.instance),
      shadowPriceEurPerBit: zeros(),
      lpStoreBits: this.instance.links.map((l) =>
        new Float64Array(this.instance.slots).fill(l.initialBits),
      ),
      storeDualEurPerBit: zeros(),
      objectiveEur: 0,
      solveMs: 0,
      algorithm: 'simplex',
      warm: false,
      keyShortfallBits: 0,
    }
  }

  private failed(reason: string, warm: boolean): OracleResult {
    const zeros = (): Float64Array[] =>
      this.instance.links.map(() => new Float64Array(this.instance.slots))
    return {
      status: 'numerical-failure',
      shadowPriceEurPerBit: zeros(),
      lpStoreBits: zeros(),
      storeDualEurPerBit: zeros(),
      objectiveEur: Number.NaN,
      solveMs: 0,
      algorithm: this.options.algorithm ?? 'simplex',
      warm,
      failure: `No trustworthy plan: ${reason}.`,
    }
  }

  private solveOnce(): OracleResult {
    this.buildMs = 0
    const { model, built, warm } = this.ensureModel()
    const algorithm = this.algorithmFor(built.layout.numCols)
    const integer = this.options.integer ?? this.instance.integer
    const t0 = nowMs()
    // A warm start only helps simplex; interior point always starts afresh.
    model.options.set({
      solver: warm ? 'simplex' : algorithm,
      time_limit: this.options.timeLimitSeconds ?? 600,
      mip_rel_gap: this.options.mipRelativeGap ?? DEFAULT_MIP_GAP,
    })
    let lpBoundEur: number | undefined
    let mipGap: number | undefined
    if (integer) {
      // Solve the LP relaxation first: it is the bound reported beside the MILP value, and
      // rounding it toward less key gives HiGHS a feasible incumbent to start from.
      const relaxed = model.run()
      const ints = built.layout.integerCols
      const hasRelaxed = mapStatus(relaxed.modelStatus).status === 'optimal'
      const colValue = hasRelaxed ? model.getSolution().colValue : undefined
      if (hasRelaxed) lpBoundEur = model.getObjectiveValue() * built.scaling.objectiveUnitEur
      model.changeColsIntegrality(
        { kind: 'set', indices: ints },
        new Int32Array(ints.length).fill(1),
      )
      if (colValue !== undefined) {
        const incumbent = roundTowardLessKey(this.instance, built, colValue)
        try {
          model.setSolution({ indices: ints, values: Array.from(ints, (j) => incumbent[j] ?? 0) })
        } catch {
          // A rejected start only costs time; the MIP solve proceeds without it.
        }
      }
    }
    const run = model.run()
    const mapped = mapStatus(run.modelStatus)
    let status = mapped.status
    let failure = mapped.failure
    let keyShortfallBits: number | undefined
    let allocation: Allocation | undefined
    let objective = Number.NaN
    let prices: Float64Array[] = this.instance.links.map(
      () => new Float64Array(this.instance.slots),
    )
    let lpStore: Float64Array[] = this.instance.links.map(
      () => new Float64Array(this.instance.slots),
    )
    let storeDual: Float64Array[] = this.instance.links.map(
      () => new Float64Array(this.instance.slots),
    )
    const hasSolution = model.info.get('primal_solution_status') === 2
    if ((status === 'optimal' || status === 'time-limit') && hasSolution) {
      const solution = model.getSolution()
      allocation = readAllocation(this.instance, built, solution.colValue)
      objective = model.getObjectiveValue() * built.scaling.objectiveUnitEur
      if (integer) {
        mipGap = Number(model.info.get('mip_gap'))
        const fixed = this.fixedLpDuals(model, built, solution.colValue)
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
        const tie = unique ? runTieBreak(model, built, this.instance, solution) : undefined
        const plan = tie?.solution ?? solution
        // The reported objective is the plan's own cost, without the first stage's slivers.
        if (tie?.solution !== undefined) objective = tie.objective * built.scaling.objectiveUnitEur
        allocation = readAllocation(this.instance, built, plan.colValue)
        lpStore = readStore(this.instance, built, plan.colValue)
      }
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
    let infeasibility: Infeasibility | undefined
    if (status === 'infeasible') {
      infeasibility = explainInfeasibility(model, this.instance, built)
    }
    if (integer) {
      const ints = built.layout.integerCols
      model.changeColsIntegrality({ kind: 'set', indices: ints }, new Int32Array(ints.length))
    }
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

  /**
   * MILP prices: fix x and h at the MILP's values, solve the remaining LP (stores and path split),
   * read the balance-row duals, then restore the bounds.
   */
  private fixedLpDuals(
    model: Model,
    built: OracleModel,
    colValue: Float64Array,
  ): { prices: Float64Array[]; storeDual: Float64Array[] } {
    const ints = built.layout.integerCols
    const before = model.getCols({ kind: 'set', indices: ints })
    const fixedValues = Array.from(ints, (j) => Math.round(colValue[j] ?? 0))
    model.changeColsIntegrality({ kind: 'set', indices: ints }, new Int32Array(ints.length))
    model.changeColsBounds({ kind: 'set', indices: ints }, fixedValues, fixedValues)
    model.options.set({ solver: 'simplex' })
    model.run()
    const solved = model.getModelStatus() === this.highs.constants.modelStatus.optimal
    const zeros = (): Float64Array[] =>
      this.instance.links.map(() => new Float64Array(this.instance.slots))
    const solution = solved ? model.getSolution() : undefined
    const prices =
      solution !== undefined ? readPrices(this.instance, built, solution.rowDual) : zeros()
    const storeDual =
      solution !== undefined ? readStoreDuals(this.instance, built, solution.colDual) : zeros()
    model.changeColsBounds({ kind: 'set', indices: ints }, before.lower, before.upper)
    return { prices, storeDual }
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

/**
 * A feasible integer start from an LP solution: each flow-slot takes, of the choices the LP used,
 * the one drawing the least key (hold counts as none). Every link then draws no more than in the
 * LP, so every store stays at least as full and the start is feasible.
 */
export function roundTowardLessKey(
  instance: Instance,
  built: OracleModel,
  colValue: Float64Array,
): Float64Array {
  const { layout } = built
  const start = new Float64Array(layout.numCols)
  instance.flows.forEach((f, k) => {
    const nO = f.options.length
    const xb = layout.xBase[k] as number
    const hb = layout.hBase[k] as number
    for (let t = 0; t < instance.slots; t++) {
      let pick = -1
      let pickKey = Infinity
      for (let o = 0; o < nO; o++) {
        const key = f.options[o]?.keyBps ?? 0
        if ((colValue[xb + t * nO + o] ?? 0) > 1e-9 && key < pickKey) {
          pick = o
          pickKey = key
        }
      }
      const held = hb >= 0 && (colValue[hb + t] ?? 0) > 1e-9
      if (held && pickKey > 0) start[hb + t] = 1
      else if (pick >= 0) start[xb + t * nO + pick] = 1
      else if (hb >= 0) start[hb + t] = 1
      else start[xb + t * nO] = 1
    }
  })
  return start
}

/** HiGHS model statuses, in words (see `highs.constants.modelStatus`). */
const MODEL_STATUS_WORDS: Record<number, string> = {
  0: 'no status was set',
  1: 'the model could not be loaded',
  2: 'the model was rejected as invalid',
  3: 'presolve failed',
  4: 'the solve failed',
  5: 'postsolve failed',
  10: 'the model was reported unbounded, which every cost being non-negative rules out',
  11: 'it stopped at an objective bound',
  12: 'it stopped at an objective target',
  15: 'it stopped without proving optimality (status unknown)',
}

/**
 * Maps a HiGHS model status to the session's status, with words for every one that is not a
 * plain optimum or proof of infeasibility.
 */
function mapStatus(code: number): { status: SolveStatus; failure?: string } {
  switch (code) {
    case 7:
      return { status: 'optimal' }
    case 8:
    case 9:
      // 9 is "unbounded or infeasible"; with non-negative costs on bounded choices the
      // objective cannot be unbounded, so it is infeasible.
      return { status: 'infeasible' }
    case 13:
      return { status: 'time-limit', failure: 'the solver reached its time limit' }
    case 14:
      return { status: 'time-limit', failure: 'the solver reached its iteration limit' }
    case 16:
    case 17:
      return { status: 'time-limit', failure: 'the solve was interrupted' }
    default:
      return {
        status: 'numerical-failure',
        failure: `HiGHS ended with status ${code}: ${MODEL_STATUS_WORDS[code] ?? 'an unexpected status'}`,
      }
  }
}

/** Key drawn beyond what the stores held over the day, bits (beyond the replay's tolerance). */
export function planShortfallBits(instance: Instance, allocation: Allocation): number {
  let total = 0
  for (const replay of replayStores(instance, linkUseBits(instance, allocation)))
    for (const bits of replay.shortfallBits) total += bits
  return total
}

function formatBits(bits: number): string {
  return bits >= 1e6 ? `${(bits / 1e6).toPrecision(3)} Mbit` : `${bits.toPrecision(3)} bits`
}

/** Reads option, hold and path shares out of the solver's column values. */
export function readAllocation(
  instance: Instance,
  built: OracleModel,
  colValue: Float64Array,
): Allocation {
  const { layout } = built
  const allocation = emptyAllocation(instance)
  const T = instance.slots
  instance.flows.forEach((f, k) => {
    const nO = f.options.length
    const shares = allocation.optionShare[k] as Float64Array
    const holds = allocation.holdShare[k] as Float64Array
    const split = allocation.pathShare[k] as Float64Array
    const xb = layout.xBase[k] as number
    const hb = layout.hBase[k] as number
    const zb = layout.zBase[k] as number
    const nP = pathColumnCount(instance, k)
    for (let t = 0; t < T; t++) {
      for (let o = 0; o < nO; o++) shares[t * nO + o] = clamp01(colValue[xb + t * nO + o] ?? 0)
      holds[t] = hb >= 0 ? clamp01(colValue[hb + t] ?? 0) : 0
      if (zb >= 0) {
        let total = 0
        for (let p = 0; p < nP; p++) total += Math.max(0, colValue[zb + t * nP + p] ?? 0)
        for (let p = 0; p < f.paths.length; p++) {
          split[t * f.paths.length + p] =
            total > 0 ? Math.max(0, colValue[zb + t * nP + p] ?? 0) / total : p === 0 ? 1 : 0
        }
      }
    }
  })
  return allocation
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v
}

/** λ[e,t] in Eur per bit from the balance-row duals (HiGHS gives ≤-row duals ≤ 0 when minimising). */
export function readPrices(
  instance: Instance,
  built: OracleModel,
  rowDual: Float64Array,
): Float64Array[] {
  const factor = built.scaling.objectiveUnitEur / built.scaling.keyUnitBits
  return instance.links.map((_, e) => {
    const out = new Float64Array(instance.slots)
    const base = built.layout.balanceBase[e] as number
    if (base < 0) return out
    for (let t = 0; t < instance.slots; t++)
      out[t] = Math.max(0, -(rowDual[base + t] ?? 0) * factor)
    return out
  })
}

/** Reduced costs of the store columns in Eur per bit (see `OracleResult.storeDualEurPerBit`). */
export function readStoreDuals(
  instance: Instance,
  built: OracleModel,
  colDual: Float64Array,
): Float64Array[] {
  const factor = built.scaling.objectiveUnitEur / built.scaling.keyUnitBits
  return instance.links.map((_, e) => {
    const out = new Float64Array(instance.slots)
    const base = built.layout.sBase[e] as number
    if (base < 0) return out
    for (let t = 0; t < instance.slots; t++) out[t] = (colDual[base + t] ?? 0) * factor
    return out
  })
}

function readStore(instance: Instance, built: OracleModel, colValue: Float64Array): Float64Array[] {
  return instance.links.map((link, e) => {
    const out = new Float64Array(instance.slots)
    const base = built.layout.sBase[e] as number
    for (let t = 0; t < instance.slots; t++) {
      out[t] = base < 0 ? link.initialBits : (colValue[base + t] ?? 0) * built.scaling.keyUnitBits
    }
    return out
  })
}
