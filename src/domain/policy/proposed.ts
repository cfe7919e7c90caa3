/**
 * The proposed offline–online controller (MODEL.md §5, the paper's hybrid).
 *
 * Offline, a robust plan over sampled days gives per-link reference prices λ̂[e,t], store targets
 * (key to bank ahead of attack windows and shocks) and domain-level quotas per process and link.
 *
 * Online, each slot:
 * 1. Prices. A proximal-dual step corrects each link's price from what happened: a store left
 *    below its target means key was over-spent (price up); key spilled from a full store means
 *    it was under-spent (price down). Prices span ten orders of magnitude, so the step works on
 *    log-price: `λ[e,t] = λ̂[e,t]·exp(δ_e)`,
 *    `δ_e ← (1 − decay)·δ_e + η·(shortfall/buffer − spilled/supply)`, with the move per slot
 *    bounded by `maxLogStep` (the "bounded move from the previous slot").
 * 2. Price–threshold rule. A flow takes an upgrade only when its marginal security value per key
 *    bit is at least its path price `π = min_p Σ_{e∈p} λ[e,t]`.
 * 3. Quotas first. From key above the store targets, upgrades are filled in value order within
 *    each process's quota (unused quota carries over), then from what is left. Key below the
 *    targets stays banked for the windows and outages it was planned for, except for steps worth
 *    ten times the dearest price the plan foresees on their path for the rest of the day (a
 *    bid's or an archive batch's tag costs a few bits and must not wait behind a target).
 * 4. Proximal smoothing. The planned ladder position is pulled toward last slot's by weight
 *    `proximalWeight` (x ← (x* + ρ·x_prev)/(1 + ρ)), damping churn between slots.
 * 5. Repair. The plan is executed against the key the links really hold; the fill never draws
 *    more than is there, dropping the lowest-value upgrades first.
 */
import type { Instance } from '../derive/instance.ts'
import { pathPriceEurPerBit } from '../metrics/threshold.ts'
import { fillSteps, outcomeOfFill, type FillResult, type Step } from './fill.ts'
import { laddersForSlot, stepsByValue } from './ladders.ts'
import type { DayPlan } from './offlinePlan.ts'
import { availableBits, type OnlineController } from './simulate.ts'

/** Largest total log-price correction: prices stay within e^±10 of the plan's. */
const MAX_LOG_CORRECTION = 10

/**
 * Banked key (below a store target) is released only to steps worth this many times the dearest
 * price the plan foresees on their path for the rest of the day: a tiny, very valuable step (a
 * bid's tag) must not wait behind a target, but the marginal steps the bank was planned for must.
 */
const URGENT_FACTOR = 10

const clamp = (v: number, bound: number): number => Math.max(-bound, Math.min(bound, v))

export interface ControllerParams {
  /** Log-price step per unit of store shortfall (as a share of the buffer). */
  stepSize: number
  /** Largest change of a link's log-price correction in one slot. */
  maxLogStep: number
  /** Weight ρ pulling each flow's position toward the previous slot's (0 = no smoothing). */
  proximalWeight: number
  /** Share of the price correction forgotten each slot (pulls prices back to the plan's). */
  decay: number
  /** Whether upgrades are filled within each process's quota before the shared pass. */
  quotaFirst: boolean
}

export const DEFAULT_CONTROLLER_PARAMS: ControllerParams = {
  stepSize: 2,
  maxLogStep: 0.5,
  proximalWeight: 0.1,
  decay: 0.2,
  quotaFirst: true,
}

/** What the controller decided in one slot, for tests and charts. */
export interface ControllerTrace {
  /** Price per link used in the slot, Eur/bit. */
  prices: Float64Array
  /** Steps that passed the threshold, in fill order, with what was wanted. */
  wanted: Step[]
  /** Steps that failed the threshold (value per bit below the path price). */
  belowThreshold: Step[]
}

export interface ProposedController extends OnlineController {
  /** Per link, the price used in each slot so far, Eur/bit. */
  readonly priceHistory: Float64Array[]
  readonly traces: ControllerTrace[]
}

