/**
 * The oracle LP/MILP of MODEL.md §4 as sparse column-wise arrays for HiGHS `createModel`.
 *
 * Lean by construction: options below `minOption` get no column, a flow with one candidate path
 * charges its links directly (no path-key column or split row), and links on no candidate path get
 * no store column or balance row. The key balance is an inequality whose slack is the spill, so no
 * spill columns are needed either:
 *
 *     S[e,t] − S[e,t−1] + Σ key used on e in t ≤ Δt·r[e,t]          (dual: −λ[e,t])
 *
 * The terminal rule (MODEL.md §8) is one row and one column per used link: the shortfall u[e]
 * below the end target is charged at the scenario's terminal price, exactly as the metrics charge
 * every online policy, so the oracle's optimum bounds them all:
 *
 *     S[e,last] + u[e] ≥ endTarget[e],   0 ≤ u[e] ≤ endTarget[e] − reserve[e]
 *
 * Everything is solved in scaled units (key in blocks of `keyUnitBits`, money in units of
 * `objectiveUnitEur`) because in bits and Eur the coefficients span ~25 orders of magnitude.
 */
import { holdCostEur, optionCostEur, type Instance } from '../derive/instance.ts'
import { chooseScaling, type Scaling } from './scaling.ts'

export interface ModelLayout {
  numCols: number
  numRows: number
  /** Per flow: first x column; x[k,o,t] = xBase[k] + t·nOptions + o. */
  xBase: Int32Array
  /** Per flow: first hold column (h[k,t] = hBase[k] + t), or −1 when holding is not allowed. */
  hBase: Int32Array
  /** Per flow: first path-key column (z[k,p,t] = zBase[k] + t·nPaths + p), or −1 for one path. */
  zBase: Int32Array
  /** Per link: first store column (S[e,t] = sBase[e] + t), or −1 when no flow can use the link. */
  sBase: Int32Array
  /** Per flow: first assignment row (Σ x + h = 1), one per slot. */
  assignBase: Int32Array
  /** Per flow: first path-split row, or −1. */
  splitBase: Int32Array
  /** Per link: first balance row, or −1. */
  balanceBase: Int32Array
  /** Per link: the terminal shortfall column u[e], or −1 when no flow can use the link. */
  terminalCol: Int32Array
  /** Per link: the terminal row S[e,last] + u[e] ≥ endTarget, or −1. */
  terminalRow: Int32Array
  /** Columns that are integer in the MILP variant (x and h). */
  integerCols: Int32Array
}

export interface SparseModel {
  numCols: number
  numRows: number
  colCost: Float64Array
  colLower: Float64Array
  colUpper: Float64Array
  rowLower: Float64Array
  rowUpper: Float64Array
  /** CSC matrix. */
  starts: Int32Array
  indices: Int32Array
  values: Float64Array
}

export interface OracleModel {
  layout: ModelLayout
  scaling: Scaling
  model: SparseModel
}

/** Number of path columns per slot for a flow, 0 when its key is charged directly. */
export function pathColumnCount(instance: Instance, k: number): number {
  const f = instance.flows[k]
  if (f === undefined || f.paths.length < 2) return 0
  return f.options.some((o) => o.keyBps > 0) ? f.paths.length : 0
}

/**
 * The order in which flows and links get their columns and rows: by id, not by their place in the
 * scenario's lists. Simplex follows column order, so this makes a solve of a reordered scenario
 * the very same computation (MODEL.md §8, "Unique figures").
 */
export function canonicalOrder(instance: Instance): { flows: number[]; links: number[] } {
  const byId = (ids: readonly string[]): number[] =>
    ids.map((_, i) => i).sort((a, b) => compareIds(ids[a] ?? '', ids[b] ?? '') || a - b)
  return {
    flows: byId(instance.flows.map((f) => f.flow.id)),
    links: byId(instance.links.map((l) => l.id)),
  }
}

