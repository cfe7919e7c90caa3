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
  const usedLinks = new Set<number>()
  let col = 0
  let row = 0
  const integerCols: number[] = []
  instance.flows.forEach((f, k) => {
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
  })
  for (let e = 0; e < E; e++) {
    if (!usedLinks.has(e)) continue
    sBase[e] = col
    col += T
    balanceBase[e] = row
    row += T
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
    integerCols: Int32Array.from(integerCols),
  }
}

/** Objective coefficients in Eur (unscaled), one per column. */
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

/** Balance-row upper bounds, bits (unscaled): slot supply, plus the initial store in slot 0. */
export function balanceUpperBits(instance: Instance, layout: ModelLayout): Float64Array {
  const upper = new Float64Array(layout.numRows)
  instance.links.forEach((link, e) => {
    const base = layout.balanceBase[e] as number
    if (base < 0) return
    for (let t = 0; t < instance.slots; t++) {
      upper[base + t] =
        instance.slotSeconds * (link.supplyBps[t] ?? 0) + (t === 0 ? link.initialBits : 0)
    }
  })
  return upper
}

/** Store column bounds, bits (unscaled): reserve..buffer, and no net draw-down over the day. */
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
      const last = t === instance.slots - 1
      lower[base + t] = last
        ? Math.max(link.reserveBits, Math.min(link.initialBits, link.bufferBits))
        : link.reserveBits
      upper[base + t] = link.bufferBits
    }
  })
  return { lower, upper }
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
  instance.links.forEach((_, e) => {
    const base = layout.sBase[e] as number
    if (base < 0) return
    for (let t = 0; t < T; t++) {
      colLower[base + t] = (store.lower[base + t] as number) / ku
      colUpper[base + t] = (store.upper[base + t] as number) / ku
    }
  })
  const rowLower = new Float64Array(numRows).fill(-Infinity)
  const rowUpper = new Float64Array(numRows)
  const balanceUpper = balanceUpperBits(instance, layout)
  instance.links.forEach((_, e) => {
    const base = layout.balanceBase[e] as number
    if (base < 0) return
    for (let t = 0; t < T; t++) rowUpper[base + t] = (balanceUpper[base + t] as number) / ku
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
  instance.flows.forEach((f, k) => {
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
  })
  instance.links.forEach((_, e) => {
    const base = layout.balanceBase[e] as number
    if (base < 0) return
    for (let t = 0; t < T; t++) {
      indices.push(base + t)
      values.push(1)
      if (t + 1 < T) {
        indices.push(base + t + 1)
        values.push(-1)
      }
      closeColumn()
    }
  })
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
