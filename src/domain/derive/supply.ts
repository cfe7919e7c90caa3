/**
 * Key supply per link and slot (MODEL.md §3, §8).
 */
import { lognormalFactors } from '../util/rng.ts'
import type { QkdLink, RateModel, Scenario } from '../scenario/types.ts'

/** Link secret-key rate `R = r0 · 10^(−loss·km/10)`, bits/s; a measured `keyRateBps` wins. */
export function linkKeyRateBps(link: QkdLink, model: RateModel): number {
  if (link.keyRateBps !== undefined) return link.keyRateBps
  return model.r0Bps * 10 ** ((-model.lossDbPerKm * link.lengthKm) / 10)
}

/**
 * Product of the factors of every shock covering link `linkId` in each slot (1 when none). A zero
 * factor (an outage) makes the product exactly 0, whatever the others (never 0 × ∞ = NaN). The
 * validator bounds the product (`MAX_SHOCK_PRODUCT` in `limits.ts`).
 */
export function shockFactors(scenario: Scenario, linkId: string): number[] {
  const out = new Array<number>(scenario.horizon.slots).fill(1)
  for (const shock of scenario.shocks) {
    if (shock.links !== 'all' && !shock.links.includes(linkId)) continue
    for (let t = shock.startSlot; t < Math.min(shock.endSlot, out.length); t++) {
      out[t] = shock.factor === 0 ? 0 : (out[t] ?? 1) * shock.factor
    }
  }
  return out
}

/**
 * The VPP's key supply on one link per slot, bits/s: `vppShare · R · shock factor`, times seeded
 * log-normal yield noise when `day` is given (the realised day `day`; `undefined` is the forecast).
 */
export function linkSupplyBps(scenario: Scenario, link: QkdLink, day?: number): number[] {
  const base = scenario.qkd.vppShare * linkKeyRateBps(link, scenario.qkd.rateModel)
  const shocks = shockFactors(scenario, link.id)
  const noise =
    day === undefined
      ? undefined
      : lognormalFactors(
          scenario.seed,
          `supply:${link.id}:${day}`,
          shocks.length,
          scenario.uncertainty.yieldSigma,
        )
  return shocks.map((f, t) => base * f * (noise?.[t] ?? 1))
}