/** Code-unit order, the same in every locale (localeCompare is not). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function computeLayout(instance: Instance): ModelLayout {
  const T = instance.slots
  const F = instance.flows.length
  const E = instance.links.length
  const xBase = new Int32Array(F)
  const hBase = new Int32Array(F).fill(-1)
  const zBase = new Int32Array(F).fill(-1)
  const sBase = new Int32Array(E).fill(-1)
  const assignBase = new Int32Array(F)
  const splitBase = new Int32Array(F).fill(-1)
  const balanceBase = new Int32Array(E).fill(-1)
  const terminalCol = new Int32Array(E).fill(-1)
  const terminalRow = new Int32Array(E).fill(-1)
  const usedLinks = new Set<number>()
  let col = 0
  let row = 0
  const integerCols: number[] = []
  const order = canonicalOrder(instance)
  for (const k of order.flows) {
    const f = instance.flows[k] as Instance['flows'][number]
    xBase[k] = col
    for (let i = 0; i < T * f.options.length; i++) integerCols.push(col + i)
    col += T * f.options.length
    if (instance.holdAllowed) {
      hBase[k] = col
      for (let i = 0; i < T; i++) integerCols.push(col + i)
      col += T
    }
    const nPaths = pathColumnCount(instance, k)
    if (nPaths > 0) {
      zBase[k] = col
      col += T * nPaths
    }
    assignBase[k] = row
    row += T
    if (nPaths > 0) {
      splitBase[k] = row
      row += T
    }
    if (f.options.some((o) => o.keyBps > 0)) {
      const paths = nPaths > 0 ? f.paths : f.paths.slice(0, 1)
      for (const p of paths) for (const e of p.links) usedLinks.add(e)
    }
  }
  for (const e of order.links) {
    if (!usedLinks.has(e)) continue
    sBase[e] = col
    col += T
    balanceBase[e] = row
    row += T
  }
  for (const e of order.links) {
    if (!usedLinks.has(e)) continue
    terminalCol[e] = col++
    terminalRow[e] = row++
  }
  return {
    numCols: col,
    numRows: row,
    xBase,
    hBase,
    zBase,
    sBase,
    assignBase,
    splitBase,
    balanceBase,
    terminalCol,
    terminalRow,
    // HiGHS takes index sets in increasing order; flows are laid out in canonical order.
    integerCols: Int32Array.from(integerCols).sort(),
  }
}

/**
 * Objective coefficients in Eur (unscaled), one per column. Store, path and terminal columns are
 * counted in key units and carry 0 here; the terminal column's cost depends on the key unit, so it
 * comes from `terminalCostScaled` once the scaling is chosen.
 */
export function objectiveEur(instance: Instance, layout: ModelLayout): Float64Array {
  const cost = new Float64Array(layout.numCols)
  instance.flows.forEach((f, k) => {
    const nO = f.options.length
    const hold = holdCostEur(instance, f)
    for (let t = 0; t < instance.slots; t++) {
      f.options.forEach((o, oi) => {
        cost[(layout.xBase[k] as number) + t * nO + oi] = optionCostEur(instance, f, o, t)
      })
      if ((layout.hBase[k] as number) >= 0) cost[(layout.hBase[k] as number) + t] = hold
    }
  })
  return cost
}

/**
 * Key every balance row receives beyond the supply in the first stage, in model key units: far
 * above the solver's primal tolerance (1e-7), far below a bit. It makes the prices unique
 * (MODEL.md §8). At a degenerate optimum a store's key is exactly used up and any price in an
 * interval supports the plan, so the duals the simplex method reports would depend on its path
 * (warm start, list order). With the sliver the optimum is no longer degenerate in these rows: the
 * reported price is that of the next bit (the value of the use it would go to), whatever the path.
 * Links get slightly different slivers, by the rank of their ids, so links in series are told
 * apart too. The tie-break stage then finds the plan with the slivers removed.
 */
export const BALANCE_SLACK_UNITS = 1e-5

