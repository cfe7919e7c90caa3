/**
 * Static allocation (MODEL.md §5): every flow keeps the one option the day-ahead nominal plan used
 * most, and every process draws from per-link quotas fixed from that plan (unused quota carries
 * over). When its quota or the link runs dry, a flow falls back to the next cheaper option that
 * fits, and holds what is left.
 */
import type { Instance } from '../derive/instance.ts'
import type { SlotOutcome } from './fill.ts'
import type { DayPlan } from './offlinePlan.ts'
import type { OnlineController } from './simulate.ts'

/** The option a flow uses most over the plan's day (−1: mostly held). */
export function dominantOption(instance: Instance, plan: DayPlan, k: number): number {
  const f = instance.flows[k]
  const shares = plan.allocation.optionShare[k]
  const holds = plan.allocation.holdShare[k]
  if (f === undefined || shares === undefined) return -1
  const totals = f.options.map((_, o) => {
    let sum = 0
    for (let t = 0; t < instance.slots; t++) sum += shares[t * f.options.length + o] ?? 0
    return sum
  })
  const held = holds?.reduce((a, b) => a + b, 0) ?? 0
  let best = -1
  let bestTotal = held
  totals.forEach((v, o) => {
    if (v >= bestTotal) {
      best = o
      bestTotal = v
    }
  })
  return best
}

export function staticController(forecast: Instance, plan: DayPlan): OnlineController {
  const fixed = forecast.flows.map((_, k) => dominantOption(forecast, plan, k))
  const processIndex = forecast.flows.map((f) => forecast.processIds.indexOf(f.processId))
  // Quota still unspent per process and link; grows each slot by the plan's use.
  const remaining = forecast.processIds.map(() => new Float64Array(forecast.links.length))
  return {
    name: 'static',
    plan: ({ t }) => {
      remaining.forEach((row, p) => {
        for (let e = 0; e < row.length; e++)
          row[e] = (row[e] ?? 0) + (plan.quotas[p]?.[e]?.[t] ?? 0)
      })
      return {
        execute: (available) => {
          const outcome: SlotOutcome = {
            optionShare: forecast.flows.map((f) => new Float64Array(f.options.length)),
            hold: new Float64Array(forecast.flows.length),
            pathBits: forecast.flows.map((f) => new Float64Array(f.paths.length)),
          }
          forecast.flows.forEach((f, k) => {
            const quota = remaining[processIndex[k] ?? 0] as Float64Array
            let left = 1
            // The fixed option first, then every cheaper one in falling key order.
            const order = f.options
              .map((o, i) => ({ o, i }))
              .filter(
                ({ o, i }) =>
                  i === fixed[k] ||
                  (fixed[k] !== undefined &&
                    fixed[k] >= 0 &&
                    o.keyBps < (f.options[fixed[k]]?.keyBps ?? 0)),
              )
              .sort((a, b) => b.o.keyBps - a.o.keyBps)
            for (const { o, i } of order) {
              if (left <= 0) break
              const bits = o.keyBps * forecast.slotSeconds
              let share = left
              let path = 0
              if (bits > 0) {
                let room = -1
                f.paths.forEach((p, pi) => {
                  let r = Infinity
                  for (const e of p.links) r = Math.min(r, available[e] ?? 0, quota[e] ?? 0)
                  if (r > room) {
                    room = r
                    path = pi
                  }
                })
                share = Math.min(left, Math.max(0, room) / bits)
                for (const e of f.paths[path]?.links ?? []) {
                  available[e] = Math.max(0, (available[e] ?? 0) - share * bits)
                  quota[e] = Math.max(0, (quota[e] ?? 0) - share * bits)
                }
                const pb = outcome.pathBits[k] as Float64Array
                pb[path] = (pb[path] ?? 0) + share * bits
              }
              ;(outcome.optionShare[k] as Float64Array)[i] = share
              left -= share
            }
            outcome.hold[k] = Math.max(0, left)
          })
          return outcome
        },
      }
    },
  }
}
