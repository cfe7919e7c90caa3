/**
 * The tie-break stage (MODEL.md §8, "Unique figures"). Many plans share the minimum cost: key can
 * be spent in one slot or banked for the next at the same price, sent over either of two free
 * paths, or left to spill instead of being drawn for nothing. Which one the simplex method lands on
 * depends on its path (warm start, list order), so figures such as key used, spill and the store
 * series would change between solves of one scenario.
 *
 * The rule: among minimum-cost plans, keep the most key in the stores, each store's key counted
 * in seconds of its own link's mean supply: maximise Σ_{e,t} S[e,t] / r̄[e]. It spends no key that
 * buys nothing, relays over the fewest hops, spends key as late as the cost allows and, between
 * two equally good paths, draws on the link whose key is quicker to replace. Links of exactly
 * equal supply are told apart by their ids (the one sorting first keeps more), never by their
 * place in the scenario's lists, so reordering a scenario cannot change its plan.
 *
 * The optimal face is found from the first stage's duals, without a dense objective row: for any
 * optimal dual, a plan is optimal exactly when it is feasible and complementary to that dual. So
 * every column with a non-zero reduced cost is fixed at its active bound and every row with a
 * non-zero dual is made an equality at its active side; the second stage maximises the stored key
 * over what is left, warm from the first stage's basis. Everything is restored afterwards, so the
 * persistent model keeps describing the scenario.
 */
import type { Highs, Model, Solution } from 'highs'
import type { Instance } from '../derive/instance.ts'
import { balanceSlackUnits, type OracleModel } from '../model/buildOracleModel.ts'

/**
 * Reduced costs and duals at most this large (model units) count as zero. It matches the session's
 * dual feasibility tolerance, below which the solver itself does not tell a tie from a preference.
 */
export const FACE_TOLERANCE = 1e-7

export interface TieBreakOutcome {
  /** The plan's solution, or undefined when no stage ended optimal. */
  solution: Solution | undefined
  /** The plan's cost under the scenario's own objective, model units (NaN without a plan). */
  objective: number
  /** False when the fallback (a plain optimum) had to stand in for the tie-broken plan. */
  tieBroken: boolean
  /** Columns fixed to the optimal face and rows made tight, for the benchmark and tests. */
  fixedCols: number
  tightRows: number
}

/**
 * Runs the second stage on `model`, which must hold the first stage's optimal basis and
 * `first` its solution. The model's costs and bounds are the same afterwards as before.
 */
