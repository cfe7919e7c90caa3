/**
 * The day simulator for online policies. A controller plans each slot from the forecast and the
 * realised history only (its view never contains the realised day); the plan is then executed
 * against the key each link really holds, which is the feasibility repair, and the stores move on
 * with the realised supply. No link can ever spend key it does not hold.
 */
import { emptyAllocation, type Allocation } from '../allocation.ts'
import type { Instance } from '../derive/instance.ts'
import { nowMs } from '../util/clock.ts'
import type { SlotOutcome } from './fill.ts'

/** What a controller may see when it plans slot t. */
export interface SlotView {
  t: number
  forecast: Instance
  /** Realised store per link at the start of slot t, bits. */
  storeBits: Float64Array
  /** Key used per link in the previous slot, bits (zeros at t = 0). */
  lastUseBits: Float64Array
  /** Realised supply per link in the previous slot, bits (zeros at t = 0). */
  lastSupplyBits: Float64Array
}

/** A planned slot: how to spend key, given what the links really hold when it runs. */
export interface SlotPlan {
  execute: (availableBits: Float64Array) => SlotOutcome
}

export interface OnlineController {
  readonly name: string
  plan: (view: SlotView) => SlotPlan
}

export interface SimulationResult {
  allocation: Allocation
  /** Realised store per link at the end of each slot, bits. */
  storeBits: Float64Array[]
  /** Median wall time of one controller step (plan + execute), ms. */
  stepMsMedian: number
  totalMs: number
}

/** Key drawn from each link by a slot's outcome, bits (relays pay on every hop). */
export function keyUseOfOutcome(instance: Instance, fill: SlotOutcome): Float64Array {
  const use = new Float64Array(instance.links.length)
  instance.flows.forEach((f, k) => {
    f.paths.forEach((p, pi) => {
      const bits = fill.pathBits[k]?.[pi] ?? 0
      if (bits > 0) for (const e of p.links) use[e] = (use[e] ?? 0) + bits
    })
  })
  return use
}

/** Writes slot t of an outcome into an allocation. */
function writeOutcome(
  instance: Instance,
  outcome: SlotOutcome,
  t: number,
  allocation: Allocation,
): void {
  instance.flows.forEach((f, k) => {
    const shares = allocation.optionShare[k] as Float64Array
    const wanted = outcome.optionShare[k]
    for (let o = 0; o < f.options.length; o++) shares[t * f.options.length + o] = wanted?.[o] ?? 0
    ;(allocation.holdShare[k] as Float64Array)[t] = outcome.hold[k] ?? 0
    const bits = outcome.pathBits[k]
    const total = bits?.reduce((s, v) => s + v, 0) ?? 0
    const split = allocation.pathShare[k] as Float64Array
    for (let p = 0; p < f.paths.length; p++) {
      split[t * f.paths.length + p] = total > 0 ? (bits?.[p] ?? 0) / total : p === 0 ? 1 : 0
    }
  })
}

/** Key a link can give in slot t: its store plus the slot's supply, above the reserve, bits. */
export function availableBits(instance: Instance, e: number, store: number, t: number): number {
  const link = instance.links[e]
  if (link === undefined) return 0
  return Math.max(0, store + instance.slotSeconds * (link.supplyBps[t] ?? 0) - link.reserveBits)
}

/**
 * Runs a controller over the realised day. `realised` and `forecast` must share flows, links and
 * slots (they are two days of one scenario).
 */
export function simulateDay(
  realised: Instance,
  forecast: Instance,
  controller: OnlineController,
): SimulationResult {
  const T = realised.slots
  const E = realised.links.length
  const allocation = emptyAllocation(realised)
  const store = Float64Array.from(realised.links, (l) => l.initialBits)
  const storeBits = realised.links.map(() => new Float64Array(T))
  let lastUse: Float64Array = new Float64Array(E)
  let lastSupply: Float64Array = new Float64Array(E)
  const stepMs: number[] = []
  const t0 = nowMs()
  for (let t = 0; t < T; t++) {
    const s0 = nowMs()
    const plan = controller.plan({
      t,
      forecast,
      storeBits: Float64Array.from(store),
      lastUseBits: lastUse,
      lastSupplyBits: lastSupply,
    })
    const available = Float64Array.from({ length: E }, (_, e) =>
      availableBits(realised, e, store[e] ?? 0, t),
    )
    const fill = plan.execute(available)
    stepMs.push(nowMs() - s0)
    writeOutcome(realised, fill, t, allocation)
    const use = keyUseOfOutcome(realised, fill)
    const supply = new Float64Array(E)
    realised.links.forEach((link, e) => {
      supply[e] = realised.slotSeconds * (link.supplyBps[t] ?? 0)
      const next = Math.min(link.bufferBits, (store[e] ?? 0) + (supply[e] ?? 0) - (use[e] ?? 0))
      store[e] = next
      ;(storeBits[e] as Float64Array)[t] = next
    })
    lastUse = use
    lastSupply = supply
  }
  stepMs.sort((a, b) => a - b)
  return {
    allocation,
    storeBits,
    stepMsMedian: stepMs[Math.floor(stepMs.length / 2)] ?? 0,
    totalMs: nowMs() - t0,
  }
}
