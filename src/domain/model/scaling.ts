/**
 * Unit scaling of the oracle model (MODEL.md §8). Powers of two, so scaling and unscaling are exact
 * in floating point and results in Eur and bits are unaffected by rounding.
 */
import { largestKeyBits } from '../derive/limits.ts'
import type { Instance } from '../derive/instance.ts'

export interface Scaling {
  /** Bits per model key unit. */
  keyUnitBits: number
  /** Eur per model objective unit. */
  objectiveUnitEur: number
}

/** Target size of the largest per-slot key quantity, in key units. */
const KEY_TARGET_UNITS = 1024

/**
 * How far (a power of two) an option's key per slot may raise the key unit above the one the
 * stores and supplies set. Dearer options can carry at most 1/16 of their flow's messages in a
 * slot; they do not size the unit, so stores and supplies stay at 64 units or more.
 */
export const OPTION_KEY_HEADROOM = 16

/**
 * Costs more than 2^50 below the largest count at 2^-50 of it in the money unit's mean: next to
 * the largest they are below double precision, and an extreme one (a success bound of 1e-300)
 * would otherwise drag the unit down until the largest costs overflow the solver's range.
 */
const COST_FLOOR_LOG2 = -50

function powerOfTwoAtMost(value: number): number {
  return value > 0 && Number.isFinite(value) ? 2 ** Math.floor(Math.log2(value)) : 1
}

/**
 * Chooses the key block so the largest key quantity of a slot is about a thousand units, and the
 * money unit so the geometric mean of the costs that matter is about one.
 *
 * Key: from the stores and supplies (MODEL.md §8). Their largest value `K` (store, starting store
 * or slot supply of any link) sets the scale; an option's key per slot counts only up to
 * `OPTION_KEY_HEADROOM · K`. An option far dearer than every store can only ever carry a sliver
 * of its flow's messages; letting it size the unit would put every store and supply below the
 * solver's feasibility tolerance, and a plan could then spend key the links never had. (The
 * validator refuses options beyond `MAX_KEY_SPAN · K`, `derive/limits.ts`.) Only when no link
 * holds or supplies any key at all does the dearest option set the unit: every keyed option is
 * then held at zero by its balance rows, whatever the unit.
 *
 * Money: the geometric mean of the non-zero objective coefficients, each counted at least at
 * 2^-50 of the largest (see `COST_FLOOR_LOG2`). The coefficients then straddle 1 symmetrically,
 * which is where the solver's absolute tolerances (1e-7) resolve the most decisions.
 */
export function chooseScaling(instance: Instance, costEur: Float64Array): Scaling {
  const stores = largestKeyBits(instance)
  let maxKey = stores
  const optionCap = stores > 0 ? OPTION_KEY_HEADROOM * stores : Infinity
  for (const f of instance.flows) {
    for (const o of f.options) {
      maxKey = Math.max(maxKey, Math.min(optionCap, o.keyBps * instance.slotSeconds))
    }
  }
  const keyUnitBits = Math.max(1, powerOfTwoAtMost(maxKey / KEY_TARGET_UNITS))
  // The terminal shortfall's cost per key unit is an objective coefficient too (it is not in
  // `costEur`, since it depends on the key unit): counted in the largest cost, it keeps a day
  // whose other costs are 1e-300 € from putting the unit so low that it overflows (fuzz suite).
  let maxCost = instance.terminalKeyEurPerBit * keyUnitBits
  for (const c of costEur) if (c > maxCost && Number.isFinite(c)) maxCost = c
  const floorLog2 = maxCost > 0 ? Math.log2(maxCost) + COST_FLOOR_LOG2 : 0
  let logSum = 0
  let count = 0
  for (const c of costEur) {
    if (c > 0 && Number.isFinite(c)) {
      logSum += Math.max(Math.log2(c), floorLog2)
      count++
    }
  }
  const objectiveUnitEur = count === 0 ? 1 : 2 ** Math.round(logSum / count)
  return { keyUnitBits, objectiveUnitEur }
}
