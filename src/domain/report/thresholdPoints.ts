/**
 * Data for the threshold chart: every ladder step of every flow-slot, its marginal security value
 * per key bit against the flow's path price, and whether the plan took it. At an LP optimum taken
 * steps lie on or above the diagonal (value ≥ price) and untaken ones on or below it — the paper's
 * price-threshold property made visible.
 */
import { flowKeyBits, type Allocation } from '../allocation.ts'
import type { Instance } from '../derive/instance.ts'
import { pathPriceEurPerBit } from '../metrics/threshold.ts'
import { buildLadder, stepValue } from '../policy/hull.ts'

export interface ThresholdPoint {
  flowId: string
  processId: string
  slot: number
  /** Options the step moves between (`hold` for holding). */
  from: string
  to: string
  /** Marginal security value per key bit, Eur/bit. */
  valuePerBit: number
  /** The flow's cheapest path price in the slot, Eur/bit. */
  pathPrice: number
  /** Share of the step the plan took, 0..1. */
  taken: number
}

/** Every finite-valued ladder step, thinned evenly to at most `maxPoints`. */
export function thresholdPoints(
  instance: Instance,
  allocation: Allocation,
  prices: readonly Float64Array[],
  maxPoints = 4000,
): ThresholdPoint[] {
  const points: ThresholdPoint[] = []
  instance.flows.forEach((f, k) => {
    for (let t = 0; t < instance.slots; t++) {
      const ladder = buildLadder(instance, f, t)
      const bits = flowKeyBits(instance, allocation, k, t)
      const pathPrice = pathPriceEurPerBit(f, prices, t)
      for (let i = 0; i + 1 < ladder.points.length; i++) {
        const value = stepValue(ladder, i)
        if (!Number.isFinite(value) || value <= 0) continue
        const a = ladder.points[i]
        const b = ladder.points[i + 1]
        if (a === undefined || b === undefined) continue
        const taken = Math.min(1, Math.max(0, (bits - a.bits) / (b.bits - a.bits)))
        points.push({
          flowId: f.flow.id,
          processId: f.processId,
          slot: t,
          from: a.option < 0 ? 'hold' : (f.options[a.option]?.id ?? '?'),
          to: b.option < 0 ? 'hold' : (f.options[b.option]?.id ?? '?'),
          valuePerBit: value,
          pathPrice,
          taken,
        })
      }
    }
  })
  if (points.length <= maxPoints) return points
  const stride = points.length / maxPoints
  return Array.from(
    { length: maxPoints },
    (_, i) => points[Math.floor(i * stride)] as ThresholdPoint,
  )
}