export function proposedController(
  forecast: Instance,
  plan: DayPlan,
  params: ControllerParams = DEFAULT_CONTROLLER_PARAMS,
): ProposedController {
  const E = forecast.links.length
  const T = forecast.slots
  const logCorrection = new Float64Array(E)
  const previousStore = Float64Array.from(forecast.links, (l) => l.initialBits)
  const priceHistory = forecast.links.map(() => new Float64Array(T))
  const traces: ControllerTrace[] = []
  const quota = forecast.processIds.map(() => new Float64Array(E))
  let previousPosition: Float64Array | undefined
  /** The dearest the plan expects key on each link from slot t to the end of the day, Eur/bit. */
  const futurePrice = forecast.links.map((_, e) => {
    const row = new Float64Array(T + 1)
    for (let t = T - 1; t >= 0; t--) row[t] = Math.max(row[t + 1] ?? 0, plan.prices[e]?.[t] ?? 0)
    return row
  })
  /** Key held back on a link in slot t: the store target above the reserve, bits. */
  const holdback = (e: number, t: number): number => {
    const link = forecast.links[e]
    if (link === undefined) return 0
    return Math.max(0, (plan.storeTargets[e]?.[t] ?? 0) - link.reserveBits)
  }
  return {
    name: 'proposed',
    priceHistory,
    traces,
    plan: ({ t, storeBits, lastUseBits, lastSupplyBits }) => {
      // 1. Proximal-dual price correction from what the last slot did to each store: a store
      //    left below its target means key was over-spent (price up); key spilled from a full
      //    store means it was under-spent (price down). The correction decays toward the plan.
      const prices = new Float64Array(E)
      forecast.links.forEach((link, e) => {
        if (t > 0 && link.bufferBits > 0) {
          const store = storeBits[e] ?? 0
          const shortfall =
            Math.max(0, (plan.storeTargets[e]?.[t - 1] ?? 0) - store) / link.bufferBits
          const arrived = lastSupplyBits[e] ?? 0
          const spill = Math.max(0, previousStore[e] ?? 0) + arrived - (lastUseBits[e] ?? 0) - store
          const spillShare = arrived > 0 ? Math.max(0, spill) / arrived : 0
          const step = clamp(params.stepSize * (shortfall - spillShare), params.maxLogStep)
          logCorrection[e] = clamp(
            (1 - params.decay) * (logCorrection[e] ?? 0) + step,
            MAX_LOG_CORRECTION,
          )
        }
        previousStore[e] = storeBits[e] ?? 0
        prices[e] = (plan.prices[e]?.[t] ?? 0) * Math.exp(logCorrection[e] ?? 0)
        ;(priceHistory[e] as Float64Array)[t] = prices[e] ?? 0
      })
      // 2. Price–threshold rule on the forecast's ladders.
      const priceRows = forecast.links.map((_, e) => Float64Array.of(prices[e] ?? 0))
      const ladders = laddersForSlot(forecast, t)
      const wanted: Step[] = []
      const belowThreshold: Step[] = []
      for (const step of stepsByValue(ladders)) {
        const f = forecast.flows[step.flow]
        if (f === undefined) continue
        if (step.valuePerBit >= pathPriceEurPerBit(f, priceRows, 0)) wanted.push(step)
        else belowThreshold.push(step)
      }
      traces[t] = { prices, wanted, belowThreshold }
      quota.forEach((row, p) => {
        for (let e = 0; e < E; e++) row[e] = (row[e] ?? 0) + (plan.quotas[p]?.[e]?.[t] ?? 0)
      })
      /**
       * The slot's fill from key above the store targets: (a) within each process's quota,
       * (b) from what is left. Used to plan on the forecast and to execute on the real stores.
       * Banked key (between the reserve and the target) is never spent early: releasing it to
       * upgrades that merely beat the plan's degenerate prices emptied stores before outages.
       */
      const spend = (
        available: Float64Array,
        quotas: Float64Array[],
        steps: Step[],
      ): FillResult => {
        const free = Float64Array.from(available, (a, e) => Math.max(0, a - holdback(e, t)))
        const quotaPass = fillSteps({
          instance: forecast,
          ladders,
          steps: params.quotaFirst ? steps : [],
          available: free,
          quotas,
        })
        const freePass = fillSteps({
          instance: forecast,
          ladders,
          steps,
          available: free,
          start: quotaPass.position,
        })
        // (c) Banked key goes to steps worth more than any later use the plan foresees for it.
        const banked = Float64Array.from(
          available,
          (a, e) => (free[e] ?? 0) + Math.min(Math.max(0, a), holdback(e, t)),
        )
        const urgent = steps.filter((step) => {
          const f = forecast.flows[step.flow]
          if (f === undefined) return false
          const future = Math.min(
            ...f.paths.map((p) => p.links.reduce((s, e) => s + (futurePrice[e]?.[t] ?? 0), 0)),
          )
          return step.valuePerBit >= URGENT_FACTOR * future
        })
        const urgentPass = fillSteps({
          instance: forecast,
          ladders,
          steps: urgent,
          available: banked,
          start: freePass.position,
        })
        const pathBits = urgentPass.pathBits.map((row, k) =>
          row.map(
            (v, p) => v + (freePass.pathBits[k]?.[p] ?? 0) + (quotaPass.pathBits[k]?.[p] ?? 0),
          ),
        )
        return { ...urgentPass, pathBits }
      }
      // 3. Plan on the forecast supply.
      const forecastAvail = Float64Array.from({ length: E }, (_, e) =>
        availableBits(forecast, e, storeBits[e] ?? 0, t),
      )
      const planned = spend(
        forecastAvail,
        quota.map((row) => Float64Array.from(row)),
        wanted,
      )
      // 4. Proximal smoothing toward the previous slot's positions (none before the first slot).
      const rho = params.proximalWeight
      const last = previousPosition ?? planned.position
      const position = planned.position.map((x, k) => (x + rho * (last[k] ?? 0)) / (1 + rho))
      const cap = (steps: Step[]): Step[] =>
        steps.flatMap((step) => {
          const reach = (position[step.flow] ?? 0) - step.index
          return reach > 0 ? [{ ...step, fraction: Math.min(1, reach) }] : []
        })
      const target = cap(wanted)
      return {
        // 5. Repair: execute against what the links really hold.
        execute: (available) => {
          const done = spend(available, quota, target)
          previousPosition = done.position
          return outcomeOfFill(forecast, ladders, done)
        },
      }
    },
  }
}
