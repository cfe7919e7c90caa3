/**
 * Store replay (MODEL.md §8): the LP's own spill is not unique, so spill is recomputed by running
 * each link's store forward with the chosen use.
 */
import type { Instance } from '../derive/instance.ts'

export interface StoreReplay {
  /** Store level at the end of each slot, bits. */
  storeBits: number[]
  /** Key that arrived to a full store, per slot, bits. */
  spilledBits: number[]
  /** Key drawn beyond what was there, per slot, bits (0 for a feasible allocation). */
  shortfallBits: number[]
}

/** Tolerance for drawing a store to its floor: relative rounding of the solver's values. */
const SHORTFALL_TOLERANCE = 1e-6

/**
 * Runs every store forward: `S[t] = min(buffer, S[t−1] + Δt·r[t] − use[t])`, counting spill above
 * the buffer and shortfall below the reserve floor.
 */
export function replayStores(instance: Instance, useBits: readonly Float64Array[]): StoreReplay[] {
  return instance.links.map((link, e) => {
    const storeBits: number[] = []
    const spilledBits: number[] = []
    const shortfallBits: number[] = []
    let s = link.initialBits
    const use = useBits[e]
    for (let t = 0; t < instance.slots; t++) {
      const supply = instance.slotSeconds * (link.supplyBps[t] ?? 0)
      let next = s + supply - (use?.[t] ?? 0)
      let spill = 0
      let short = 0
      if (next > link.bufferBits) {
        spill = next - link.bufferBits
        next = link.bufferBits
      }
      const floor = Math.min(link.reserveBits, s + supply)
      const tolerance = SHORTFALL_TOLERANCE * Math.max(1, link.bufferBits, supply)
      if (next < floor - tolerance) {
        short = floor - next
        next = floor
      }
      storeBits.push(next)
      spilledBits.push(spill)
      shortfallBits.push(short)
      s = next
    }
    return { storeBits, spilledBits, shortfallBits }
  })
}
