/**
 * The MILP procedure around one HiGHS model: the LP relaxation first (the bound reported beside
 * the MILP value, and a start for branch and bound), the integer solve, then prices from the LP
 * with the integer choices fixed (MODEL.md §8), and back to an LP for the next warm solve.
 */
import type { Highs, Model } from 'highs'
import type { Instance } from '../derive/instance.ts'
import type { OracleModel } from '../model/buildOracleModel.ts'
import { readPrices, readStoreDuals } from './solution.ts'

/**
 * Solves the LP relaxation, marks x and h integer and hands HiGHS the relaxation rounded toward
 * less key as a start. Returns the LP bound in Eur (undefined when the relaxation did not solve).
 */
export function startMilp(
  highs: Highs,
  model: Model,
  built: OracleModel,
  instance: Instance,
): number | undefined {
  const relaxed = model.run()
  const ints = built.layout.integerCols
  const solved = relaxed.modelStatus === highs.constants.modelStatus.optimal
  const colValue = solved ? model.getSolution().colValue : undefined
  const bound = solved ? model.getObjectiveValue() * built.scaling.objectiveUnitEur : undefined
  model.changeColsIntegrality({ kind: 'set', indices: ints }, new Int32Array(ints.length).fill(1))
  if (colValue !== undefined) {
    const incumbent = roundTowardLessKey(instance, built, colValue)
    try {
      model.setSolution({ indices: ints, values: Array.from(ints, (j) => incumbent[j] ?? 0) })
    } catch {
      // A rejected start only costs time; the MIP solve proceeds without it.
    }
  }
  return bound
}

/** Makes x and h continuous again, so the model is the LP for the next solve. */
export function endMilp(model: Model, built: OracleModel): void {
  const ints = built.layout.integerCols
  model.changeColsIntegrality({ kind: 'set', indices: ints }, new Int32Array(ints.length))
}

/**
 * MILP prices: fix x and h at the MILP's values, solve the remaining LP (stores and path split),
 * read the balance-row duals and store duals, then restore the bounds.
 */
export function fixedLpDuals(
  highs: Highs,
  model: Model,
  built: OracleModel,
  instance: Instance,
  colValue: Float64Array,
): { prices: Float64Array[]; storeDual: Float64Array[] } {
  const ints = built.layout.integerCols
  const before = model.getCols({ kind: 'set', indices: ints })
  const fixedValues = Array.from(ints, (j) => Math.round(colValue[j] ?? 0))
  model.changeColsIntegrality({ kind: 'set', indices: ints }, new Int32Array(ints.length))
  model.changeColsBounds({ kind: 'set', indices: ints }, fixedValues, fixedValues)
  model.options.set({ solver: 'simplex' })
  model.run()
  const solved = model.getModelStatus() === highs.constants.modelStatus.optimal
  const zeros = (): Float64Array[] => instance.links.map(() => new Float64Array(instance.slots))
  const solution = solved ? model.getSolution() : undefined
  const prices = solution !== undefined ? readPrices(instance, built, solution.rowDual) : zeros()
  const storeDual =
    solution !== undefined ? readStoreDuals(instance, built, solution.colDual) : zeros()
  model.changeColsBounds({ kind: 'set', indices: ints }, before.lower, before.upper)
  return { prices, storeDual }
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
