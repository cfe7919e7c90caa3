/**
 * An allocation is what every policy decides: per flow and slot, the share of messages under each
 * allowed option, the share held, and how the flow's key is split over its candidate paths.
 * Metrics are computed from an allocation alone, so oracle and online policies are measured alike.
 */
import type { Instance } from './derive/instance.ts'

export interface Allocation {
  /** Per flow: share of messages under option o in slot t at index t·nOptions + o. */
  optionShare: Float64Array[]
  /** Per flow: share of messages held in slot t. */
  holdShare: Float64Array[]
  /** Per flow: share of the flow's key carried by path p in slot t at index t·nPaths + p. */
  pathShare: Float64Array[]
}

/** An allocation with every message on the first allowed option and all key on the first path. */
export function emptyAllocation(instance: Instance): Allocation {
  const T = instance.slots
  return {
    optionShare: instance.flows.map((f) => {
      const a = new Float64Array(T * f.options.length)
      for (let t = 0; t < T; t++) a[t * f.options.length] = 1
      return a
    }),
    holdShare: instance.flows.map(() => new Float64Array(T)),
    pathShare: instance.flows.map((f) => {
      const a = new Float64Array(T * f.paths.length)
      for (let t = 0; t < T; t++) a[t * f.paths.length] = 1
      return a
    }),
  }
}

/** End-to-end key a flow consumes in slot t under an allocation, bits. */
export function flowKeyBits(
  instance: Instance,
  allocation: Allocation,
  k: number,
  t: number,
): number {
  const f = instance.flows[k]
  const shares = allocation.optionShare[k]
  if (f === undefined || shares === undefined) return 0
  let bps = 0
  f.options.forEach((o, oi) => {
    bps += o.keyBps * (shares[t * f.options.length + oi] ?? 0)
  })
  return bps * instance.slotSeconds
}

/** Key drawn from each link in each slot, bits: `[link][slot]`. Relays pay on every hop. */
export function linkUseBits(instance: Instance, allocation: Allocation): Float64Array[] {
  const use = instance.links.map(() => new Float64Array(instance.slots))
  instance.flows.forEach((f, k) => {
    const split = allocation.pathShare[k]
    for (let t = 0; t < instance.slots; t++) {
      const bits = flowKeyBits(instance, allocation, k, t)
      if (bits <= 0) continue
      f.paths.forEach((p, pi) => {
        const share = split?.[t * f.paths.length + pi] ?? 0
        if (share <= 0) return
        for (const e of p.links) {
          const row = use[e]
          if (row !== undefined) row[t] = (row[t] ?? 0) + bits * share
        }
      })
    }
  })
  return use
}
