/**
 * The value of each QKD link's two upgrade levers, from the oracle LP's duals:
 *
 * - **Key rate.** `Σ_t λ[e,t]·Δt` is the value of 1 b/s more VPP key in every slot; weighting by
 *   the share, shocks and yield noise gives the value of 1 b/s more secret-key rate on the link
 *   itself (what a rate upgrade buys).
 * - **Key store.** The exact derivative of the optimum with respect to the link's `bufferBits`,
 *   from the store columns' reduced costs and the terminal row (see `storeValue.ts`): raise the
 *   buffer with everything else in the validated scenario as it is, so the starting store stays
 *   and the reserve floor rises with the buffer.
 *
 * Both are € per day (the oracle's objective is one evaluation day). Links are ranked by the
 * better of the two unit upgrades an operator can buy: 1 Mbit more store or 1 kb/s more link rate.
 * Optionally each value is checked by re-solving with the lever moved up and down a little: for
 * an LP the dual value must lie between the two one-sided differences, and equals both away from
 * a kink.
 */
import type { Highs } from 'highs'
import { buildInstance } from '../derive/instance.ts'
import { linkKeyRateBps } from '../derive/supply.ts'
import { EVALUATION_DAY } from '../report/oracleReport.ts'
import type { Scenario } from '../scenario/types.ts'
import { OracleSession, type SolveStatus } from '../solve/oracleSession.ts'
import { nowMs } from '../util/clock.ts'
import { priceAlong, solveVariant } from './solveVariant.ts'
import { storeValueOfLink, withLinkBuffer } from './storeValue.ts'
import { supplyBitsPerRateBps } from './supplyGradient.ts'

export interface LinkValueCheck {
  /** Rate step used for the re-solves, kb/s of link rate. */
  stepKbps: number
  /** (objective − objective with the rate raised) / step, € per kb/s of link rate. */
  raisedEurPerKbps: number
  /**
   * (objective with the rate lowered − objective) / step, € per kb/s of link rate; null for a link
   * whose rate is (numerically) zero, which cannot be lowered.
   */
  loweredEurPerKbps: number | null
  /** |dual value − raised difference| / max(|dual value|, floor), dimensionless. */
  relativeError: number
  /**
   * Whether the dual value lies between the two one-sided differences (as an LP guarantees),
   * allowing for the solver's objective tolerance spread over the step.
   */
  agrees: boolean
}

export interface StoreValueCheck {
  /** Store step used for the re-solves (`checkStep` of the buffer), Mbit. */
  stepMbit: number
  /** (objective − objective with the store raised) / step, € per Mbit of store. */
  raisedEurPerMbit: number
  /**
   * (objective with the store lowered − objective) / step, € per Mbit of store; null for a store
   * of zero, which cannot be lowered.
   */
  loweredEurPerMbit: number | null
  /** |dual value − raised difference| / max(|dual value|, floor), dimensionless. */
  relativeError: number
  /** Whether the dual value lies between the two one-sided differences, as for the rate. */
  agrees: boolean
}

/** The upgrade each lever's value is multiplied by to rank links: 1 Mbit of key store. */
export const STORE_UPGRADE_MBIT = 1
/** The upgrade each lever's value is multiplied by to rank links: 1 kb/s of link key rate. */
export const RATE_UPGRADE_KBPS = 1

export type UpgradeLever = 'store' | 'rate' | 'none'

export interface BestUpgrade {
  /**
   * The lever whose unit upgrade (`STORE_UPGRADE_MBIT` more store, `RATE_UPGRADE_KBPS` more link
   * rate) is worth more; `none` when neither is worth anything.
   */
  lever: UpgradeLever
  /** What that unit upgrade is worth to first order (marginal value × step), € per day. */
  eurPerDay: number
}