/**
 * The slivers of `BALANCE_SLACK_UNITS` per row, model key units: each balance row's upper bound
 * gets its link's sliver (0 elsewhere). They are not part of `buildOracleModel`'s model (which is
 * the scenario's LP, as exported); the session adds them to the first stage only, to steer its
 * duals, and the tie-break stage finds the plan without them.
 */
export function balanceSlackUnits(instance: Instance, layout: ModelLayout): Float64Array {
  const upper = new Float64Array(layout.numRows)
  const rank = new Map(
    instance.links
      .map((l) => l.id)
      .sort()
      .map((id, i) => [id, i] as const),
  )
  const E = Math.max(1, instance.links.length)
  instance.links.forEach((link, e) => {
    const base = layout.balanceBase[e] as number
    if (base < 0) return
    const sliver = BALANCE_SLACK_UNITS * (1 + (rank.get(link.id) ?? 0) / E)
    for (let t = 0; t < instance.slots; t++) upper[base + t] = sliver
  })
  return upper
}

/** Cost of one key unit of terminal shortfall in model objective units. */
export function terminalCostScaled(instance: Instance, scaling: Scaling): number {
  return (instance.terminalKeyEurPerBit * scaling.keyUnitBits) / scaling.objectiveUnitEur
}

/**
 * Bounds of the rows that carry key numbers, bits (unscaled; other rows are left at 0): the
 * balance rows' upper bounds (slot supply, plus the initial store in slot 0; lower −∞) and the
 * terminal rows' lower bounds (the end target; upper +∞).
 */
export function keyRowBoundsBits(
  instance: Instance,
  layout: ModelLayout,
): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(layout.numRows)
  const upper = new Float64Array(layout.numRows)
  instance.links.forEach((link, e) => {
    const base = layout.balanceBase[e] as number
    if (base < 0) return
    for (let t = 0; t < instance.slots; t++) {
      lower[base + t] = -Infinity
      upper[base + t] =
        instance.slotSeconds * (link.supplyBps[t] ?? 0) + (t === 0 ? link.initialBits : 0)
    }
    const terminal = layout.terminalRow[e] as number
    lower[terminal] = link.endTargetBits
    upper[terminal] = Infinity
  })
  return { lower, upper }
}

/**
 * Bounds of the store and terminal columns, bits (unscaled; other columns are left at 0): every
 * store lies in reserve..buffer, and the terminal shortfall in 0..endTarget − reserve.
 */
export function storeBoundsBits(
  instance: Instance,
  layout: ModelLayout,
): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(layout.numCols)
  const upper = new Float64Array(layout.numCols)
  instance.links.forEach((link, e) => {
    const base = layout.sBase[e] as number
    if (base < 0) return
    for (let t = 0; t < instance.slots; t++) {
      lower[base + t] = link.reserveBits
      upper[base + t] = link.bufferBits
    }
    upper[layout.terminalCol[e] as number] = Math.max(0, link.endTargetBits - link.reserveBits)
  })
  return { lower, upper }
}

/** Every column that `storeBoundsBits` sets (store and terminal columns), in increasing order. */
export function keyColumns(instance: Instance, layout: ModelLayout): number[] {
  const cols: number[] = []
  instance.links.forEach((_, e) => {
    const base = layout.sBase[e] as number
    if (base < 0) return
    for (let t = 0; t < instance.slots; t++) cols.push(base + t)
    cols.push(layout.terminalCol[e] as number)
  })
  // HiGHS takes index sets in increasing order; columns follow the canonical order, not e.
  return cols.sort((a, b) => a - b)
}

