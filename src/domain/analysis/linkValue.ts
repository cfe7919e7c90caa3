/**
 * The value of each QKD link: what one more kb/s of key on it is worth over the day, from the
 * oracle LP's shadow prices. `Σ_t λ[e,t]·Δt` is the value of 1 b/s more VPP key in every slot;
 * weighting by the share, shocks and yield noise gives the value of 1 b/s more secret-key rate on
 * the link itself (what an upgrade buys). Optionally each value is checked by re-solving with the
 * link's rate raised and lowered a little: for an LP the dual value must lie between the two
 * one-sided differences, and equals both away from a kink.
 */
import type { Highs } from 'highs'
import { buildInstance } from '../derive/instance.ts'
import { linkKeyRateBps } from '../derive/supply.ts'
import { EVALUATION_DAY } from '../report/oracleReport.ts'
import type { Scenario } from '../scenario/types.ts'
import { OracleSession, type SolveStatus } from '../solve/oracleSession.ts'
import { nowMs } from '../util/clock.ts'
import { priceAlong, solveVariant } from './solveVariant.ts'
import { supplyBitsPerRateBps } from './supplyGradient.ts'

export interface LinkValueCheck {
  /** Rate step used for the re-solves, kb/s of link rate. */
  stepKbps: number
  /** (objective − objective with the rate raised) / step, € per kb/s of link rate. */
  raisedEurPerKbps: number
  /** (objective with the rate lowered − objective) / step, € per kb/s of link rate. */
  loweredEurPerKbps: number
  /** |dual value − raised difference| / max(|dual value|, floor), dimensionless. */
  relativeError: number
  /**
   * Whether the dual value lies between the two one-sided differences (as an LP guarantees),
   * allowing for the solver's objective tolerance spread over the step.
   */
  agrees: boolean
}

export interface LinkValue {
  linkId: string
  /** Endpoints, for labels. */
  a: string
  b: string
  /** Σ_t λ[e,t]·Δt: € for 1 kb/s more VPP key on this link in every slot of the day. */
  valueEurPerKbps: number
  /** € for 1 kb/s more secret-key rate on the link (VPP share, shocks and noise applied). */
  valueEurPerKbpsLinkRate: number
  /** Slots whose shadow price is positive (where extra key would be used). */
  pricedSlots: number
  check?: LinkValueCheck
}

export interface LinkValues {
  status: SolveStatus
  objectiveEur: number | null
  /** Ranked by `valueEurPerKbpsLinkRate` (what an upgrade buys), highest first. */
  links: LinkValue[]
  elapsedMs: number
}

export interface LinkValueOptions {
  /** Re-solve with each link's rate moved by `checkStep` to confirm the dual values. */
  check?: boolean
  /** Relative rate step for the check (default 1e-2 of the link's rate). */
  checkStep?: number
}

/** Values below this (€ per kb/s) count as zero when computing relative errors. */
export const LINK_VALUE_FLOOR_EUR = 1e-6

/**
 * Objective noise allowed in the check, relative to the objective: HiGHS's optimality tolerances
 * leave differences of this order between solves that should be equal.
 */
export const LINK_VALUE_CHECK_TOLERANCE = 1e-7

/** Marginal value of key on every link, from one LP solve (plus two per link to check). */
export function linkValues(
  highs: Highs,
  scenario: Scenario,
  options: LinkValueOptions = {},
): LinkValues {
  const started = nowMs()
  const session = new OracleSession(highs, buildInstance(scenario, EVALUATION_DAY), {
    integer: false,
  })
  try {
    const base = solveVariant(session, scenario)
    if (base.objectiveEur === null) {
      return { status: base.status, objectiveEur: null, links: [], elapsedMs: nowMs() - started }
    }
    const prices = base.result.shadowPriceEurPerBit
    const perRate = supplyBitsPerRateBps(scenario)
    const slotSeconds = base.instance.slotSeconds
    const links: LinkValue[] = scenario.qkd.links.map((link, e) => {
      const row = prices[e] ?? new Float64Array(0)
      let sum = 0
      let priced = 0
      for (const price of row) {
        sum += price
        if (price > 0) priced++
      }
      const only = prices.map((r, i) => (i === e ? r : new Float64Array(r.length)))
      return {
        linkId: link.id,
        a: link.a,
        b: link.b,
        valueEurPerKbps: sum * slotSeconds * 1000,
        valueEurPerKbpsLinkRate: priceAlong(only, perRate) * 1000,
        pricedSlots: priced,
      }
    })
    if (options.check === true) {
      const objective = base.objectiveEur
      links.forEach((value, e) => {
        const check = checkLink(session, scenario, e, objective, value, options.checkStep ?? 1e-2)
        if (check !== undefined) value.check = check
      })
    }
    links.sort(
      (x, y) =>
        y.valueEurPerKbpsLinkRate - x.valueEurPerKbpsLinkRate ||
        y.valueEurPerKbps - x.valueEurPerKbps,
    )
    return {
      status: base.status,
      objectiveEur: base.objectiveEur,
      links,
      elapsedMs: nowMs() - started,
    }
  } finally {
    session.dispose()
  }
}

/** The scenario with link `index`'s secret-key rate set to `rateBps`. */
export function withLinkRate(scenario: Scenario, index: number, rateBps: number): Scenario {
  const links = scenario.qkd.links.map((link, i) =>
    i === index ? { ...link, keyRateBps: rateBps } : link,
  )
  return { ...scenario, qkd: { ...scenario.qkd, links } }
}

function checkLink(
  session: OracleSession,
  scenario: Scenario,
  index: number,
  objective: number,
  value: LinkValue,
  relativeStep: number,
): LinkValueCheck | undefined {
  const link = scenario.qkd.links[index]
  if (link === undefined) return undefined
  const rate = linkKeyRateBps(link, scenario.qkd.rateModel)
  const step = Math.max(rate * relativeStep, 1e-3)
  const raised = solveVariant(session, withLinkRate(scenario, index, rate + step)).objectiveEur
  const lowered = solveVariant(
    session,
    withLinkRate(scenario, index, Math.max(0, rate - step)),
  ).objectiveEur
  // Leave the session on the base scenario for whoever checks the next link.
  solveVariant(session, scenario)
  if (raised === null || lowered === null) return undefined
  const stepKbps = step / 1000
  const raisedEurPerKbps = (objective - raised) / stepKbps
  const loweredEurPerKbps = (lowered - objective) / (Math.min(step, rate) / 1000)
  const dual = value.valueEurPerKbpsLinkRate
  const slack = (LINK_VALUE_CHECK_TOLERANCE * Math.max(1, Math.abs(objective))) / stepKbps
  return {
    agrees: raisedEurPerKbps - slack <= dual && dual <= loweredEurPerKbps + slack,
    stepKbps,
    raisedEurPerKbps,
    loweredEurPerKbps,
    relativeError:
      Math.abs(dual - raisedEurPerKbps) / Math.max(Math.abs(dual), LINK_VALUE_FLOOR_EUR),
  }
}
