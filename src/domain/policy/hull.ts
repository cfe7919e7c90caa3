/**
 * Upgrade ladders. For one flow in one slot, plot every choice as (key bits, cost in Eur): holding
 * the messages (no key, every message late) and each allowed option. Only the lower convex hull is
 * ever worth using: walking it from the least-key point, each step buys a cost reduction at a
 * falling marginal security value per bit. Greedy and the proposed controller both spend key by
 * taking such steps in order of that value; the oracle's threshold property says an LP optimum
 * does the same at its prices.
 */
import { holdCostEur, optionCostEur, type FlowData, type Instance } from '../derive/instance.ts'

/** Cost standing in for holding when holding is not allowed: any key is worth more than that. */
export const FORBIDDEN_HOLD_EUR = 1e15

/** A point on the ladder: −1 is hold, otherwise an index into the flow's allowed options. */
export interface HullPoint {
  option: number
  /** Key for the whole slot, end to end, bits. */
  bits: number
  costEur: number
}

export interface Ladder {
  points: HullPoint[]
}

/** Marginal security value per key bit of the step from point i to i + 1, Eur/bit. */
export function stepValue(ladder: Ladder, i: number): number {
  const a = ladder.points[i]
  const b = ladder.points[i + 1]
  if (a === undefined || b === undefined) return 0
  const bits = b.bits - a.bits
  return bits > 0 ? (a.costEur - b.costEur) / bits : Infinity
}

/**
 * The lower convex hull of a flow's choices in slot t, from the least-key point to the cheapest.
 * `attempts` overrides the instance's attack attempts (online policies plan with the forecast).
 */
export function buildLadder(instance: Instance, f: FlowData, t: number): Ladder {
  // Without holding, a key-free option is the floor every flow can always fall back to. Only when
  // every allowed option needs key does holding stay on the ladder, as a forced last resort that
  // the policy's status reports (`forced-hold`).
  const keyFree = f.options.some((o) => o.keyBps === 0)
  const candidates: HullPoint[] =
    instance.holdAllowed || !keyFree
      ? [
          {
            option: -1,
            bits: 0,
            costEur: instance.holdAllowed ? holdCostEur(instance, f) : FORBIDDEN_HOLD_EUR,
          },
        ]
      : []
  f.options.forEach((o, i) => {
    candidates.push({
      option: i,
      bits: o.keyBps * instance.slotSeconds,
      costEur: optionCostEur(instance, f, o, t),
    })
  })
  // Sort by key, and among equal key keep only the cheapest: the others are dominated.
  candidates.sort((a, b) => a.bits - b.bits || a.costEur - b.costEur)
  const unique = candidates.filter((p, i) => i === 0 || p.bits !== candidates[i - 1]?.bits)
  const hull: HullPoint[] = []
  for (const p of unique) {
    const last = hull[hull.length - 1]
    // A point that costs no less than the current end never helps.
    if (last !== undefined && p.costEur >= last.costEur) continue
    while (hull.length >= 2) {
      const a = hull[hull.length - 2] as HullPoint
      const b = hull[hull.length - 1] as HullPoint
      // Drop b when it lies on or above the segment a→p (its step value would rise).
      const cross =
        (b.bits - a.bits) * (p.costEur - a.costEur) - (p.bits - a.bits) * (b.costEur - a.costEur)
      if (cross <= 0) hull.pop()
      else break
    }
    hull.push(p)
  }
  return { points: hull }
}

/**
 * Spreads a continuous ladder position (0 = first point, 1.4 = 60 % point 1 and 40 % point 2)
 * into option and hold shares for slot t.
 */
export function positionShares(
  ladder: Ladder,
  position: number,
  nOptions: number,
): { optionShare: Float64Array; hold: number } {
  const optionShare = new Float64Array(nOptions)
  let hold = 0
  const last = ladder.points.length - 1
  const clamped = Math.min(Math.max(position, 0), last)
  const i = Math.floor(clamped)
  const frac = clamped - i
  const add = (pointIndex: number, share: number): void => {
    if (share <= 0) return
    const p = ladder.points[pointIndex]
    if (p === undefined) return
    if (p.option < 0) hold += share
    else optionShare[p.option] = (optionShare[p.option] ?? 0) + share
  }
  add(i, 1 - frac)
  if (frac > 0) add(i + 1, frac)
  return { optionShare, hold }
}
