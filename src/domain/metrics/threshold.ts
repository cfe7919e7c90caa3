/**
 * The price-threshold certificate (MODEL.md §4). At LP prices λ, a flow-slot should use only options
 * that minimise `cost[o] + π·Δt·c[o]`, where π is its cheapest path price. Equivalently it upgrades
 * from o to a stronger o′ exactly when the marginal security value per key bit
 * `(cost[o] − cost[o′]) / (Δt·(c[o′] − c[o]))` is at least π. The largest shortfall from that rule
 * over all flow-slots is a numerical certificate of optimality (≈ 0 at an LP optimum).
 */
import type { Allocation } from '../allocation.ts'
import { holdCostEur, optionCostEur, type FlowData, type Instance } from '../derive/instance.ts'

export interface ThresholdCertificate {
  /** Largest violation, Eur per flow-slot. */
  maxViolationEur: number
  /** The same relative to the largest option cost of any flow-slot (dimensionless). */
  relativeViolation: number
  /** Where the largest violation occurs, when there is one. */
  worst?: { flowId: string; slot: number }
}

/** Share below which an option counts as unused (solver noise). */
const USED_SHARE = 1e-7

/** Cheapest path price of a flow in a slot, Eur per bit: `π = min_p Σ_{e∈p} λ[e,t]`. */
export function pathPriceEurPerBit(
  f: FlowData,
  prices: readonly Float64Array[],
  t: number,
): number {
  let best = Infinity
  for (const p of f.paths) {
    let sum = 0
    for (const e of p.links) sum += prices[e]?.[t] ?? 0
    best = Math.min(best, sum)
  }
  return best === Infinity ? 0 : best
}

/** Computes the certificate of an allocation at the given prices. */
export function thresholdCertificate(
  instance: Instance,
  allocation: Allocation,
  prices: readonly Float64Array[],
): ThresholdCertificate {
  let worstEur = 0
  let scale = 0
  let worst: ThresholdCertificate['worst']
  instance.flows.forEach((f, k) => {
    const nO = f.options.length
    const shares = allocation.optionShare[k]
    const holds = allocation.holdShare[k]
    for (let t = 0; t < instance.slots; t++) {
      const pi = pathPriceEurPerBit(f, prices, t)
      const effective = f.options.map(
        (o) => optionCostEur(instance, f, o, t) + pi * instance.slotSeconds * o.keyBps,
      )
      // A hold the rules forbid is no alternative, but a policy forced to hold anyway is charged
      // its penalty (metrics.ts), and that finite cost is what its violation is measured by.
      const hold = holdCostEur(instance, f)
      const held = (holds?.[t] ?? 0) > USED_SHARE
      const best = Math.min(instance.holdAllowed ? hold : Infinity, ...effective)
      for (const c of effective) scale = Math.max(scale, c)
      if (held) scale = Math.max(scale, hold)
      effective.forEach((c, oi) => {
        if ((shares?.[t * nO + oi] ?? 0) > USED_SHARE && c - best > worstEur) {
          worstEur = c - best
          worst = { flowId: f.flow.id, slot: t }
        }
      })
      if (held && hold - best > worstEur) {
        worstEur = hold - best
        worst = { flowId: f.flow.id, slot: t }
      }
    }
  })
  const certificate: ThresholdCertificate = {
    maxViolationEur: worstEur,
    relativeViolation: scale > 0 ? worstEur / scale : 0,
  }
  if (worst !== undefined) certificate.worst = worst
  return certificate
}