export interface LinkValue {
  linkId: string
  /** Endpoints, for labels. */
  a: string
  b: string
  /** Σ_t λ[e,t]·Δt: € per day for 1 kb/s more VPP key on this link in every slot of the day. */
  valueEurPerKbps: number
  /** € per day for 1 kb/s more secret-key rate on the link (VPP share, shocks and noise applied). */
  valueEurPerKbpsLinkRate: number
  /**
   * € per day for 1 Mbit more key store (`bufferBits`), the starting store unchanged and the
   * reserve floor following the buffer. Negative when a bigger store costs more (its higher
   * reserve) than it holds; zero on a link no flow uses.
   */
  storeValueEurPerMbit: number
  /** `storeValueEurPerMbit` split by where it comes from (see `StoreValueParts`), € per Mbit. */
  storeValueParts: {
    capacityEurPerMbit: number
    reserveEurPerMbit: number
    terminalEurPerMbit: number
  }
  /** The better of +1 Mbit store and +1 kb/s link rate; links are ranked by its value. */
  bestUpgrade: BestUpgrade
  /** Slots whose shadow price is positive (where extra key would be used). */
  pricedSlots: number
  /** Re-solve check of `valueEurPerKbpsLinkRate`. */
  check?: LinkValueCheck
  /** Re-solve check of `storeValueEurPerMbit`. */
  storeCheck?: StoreValueCheck
}

export interface LinkValues {
  status: SolveStatus
  objectiveEur: number | null
  /** Ranked by `bestUpgrade.eurPerDay` (what the better unit upgrade buys), highest first. */
  links: LinkValue[]
  elapsedMs: number
}

export interface LinkValueOptions {
  /** Re-solve with each link's rate and store moved by `checkStep` to confirm the dual values. */
  check?: boolean
  /** Relative step for the checks (default 1e-2 of the link's rate and of its store). */
  checkStep?: number
}

/** Values below this (€ per kb/s or per Mbit) count as zero when computing relative errors. */
export const LINK_VALUE_FLOOR_EUR = 1e-6

/**
 * Objective noise allowed in the check, relative to the objective: HiGHS's optimality tolerances
 * leave differences of this order between solves that should be equal.
 */
export const LINK_VALUE_CHECK_TOLERANCE = 1e-7

/** The better unit upgrade of a link, from its two marginal values. */
export function bestUpgrade(storeEurPerMbit: number, rateEurPerKbps: number): BestUpgrade {
  const store = storeEurPerMbit * STORE_UPGRADE_MBIT
  const rate = rateEurPerKbps * RATE_UPGRADE_KBPS
  if (store <= 0 && rate <= 0) return { lever: 'none', eurPerDay: 0 }
  return store > rate ? { lever: 'store', eurPerDay: store } : { lever: 'rate', eurPerDay: rate }
}

/** Highest best upgrade first; ties by the rate, then the store, then the VPP-key value. */
export function compareLinkValues(x: LinkValue, y: LinkValue): number {
  return (
    y.bestUpgrade.eurPerDay - x.bestUpgrade.eurPerDay ||
    y.valueEurPerKbpsLinkRate - x.valueEurPerKbpsLinkRate ||
    y.storeValueEurPerMbit - x.storeValueEurPerMbit ||
    y.valueEurPerKbps - x.valueEurPerKbps
  )
}

