/**
 * Warm updates of a persistent oracle model. When only numbers changed (VPP share, link rates,
 * buffers, reserves, window multipliers, shock factors, impacts, the terminal price), the changed
 * costs and bounds are pushed into the model so the next simplex solve starts from the previous
 * optimum's basis; anything structural asks for a rebuild.
 */
import type { Model } from 'highs'
import type { Instance } from '../derive/instance.ts'
import {
  keyColumns,
  keyRowBoundsBits,
  objectiveEur,
  storeBoundsBits,
  terminalCostScaled,
  type OracleModel,
} from '../model/buildOracleModel.ts'
import { chooseScaling } from '../model/scaling.ts'

/** How far (in powers of two) the ideal units may drift before a warm model is rebuilt. */
const MAX_SCALING_DRIFT_LOG2 = 4

export function structureKey(instance: Instance): string {
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

/**
 * Pushes the numeric differences between `old` and `next` into `model` (built for `old`'s
 * structure). `slack` is the first stage's sliver per row, model key units. Returns false when
 * the change needs a rebuild instead: key-cost coefficients or the slot length moved (a matrix
 * rewrite is no cheaper than a rebuild), or the ideal units drifted more than 2^4 from the model's.
 */
export function applyNumericChanges(
  model: Model,
  built: OracleModel,
  old: Instance,
  instance: Instance,
  slack: Float64Array,
): boolean {
  // Key-cost coefficients move with message rates and slot length; the structure key does not
  // see them, and a matrix rewrite is no cheaper than a rebuild, so rebuild.
  const keyChanged = instance.flows.some((f, k) =>
    f.options.some((o, oi) => o.keyBps !== old.flows[k]?.options[oi]?.keyBps),
  )
  if (keyChanged || instance.slotSeconds !== old.slotSeconds) {
    return false
  }
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
    return false
  }
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
  return true
}
