/**
 * What a bigger key store on a link is worth: the exact derivative of the oracle LP's optimum with
 * respect to the link's `bufferBits`, from the LP's duals (MODEL.md, "Decision support").
 *
 * The lever is "raise `bufferBits`, with everything else in the validated scenario as it is".
 * In particular the starting store `initialBufferBits` stays the number the validated scenario
 * holds (validation fills a missing one with half the buffer once; it does not follow later
 * buffer changes), and `reserveFraction` stays, so the reserve floor `reserveFraction × bufferBits`
 * rises with the buffer.
 *
 * The buffer B of link e enters the LP only through bounds (MODEL.md §4, §8, and
 * `buildOracleModel`):
 *
 *     ρB ≤ S[e,t] ≤ B                               every slot t (ρ = reserveFraction)
 *     S[e,last] + u[e] ≥ G,  G = max(ρB, min(I, B)) the terminal row (I = initialBufferBits)
 *     0 ≤ u[e] ≤ max(0, G − ρB)                     the terminal shortfall column
 *
 * An optimal dual of an LP is a subgradient of its optimum as a function of the bounds. With
 * HiGHS's reduced costs d (negative at an upper bound, positive at a lower bound when minimising)
 * and the terminal row's dual μ ≥ 0, the derivative of the optimum F along B is
 *
 *     dF/dB = Σ_t [min(d_t, 0) + ρ·max(d_t, 0)] + min(d_u, 0)·∂(G − ρB)⁺/∂B + μ·∂G/∂B
 *
 * (the store's upper bound moves by 1, its lower bound by ρ, the shortfall's upper bound and the
 * end target as written; right derivatives where `max`/`min` have a kink). The value of a bigger
 * store is −dF/dB: positive when the store fills up before key gets scarce, less the cost of the
 * higher reserve floor where the store is drawn down to it.
 *
 * The oracle result carries d for the store columns and λ for the balance rows, not μ or d_u;
 * both follow from the last store column, which sits in the last balance row (+1) and the
 * terminal row (+1): `d_last = λ_last − μ`, so `μ = λ_last − d_last`, and `d_u = τ − μ` for the
 * terminal price τ.
 */
import type { Instance } from '../derive/instance.ts'
import type { Scenario } from '../scenario/types.ts'
import type { OracleResult } from '../solve/oracleSession.ts'

/** The parts of −dF/dB for one link, € per bit of buffer (they sum to `eurPerBit`). */
export interface StoreValueParts {
  /** Σ_t −min(d_t, 0): slots where the full store holds back key that would be used later. */
  capacityEurPerBit: number
  /** −ρ·Σ_t max(d_t, 0): the higher reserve floor in slots where the store is drawn down to it. */
  reserveEurPerBit: number
  /** −(min(d_u, 0)·∂(G − ρB)⁺/∂B + μ·∂G/∂B): the end-of-day target moving with the buffer. */
  terminalEurPerBit: number
}

export interface StoreValue extends StoreValueParts {
  /** −dF/dB: € per day for one more bit of `bufferBits` (negative when a bigger store costs). */
  eurPerBit: number
}

/** The scenario with link `index`'s key store set to `bufferBits` (nothing else changes). */
export function withLinkBuffer(scenario: Scenario, index: number, bufferBits: number): Scenario {
  const links = scenario.qkd.links.map((link, i) => (i === index ? { ...link, bufferBits } : link))
  return { ...scenario, qkd: { ...scenario.qkd, links } }
}

/**
 * Right derivatives of the end target G = max(ρB, min(I, B)) and of the shortfall's upper bound
 * (G − ρB)⁺ with respect to B.
 */
export function endTargetSlopes(
  bufferBits: number,
  initialBits: number,
  reserveFraction: number,
): { target: number; shortfallCap: number } {
  const reserve = reserveFraction * bufferBits
  const clipped = Math.min(initialBits, bufferBits)
  const clippedSlope = initialBits > bufferBits ? 1 : 0
  const target =
    reserve > clipped
      ? reserveFraction
      : reserve < clipped
        ? clippedSlope
        : Math.max(reserveFraction, clippedSlope)
  const gap = Math.max(reserve, clipped) - reserve
  const shortfallCap = gap > 0 ? target - reserveFraction : Math.max(0, target - reserveFraction)
  return { target, shortfallCap }
}

/**
 * −dF/dB for link `e` from an optimal LP result (zero for a link no flow can use: it has no store
 * column, and its duals are zero).
 */
export function storeValueOfLink(
  instance: Instance,
  result: OracleResult,
  e: number,
  reserveFraction: number,
): StoreValue {
  const link = instance.links[e]
  const d = result.storeDualEurPerBit[e]
  const lambda = result.shadowPriceEurPerBit[e]
  const zero = { eurPerBit: 0, capacityEurPerBit: 0, reserveEurPerBit: 0, terminalEurPerBit: 0 }
  if (link === undefined || d === undefined || d.length === 0 || lambda === undefined) return zero
  let atUpper = 0
  let atLower = 0
  for (const v of d) {
    if (v < 0) atUpper += v
    else atLower += v
  }
  const last = d.length - 1
  const mu = Math.max(0, (lambda[last] ?? 0) - (d[last] ?? 0))
  const dShortfall = instance.terminalKeyEurPerBit - mu
  const slopes = endTargetSlopes(link.bufferBits, link.initialBits, reserveFraction)
  const terminal = Math.min(dShortfall, 0) * slopes.shortfallCap + mu * slopes.target
  // `+ 0` turns the −0 of a link without duals into 0.
  const capacityEurPerBit = -atUpper + 0
  const reserveEurPerBit = -reserveFraction * atLower + 0
  const terminalEurPerBit = -terminal + 0
  return {
    eurPerBit: capacityEurPerBit + reserveEurPerBit + terminalEurPerBit,
    capacityEurPerBit,
    reserveEurPerBit,
    terminalEurPerBit,
  }
}
