/**
 * Spending a slot's key: take ladder steps in a given order, each as far as the key left on its
 * path allows. This is the execution step every ladder-based policy shares, and it is also the
 * feasibility repair: run against the key a link really holds, it can never overdraw a store.
 */
import type { Instance } from '../derive/instance.ts'
import { positionShares, type Ladder } from './hull.ts'

/** One step of one flow's ladder, with how much of it the policy wants (0..1). */
export interface Step {
  flow: number
  /** Step from ladder point `index` to `index + 1`. */
  index: number
  /** Wanted fraction of the step. */
  fraction: number
  /** Marginal security value per bit of the step, Eur/bit (for traces and repair order). */
  valuePerBit: number
}

/** Per process and link: key the process may still draw, bits (the domain quota). */
export type QuotaTable = Float64Array[]

export interface FillInput {
  instance: Instance
  ladders: readonly Ladder[]
  steps: readonly Step[]
  /** Key each link can give this slot, bits; consumed in place. */
  available: Float64Array
  /** Optional per-process caps, `[processIndex][link]`, consumed in place. */
  quotas?: QuotaTable
  /** Ladder positions to start from (default: every flow at its first point). */
  start?: Float64Array
}

export interface FillResult {
  /** Ladder position reached per flow. */
  position: Float64Array
  /** End-to-end key carried per flow and candidate path, bits. */
  pathBits: Float64Array[]
  /** Which steps were taken and how much of each. */
  taken: Array<{ step: Step; fraction: number; path: number }>
}

const EPS = 1e-12

/**
 * Takes the steps in order. A step is only taken once the flow has reached its start point, so
 * each flow climbs its own ladder in order; a step a previous pass took in part is continued. Key goes over the candidate path with the most room.
 */
export function fillSteps(input: FillInput): FillResult {
  const { instance, ladders, steps, available, quotas } = input
  const position =
    input.start !== undefined ? Float64Array.from(input.start) : new Float64Array(ladders.length)
  const pathBits = instance.flows.map((f) => new Float64Array(f.paths.length))
  const taken: FillResult['taken'] = []
  const processIndex = instance.flows.map((f) => instance.processIds.indexOf(f.processId))
  for (const step of steps) {
    // A step continues where an earlier pass left it; it needs the flow to be on this step.
    const done = (position[step.flow] ?? 0) - step.index
    if (done < -1e-9 || done >= 1 - EPS) continue
    const ladder = ladders[step.flow]
    const f = instance.flows[step.flow]
    const a = ladder?.points[step.index]
    const b = ladder?.points[step.index + 1]
    if (f === undefined || a === undefined || b === undefined) continue
    const bits = b.bits - a.bits
    const wanted = step.fraction - Math.max(0, done)
    if (wanted <= EPS) continue
    let fraction = wanted
    let mainPath = 0
    if (bits > 0) {
      // Fill over the candidate paths in order (fewest hops first: relaying costs key on every
      // hop), moving to the next when one runs out, until the wanted share is carried.
      const quota = quotas?.[processIndex[step.flow] ?? -1]
      const roomOf = (pi: number): number => {
        let r = Infinity
        for (const e of f.paths[pi]?.links ?? [])
          r = Math.min(r, available[e] ?? 0, quota?.[e] ?? Infinity)
        return Math.max(0, r)
      }
      const order = f.paths.map((_, pi) => pi)
      let carried = 0
      for (const pi of order) {
        const need = (wanted - carried) * bits
        if (need <= EPS * bits) break
        const used = Math.min(need, roomOf(pi))
        if (used <= 0) continue
        for (const e of f.paths[pi]?.links ?? []) {
          available[e] = Math.max(0, (available[e] ?? 0) - used)
          if (quota !== undefined) quota[e] = Math.max(0, (quota[e] ?? 0) - used)
        }
        const row = pathBits[step.flow] as Float64Array
        row[pi] = (row[pi] ?? 0) + used
        if (carried === 0) mainPath = pi
        carried += used / bits
      }
      fraction = carried
      if (fraction <= EPS) continue
    }
    position[step.flow] = step.index + Math.max(0, done) + fraction
    taken.push({ step, fraction, path: mainPath })
  }
  return { position, pathBits, taken }
}

/** What a slot's execution decided, per flow: option shares, held share and key per path. */
export interface SlotOutcome {
  optionShare: Float64Array[]
  hold: Float64Array
  /** End-to-end key per flow and candidate path, bits. */
  pathBits: Float64Array[]
}

/** Turns ladder positions into option and hold shares. */
export function outcomeOfFill(
  instance: Instance,
  ladders: readonly Ladder[],
  fill: FillResult,
): SlotOutcome {
  const hold = new Float64Array(instance.flows.length)
  const optionShare = instance.flows.map((f, k) => {
    const ladder = ladders[k]
    if (ladder === undefined) return new Float64Array(f.options.length)
    const shares = positionShares(ladder, fill.position[k] ?? 0, f.options.length)
    hold[k] = shares.hold
    return shares.optionShare
  })
  return { optionShare, hold, pathBits: fill.pathBits }
}
