/**
 * Reading a solver solution back into domain terms, in Eur and bits: option, hold and path shares,
 * prices, store levels and store duals; and the replay check that no plan overdraws a store.
 */
import { linkUseBits, emptyAllocation, type Allocation } from '../allocation.ts'
import type { Instance } from '../derive/instance.ts'
import { replayStores } from '../metrics/stores.ts'
import { pathColumnCount, type OracleModel } from '../model/buildOracleModel.ts'

/** Key drawn beyond what the stores held over the day, bits (beyond the replay's tolerance). */
export function planShortfallBits(instance: Instance, allocation: Allocation): number {
  let total = 0
  for (const replay of replayStores(instance, linkUseBits(instance, allocation)))
    for (const bits of replay.shortfallBits) total += bits
  return total
}

/** Bits in words: Mbit above a million, else bits. */
export function formatBits(bits: number): string {
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

/**
 * One series per link from the model's per-link, per-slot block starting at `bases[e]` (a link
 * without one gets zeros), each value read by `value(index)`, model units times Eur per bit.
 */
function perLinkEurPerBit(
  instance: Instance,
  built: OracleModel,
  bases: Int32Array,
  value: (index: number) => number,
): Float64Array[] {
  const factor = built.scaling.objectiveUnitEur / built.scaling.keyUnitBits
  return instance.links.map((_, e) => {
    const out = new Float64Array(instance.slots)
    const base = bases[e] as number
    if (base < 0) return out
    for (let t = 0; t < instance.slots; t++) out[t] = value(base + t) * factor
    return out
  })
}

/** λ[e,t] in Eur per bit from the balance-row duals (HiGHS gives ≤-row duals ≤ 0 when minimising). */
export function readPrices(
  instance: Instance,
  built: OracleModel,
  rowDual: Float64Array,
): Float64Array[] {
  return perLinkEurPerBit(instance, built, built.layout.balanceBase, (i) =>
    Math.max(0, -(rowDual[i] ?? 0)),
  )
}

/** Reduced costs of the store columns in Eur per bit (see `OracleResult.storeDualEurPerBit`). */
export function readStoreDuals(
  instance: Instance,
  built: OracleModel,
  colDual: Float64Array,
): Float64Array[] {
  return perLinkEurPerBit(instance, built, built.layout.sBase, (i) => colDual[i] ?? 0)
}

/** Store level at the end of each slot per link, bits (the initial store for unused links). */
export function readStore(
  instance: Instance,
  built: OracleModel,
  colValue: Float64Array,
): Float64Array[] {
  return instance.links.map((link, e) => {
    const out = new Float64Array(instance.slots)
    const base = built.layout.sBase[e] as number
    for (let t = 0; t < instance.slots; t++) {
      out[t] = base < 0 ? link.initialBits : (colValue[base + t] ?? 0) * built.scaling.keyUnitBits
    }
    return out
  })
}
