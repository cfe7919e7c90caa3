/**
 * Link colouring for the topology map: mean shadow price over the day (€ per Mbit, log scale),
 * key utilization (0..1) or link value (what the link's best single upgrade, +1 Mbit of key
 * store or +1 kb/s of link rate, is worth in € per day, log scale). Pure; d3 only supplies scales
 * and colour ramps.
 */
import { interpolateBlues, interpolateYlOrRd, scaleSequential, scaleSequentialLog } from 'd3'
import type { LinkValue, LinkValues } from '../../domain/analysis/linkValue.ts'
import type { MapColouring } from '../../store/uiSlice.ts'
import { idRecord, idRecordOf } from '../../domain/util/idRecord.ts'
import type { OraclePlan } from '../../worker/api.ts'
import { bestUpgradeText, formatEurSig } from '../analysis/transforms.ts'

/** Colour of a link without a value (not in the plan yet, or a zero price). */
export const NO_VALUE_COLOUR = '#a9b3bd'

/** Ramps start past their palest tenth so links stay visible on white. */
const priceRamp = (t: number): string => interpolateYlOrRd(0.25 + 0.75 * t)
const utilizationRamp = (t: number): string => interpolateBlues(0.3 + 0.7 * t)

/** Mean of a per-slot price series in € per Mbit, or undefined without data. */
export function meanPricePerMbit(eurPerBit: readonly number[] | undefined): number | undefined {
  if (eurPerBit === undefined || eurPerBit.length === 0) return undefined
  let sum = 0
  for (const v of eurPerBit) sum += Number.isFinite(v) ? v : 0
  return (sum / eurPerBit.length) * 1e6
}

/** The value each link is coloured by (undefined when the plan has none for it). */
export function linkValues(
  plan: OraclePlan | undefined,
  linkIds: readonly string[],
  mode: MapColouring,
  /** Link values by link id, € per day of the best upgrade (for `linkValue`; see `bestUpgradeByLink`). */
  linkValueEur: Readonly<Record<string, number>> = idRecord(),
): Record<string, number | undefined> {
  // Link ids are user text: `__proto__`, `constructor` or `toString` must read as absent, not as
  // an inherited member, and be kept as keys, so only own keys are read and the result has no
  // prototype.
  const out = idRecord<number | undefined>()
  for (const id of linkIds) {
    out[id] =
      mode === 'linkValue'
        ? ownValue(linkValueEur, id)
        : plan === undefined
          ? undefined
          : mode === 'price'
            ? meanPricePerMbit(ownValue(plan.links, id)?.shadowPriceEurPerBit)
            : ownValue(plan.utilization, id)
  }
  return out
}

function ownValue<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined
}

/**
 * What the map colours by in `linkValue` mode: per link, the € per day its best single upgrade
 * (+1 Mbit store or +1 kb/s rate) buys, the ranking of the link-value panel.
 */
export function bestUpgradeByLink(values: LinkValues | undefined): Record<string, number> {
  return idRecordOf((values?.links ?? []).map((l) => [l.linkId, l.bestUpgrade.eurPerDay]))
}

/** A link's value for the map's tooltip: the best upgrade, then both levers with their units. */
export function linkValueMapText(value: LinkValue | undefined): string {
  if (value === undefined) return 'no link value yet'
  return `best upgrade ${bestUpgradeText(value.bestUpgrade)} (store ${formatEurSig(value.storeValueEurPerMbit)}/day per Mbit, rate ${formatEurSig(value.valueEurPerKbpsLinkRate)}/day per kb/s)`
}

export interface LinkColourScale {
  colour: (value: number | undefined) => string
  /** Legend: value range and evenly spaced colour stops (for a CSS gradient). */
  domain: [number, number] | undefined
  stops: string[]
  log: boolean
}

/**
 * Prices and link values use a log scale over the positive prices present (a zero price has no colour on a log
 * scale and is shown as "no value"); utilization a linear 0..1 scale.
 */
export function linkColourScale(
  mode: MapColouring,
  values: ReadonlyArray<number | undefined>,
): LinkColourScale {
  if (mode === 'utilization') {
    const scale = scaleSequential(utilizationRamp).domain([0, 1]).clamp(true)
    return {
      colour: (v) => (v === undefined || !Number.isFinite(v) ? NO_VALUE_COLOUR : scale(v)),
      domain: [0, 1],
      stops: [0, 0.25, 0.5, 0.75, 1].map((t) => utilizationRamp(t)),
      log: false,
    }
  }
  const positive = values.filter((v): v is number => v !== undefined && Number.isFinite(v) && v > 0)
  if (positive.length === 0) {
    return { colour: () => NO_VALUE_COLOUR, domain: undefined, stops: [], log: true }
  }
  let low = Math.min(...positive)
  const high = Math.max(...positive)
  if (low === high) low = high / 10
  const scale = scaleSequentialLog(priceRamp).domain([low, high]).clamp(true)
  return {
    colour: (v) => (v === undefined || !Number.isFinite(v) || v <= 0 ? NO_VALUE_COLOUR : scale(v)),
    domain: [low, high],
    stops: [0, 0.25, 0.5, 0.75, 1].map((t) => priceRamp(t)),
    log: true,
  }
}