/** Marginal value of key rate and key store on every link, from one LP solve (plus re-solves). */
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
      const store = storeValueOfLink(base.instance, base.result, e, link.reserveFraction)
      const rateValue = priceAlong(only, perRate) * 1000
      const storeValue = store.eurPerBit * 1e6
      return {
        linkId: link.id,
        a: link.a,
        b: link.b,
        valueEurPerKbps: sum * slotSeconds * 1000,
        valueEurPerKbpsLinkRate: rateValue,
        storeValueEurPerMbit: storeValue,
        storeValueParts: {
          capacityEurPerMbit: store.capacityEurPerBit * 1e6,
          reserveEurPerMbit: store.reserveEurPerBit * 1e6,
          terminalEurPerMbit: store.terminalEurPerBit * 1e6,
        },
        bestUpgrade: bestUpgrade(storeValue, rateValue),
        pricedSlots: priced,
      }
    })
    if (options.check === true) {
      const objective = base.objectiveEur
      const step = options.checkStep ?? 1e-2
      links.forEach((value, e) => {
        const check = checkLink(session, scenario, e, objective, value, step)
        if (check !== undefined) value.check = check
        const storeCheck = checkStore(session, scenario, e, objective, value, step)
        if (storeCheck !== undefined) value.storeCheck = storeCheck
        // Leave the session on the base scenario for whoever checks the next link.
        solveVariant(session, scenario)
      })
    }
    links.sort(compareLinkValues)
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

/**
 * Whether `dual` lies between the one-sided differences `raised` ≤ dual ≤ `lowered`, allowing
 * the objective tolerance spread over the step.
 */
function brackets(
  dual: number,
  raised: number,
  lowered: number | null,
  objective: number,
  step: number,
): boolean {
  const slack = (LINK_VALUE_CHECK_TOLERANCE * Math.max(1, Math.abs(objective))) / step
  return raised - slack <= dual && (lowered === null || dual <= lowered + slack)
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
  if (raised === null || lowered === null) return undefined
  const stepKbps = step / 1000
  const raisedEurPerKbps = (objective - raised) / stepKbps
  // A zero rate cannot be lowered (0/0 was NaN), and a step down of 1e-311 kb/s from a
  // subnormal rate makes the quotient overflow: neither has a lowered side (fuzz suite).
  const downKbps = Math.min(step, rate) / 1000
  const loweredEurPerKbps = finiteOrNull((lowered - objective) / downKbps)
  const dual = value.valueEurPerKbpsLinkRate
  return {
    agrees: brackets(dual, raisedEurPerKbps, loweredEurPerKbps, objective, stepKbps),
    stepKbps,
    raisedEurPerKbps,
    loweredEurPerKbps,
    relativeError:
      Math.abs(dual - raisedEurPerKbps) / Math.max(Math.abs(dual), LINK_VALUE_FLOOR_EUR),
  }
}

/** A difference quotient, or null when its step was too small for it to be a finite number. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** Smallest store step for the check, bits (a zero store is moved by this much). */
const MIN_STORE_STEP_BITS = 1e3

function checkStore(
  session: OracleSession,
  scenario: Scenario,
  index: number,
  objective: number,
  value: LinkValue,
  relativeStep: number,
): StoreValueCheck | undefined {
  const link = scenario.qkd.links[index]
  if (link === undefined) return undefined
  const buffer = link.bufferBits
  const step = Math.max(buffer * relativeStep, MIN_STORE_STEP_BITS)
  const down = Math.min(step, buffer)
  const raised = solveVariant(session, withLinkBuffer(scenario, index, buffer + step)).objectiveEur
  const lowered =
    down > 0
      ? solveVariant(session, withLinkBuffer(scenario, index, buffer - down)).objectiveEur
      : undefined
  if (raised === null || lowered === null) return undefined
  const stepMbit = step / 1e6
  const raisedEurPerMbit = (objective - raised) / stepMbit
  // A store of a few bits moves down by less than a double can express in Mbit: no lowered side.
  const downMbit = down / 1e6
  const loweredEurPerMbit =
    lowered === undefined ? null : finiteOrNull((lowered - objective) / downMbit)
  const dual = value.storeValueEurPerMbit
  return {
    agrees: brackets(dual, raisedEurPerMbit, loweredEurPerMbit, objective, stepMbit),
    stepMbit,
    raisedEurPerMbit,
    loweredEurPerMbit,
    relativeError:
      Math.abs(dual - raisedEurPerMbit) / Math.max(Math.abs(dual), LINK_VALUE_FLOOR_EUR),
  }
}
