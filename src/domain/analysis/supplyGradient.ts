/**
 * How each link's key supply moves with the VPP share and with the link's key rate. Supply is
 * `share · R · shock · noise` (MODEL.md §3), so both derivatives are exact and constant, which is
 * what turns shadow prices into exact marginal values.
 */
import { buildInstance } from '../derive/instance.ts'
import { linkKeyRateBps } from '../derive/supply.ts'
import { EVALUATION_DAY } from '../report/oracleReport.ts'
import type { Scenario } from '../scenario/types.ts'

/** Per link and slot: extra key per slot for +1 of VPP share (0..1 scale), bits. */
export function supplyBitsPerShare(scenario: Scenario): number[][] {
  const unit = buildInstance({ ...scenario, qkd: { ...scenario.qkd, vppShare: 1 } }, EVALUATION_DAY)
  return unit.links.map((link) => link.supplyBps.map((bps) => bps * unit.slotSeconds))
}

/**
 * Per link and slot: extra VPP key per slot for +1 b/s of the link's secret-key rate, bits
 * (`share · shock · noise · slot seconds`; zero on a link whose rate is zero).
 */
export function supplyBitsPerRateBps(scenario: Scenario): number[][] {
  const perShare = supplyBitsPerShare(scenario)
  return scenario.qkd.links.map((link, e) => {
    const rate = linkKeyRateBps(link, scenario.qkd.rateModel)
    const row = perShare[e] ?? []
    return row.map((bits) => (rate > 0 ? (scenario.qkd.vppShare * bits) / rate : 0))
  })
}