/** Builds the oracle model of an instance. */
export function buildOracleModel(instance: Instance): OracleModel {
  const layout = computeLayout(instance)
  const T = instance.slots
  const dt = instance.slotSeconds
  const costEur = objectiveEur(instance, layout)
  const scaling = chooseScaling(instance, costEur)
  const ku = scaling.keyUnitBits
  const { numCols, numRows } = layout

  const colCost = new Float64Array(numCols)
  for (let j = 0; j < numCols; j++) colCost[j] = (costEur[j] as number) / scaling.objectiveUnitEur
  const colLower = new Float64Array(numCols)
  const colUpper = new Float64Array(numCols).fill(1)
  const store = storeBoundsBits(instance, layout)
  for (const j of keyColumns(instance, layout)) {
    colLower[j] = (store.lower[j] as number) / ku
    colUpper[j] = (store.upper[j] as number) / ku
  }
  const terminalCost = terminalCostScaled(instance, scaling)
  instance.links.forEach((_, e) => {
    const j = layout.terminalCol[e] as number
    if (j >= 0) colCost[j] = terminalCost
  })
  const rowLower = new Float64Array(numRows).fill(-Infinity)
  const rowUpper = new Float64Array(numRows)
  const keyRows = keyRowBoundsBits(instance, layout)
  instance.links.forEach((_, e) => {
    const base = layout.balanceBase[e] as number
    if (base < 0) return
    for (let t = 0; t < T; t++) rowUpper[base + t] = (keyRows.upper[base + t] as number) / ku
    const terminal = layout.terminalRow[e] as number
    rowLower[terminal] = (keyRows.lower[terminal] as number) / ku
    rowUpper[terminal] = Infinity
  })

  // Column-wise assembly; every column's entries are known locally, so one pass suffices.
  const starts = new Int32Array(numCols + 1)
  const indices: number[] = []
  const values: number[] = []
  let col = 0
  const closeColumn = (): void => {
    col++
    starts[col] = indices.length
  }
  const order = canonicalOrder(instance)
  for (const k of order.flows) {
    const f = instance.flows[k] as Instance['flows'][number]
    const assign = layout.assignBase[k] as number
    const split = layout.splitBase[k] as number
    const directPath = split < 0 ? f.paths[0] : undefined
    for (let t = 0; t < T; t++) {
      for (const o of f.options) {
        indices.push(assign + t)
        values.push(1)
        const keyBlocks = (dt * o.keyBps) / ku
        if (keyBlocks > 0) {
          if (split >= 0) {
            indices.push(split + t)
            values.push(-keyBlocks)
          } else if (directPath !== undefined) {
            for (const e of directPath.links) {
              indices.push((layout.balanceBase[e] as number) + t)
              values.push(keyBlocks)
            }
          }
        }
        closeColumn()
      }
      rowLower[assign + t] = 1
      rowUpper[assign + t] = 1
    }
    if ((layout.hBase[k] as number) >= 0) {
      for (let t = 0; t < T; t++) {
        indices.push(assign + t)
        values.push(1)
        closeColumn()
      }
    }
    if (split >= 0) {
      for (let t = 0; t < T; t++) {
        rowLower[split + t] = 0
        rowUpper[split + t] = 0
        for (const p of f.paths) {
          indices.push(split + t)
          values.push(1)
          for (const e of p.links) {
            indices.push((layout.balanceBase[e] as number) + t)
            values.push(1)
          }
          colUpper[col] = Infinity
          closeColumn()
        }
      }
    }
  }
  for (const e of order.links) {
    const base = layout.balanceBase[e] as number
    if (base < 0) continue
    for (let t = 0; t < T; t++) {
      indices.push(base + t)
      values.push(1)
      if (t + 1 < T) {
        indices.push(base + t + 1)
        values.push(-1)
      } else {
        indices.push(layout.terminalRow[e] as number)
        values.push(1)
      }
      closeColumn()
    }
  }
  // Terminal columns come after every store column (see computeLayout).
  for (const e of order.links) {
    const row = layout.terminalRow[e] as number
    if (row < 0) continue
    indices.push(row)
    values.push(1)
    closeColumn()
  }
  if (col !== numCols) throw new Error(`model layout mismatch: built ${col} of ${numCols} columns`)
  return {
    layout,
    scaling,
    model: {
      numCols,
      numRows,
      colCost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  }
}
