/**
 * Unit scaling of the oracle model (MODEL.md §8). Powers of two, so scaling and unscaling are exact
 * in floating point and results in Eur and bits are unaffected by rounding.
 */
import type { Instance } from '../derive/instance.ts'

export interface Scaling {
  /** Bits per model key unit. */
  keyUnitBits: number
  /** Eur per model objective unit. */
  objectiveUnitEur: number
}

/** Target size of the largest per-slot key quantity, in key units. */
const KEY_TARGET_UNITS = 1024

function powerOfTwoAtMost(value: number): number {
  return value > 0 && Number.isFinite(value) ? 2 ** Math.floor(Math.log2(value)) : 1
}

/**
 * Chooses the key block so the largest store or slot supply is about a thousand units, and the
 * money unit so the geometric mean of the non-zero objective coefficients is about one: the
 * coefficients then straddle 1 symmetrically, which is where the solver's absolute tolerances
 * (1e-7) resolve the most decisions.
 */
export function chooseScaling(instance: Instance, costEur: Float64Array): Scaling {
  let maxKey = 0
  for (const link of instance.links) {
    maxKey = Math.max(maxKey, link.bufferBits, link.initialBits)
    for (const r of link.supplyBps) maxKey = Math.max(maxKey, r * instance.slotSeconds)
  }
  for (const f of instance.flows) {
    for (const o of f.options) maxKey = Math.max(maxKey, o.keyBps * instance.slotSeconds)
  }
  const keyUnitBits = Math.max(1, powerOfTwoAtMost(maxKey / KEY_TARGET_UNITS))
  let logSum = 0
  let count = 0
  for (const c of costEur) {
    if (c > 0) {
      logSum += Math.log2(c)
      count++
    }
  }
  const objectiveUnitEur = count === 0 ? 1 : 2 ** Math.round(logSum / count)
  return { keyUnitBits, objectiveUnitEur }
}