export function runTieBreak(
  highs: Highs,
  model: Model,
  built: OracleModel,
  instance: Instance,
  first: Solution,
): TieBreakOutcome {
  const slack = balanceSlackUnits(instance, built.layout)
  const { numCols, numRows } = built.model
  const { layout } = built
  if (numCols === 0)
    return { solution: first, objective: 0, tieBroken: true, fixedCols: 0, tightRows: 0 }
  const cols = model.getCols({ kind: 'range', from: 0, to: numCols - 1 })
  const rows = numRows > 0 ? model.getRows({ kind: 'range', from: 0, to: numRows - 1 }) : undefined

  // The face is read from the first stage's duals, found with slivers of extra key. They are
  // feasible duals of the scenario's own LP too, and any plan without the slivers that is
  // complementary to them is optimal for it, so the face below is either exactly the optimal face
  // or empty (then the fallback stands in).
  const rowLower = rows !== undefined ? Float64Array.from(rows.lower) : new Float64Array(0)
  const rowUpper =
    rows !== undefined
      ? Float64Array.from(rows.upper, (u, i) => u - (slack[i] ?? 0))
      : new Float64Array(0)
  const allRows = { kind: 'range', from: 0, to: numRows - 1 } as const

  const faceLower = Float64Array.from(cols.lower)
  const faceUpper = Float64Array.from(cols.upper)
  let fixedCols = 0
  for (let j = 0; j < numCols; j++) {
    const d = first.colDual[j] ?? 0
    // Minimising: a positive reduced cost holds the column at its lower bound, a negative one at
    // its upper bound.
    if (d > FACE_TOLERANCE && Number.isFinite(faceLower[j] as number)) {
      faceUpper[j] = faceLower[j] as number
      fixedCols++
    } else if (d < -FACE_TOLERANCE && Number.isFinite(faceUpper[j] as number)) {
      faceLower[j] = faceUpper[j] as number
      fixedCols++
    }
  }
  let tightRows = 0
  for (let i = 0; i < numRows; i++) {
    const y = first.rowDual[i] ?? 0
    if (rowLower[i] === rowUpper[i]) continue
    if (y > FACE_TOLERANCE && Number.isFinite(rowLower[i] as number)) {
      rowUpper[i] = rowLower[i] as number
      tightRows++
    } else if (y < -FACE_TOLERANCE && Number.isFinite(rowUpper[i] as number)) {
      rowLower[i] = rowUpper[i] as number
      tightRows++
    }
  }

  // Second-stage objective: maximise the stored key, each store counted in seconds of its own
  // link's supply, nothing else.
  const keep = new Float64Array(numCols)
  const weights = storeWeights(instance)
  layout.sBase.forEach((base, e) => {
    if (base < 0) return
    for (let t = 0; t < instance.slots; t++) keep[base + t] = -(weights[e] ?? 0)
  })
  // Drawing key counts against the plan at the same weights, so key that would only have spilled
  // from a full store is not drawn for nothing either (the stores alone cannot see it).
  const { starts, indices, values } = built.model
  const balanceLink = new Int32Array(built.model.numRows).fill(-1)
  layout.balanceBase.forEach((base, e) => {
    if (base < 0) return
    for (let t = 0; t < instance.slots; t++) balanceLink[base + t] = e
  })
  // Flows sharing a link at equal value per bit could split its key any way at the same cost: the
  // flow whose id sorts first is served first (its key counts a little less), so the split is
  // pinned too. Columns are laid out flow by flow in id order, so the rank follows the column.
  const flowOfColumn = flowRankOfColumns(built)
  const F = Math.max(1, instance.flows.length)
  for (let j = 0; j < numCols; j++) {
    const rank = flowOfColumn[j] as number
    if (rank < 0) continue
    let drawn = 0
    for (let p = starts[j] as number; p < (starts[j + 1] as number); p++) {
      const e = balanceLink[indices[p] as number] as number
      if (e >= 0) drawn += (values[p] as number) * (weights[e] ?? 0)
    }
    keep[j] = drawn * (1 + (FLOW_ORDER_WEIGHT * (rank + 1)) / F)
  }

  const all = { kind: 'range', from: 0, to: numCols - 1 } as const
  model.changeColsBounds(all, faceLower, faceUpper)
  if (numRows > 0) model.changeRowsBounds(allRows, rowLower, rowUpper)
  model.changeColsCost(all, keep)
  const solved = (): Solution | undefined =>
    model.getModelStatus() === highs.constants.modelStatus.optimal &&
    model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible
      ? model.getSolution()
      : undefined
  let solution: Solution | undefined
  let tieBroken = true
  try {
    model.run()
    solution = solved()
    if (solution === undefined) {
      // The face read from the duals did not hold on the scenario's own supply (a sliver was
      // load-bearing): fall back to a plain optimum without the slivers, untied but exact.
      tieBroken = false
      model.changeColsBounds(all, cols.lower, cols.upper)
      if (numRows > 0) {
        const plain = Float64Array.from(rows?.upper ?? [], (u, i) => u - (slack[i] ?? 0))
        model.changeRowsBounds(
          { kind: 'range', from: 0, to: numRows - 1 },
          rows?.lower ?? [],
          plain,
        )
      }
      model.changeColsCost(all, cols.cost)
      model.run()
      solution = solved()
    }
  } finally {
    model.changeColsCost(all, cols.cost)
    model.changeColsBounds(all, cols.lower, cols.upper)
    if (rows !== undefined)
      model.changeRowsBounds({ kind: 'range', from: 0, to: numRows - 1 }, rows.lower, rows.upper)
  }
  let objective = Number.NaN
  if (solution !== undefined) {
    objective = 0
    for (let j = 0; j < numCols; j++)
      objective += (cols.cost[j] as number) * (solution.colValue[j] as number)
  }
  return { solution, objective, tieBroken, fixedCols, tightRows }
}

/** Relative weight separating links of equal supply by the sort order of their ids. */
const ID_ORDER_WEIGHT = 1e-4

/** Relative weight separating flows that draw key at equal value by the sort order of their ids. */
const FLOW_ORDER_WEIGHT = 1e-2

/**
 * Per column, the id rank of the flow it belongs to (x, hold and path-key columns), or −1 for the
 * store and terminal columns.
 */
function flowRankOfColumns(built: OracleModel): Int32Array {
  const { layout } = built
  const out = new Int32Array(built.model.numCols).fill(-1)
  const order = [...layout.xBase.keys()].sort(
    (a, b) => (layout.xBase[a] ?? 0) - (layout.xBase[b] ?? 0),
  )
  const firstStore = Math.min(...Array.from(layout.sBase).filter((b) => b >= 0), out.length)
  order.forEach((k, rank) => {
    const next = order[rank + 1]
    const end = next !== undefined ? (layout.xBase[next] as number) : firstStore
    for (let j = layout.xBase[k] as number; j < end; j++) out[j] = rank
  })
  return out
}

/**
 * Weight of one key unit stored on each link in the second stage: the slowest used link's mean
 * supply over the link's own (so the largest weight is about 1 and the model stays scaled), times
 * a tiny preference by id rank. A link with no supply at all counts as the slowest.
 */
export function storeWeights(instance: Instance): Float64Array {
  const E = instance.links.length
  const mean = instance.links.map(
    (l) => l.supplyBps.reduce((a, b) => a + b, 0) / Math.max(1, l.supplyBps.length),
  )
  const positive = mean.filter((r) => r > 0)
  const slowest = positive.length > 0 ? Math.min(...positive) : 1
  const rank = new Map([...instance.links.map((l) => l.id)].sort().map((id, i) => [id, i] as const))
  return Float64Array.from(instance.links, (link, e) => {
    const r = Math.max(mean[e] ?? 0, slowest)
    const byId = 1 + (ID_ORDER_WEIGHT * (E - (rank.get(link.id) ?? 0))) / Math.max(1, E)
    return (slowest / r) * byId
  })
}
