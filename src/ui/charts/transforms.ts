/**
 * Pure transforms from solver results to chart rows (tested in Node; React only renders them).
 */
import type { Comparison } from '../../domain/report/comparisonReport.ts'
import type { LinkReport } from '../../domain/report/oracleReport.ts'
import type { ThresholdPoint } from '../../domain/report/thresholdPoints.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import type { OraclePlan } from '../../worker/api.ts'
import type { TableData } from './ChartFrame.tsx'
import {
  formatCount,
  formatEur,
  formatMbit,
  formatPercent,
  slotClock,
  formatNumber,
} from '../format.ts'
import { POLICY_SERIES, processColour } from './chartConfig.ts'

export interface SlotRow {
  slot: number
  time: string
  [series: string]: number | string
}

/** One row per slot with a `time` label; `series` maps a key to its per-slot values. */
export function slotRows(
  slots: number,
  slotMinutes: number,
  series: Record<string, readonly number[]>,
): SlotRow[] {
  return Array.from({ length: slots }, (_, t) => {
    const row: SlotRow = { slot: t, time: slotClock(t, slotMinutes) }
    for (const [key, values] of Object.entries(series)) row[key] = values[t] ?? 0
    return row
  })
}

/**
 * The slots' times without values: what a chart draws while it waits for its first plan, so that
 * its axes are in place and the plan only adds the series.
 */
export function waitingRows(scenario: Scenario): SlotRow[] {
  return slotRows(scenario.horizon.slots, scenario.horizon.slotMinutes, {})
}

/** Residual risk per slot for each policy that has a result. */
export function riskByPolicy(
  comparison: Comparison | undefined,
  oracleRisk: readonly number[],
): Record<string, readonly number[]> {
  const out: Record<string, readonly number[]> = { oracle: oracleRisk }
  for (const [name, report] of Object.entries(comparison?.policies ?? {})) {
    if (name !== 'oracle' && report !== undefined) out[name] = report.series.residualRiskEur
  }
  return out
}

export interface WindowBand {
  label: string
  kind: 'attack' | 'shock'
  from: string
  to: string
  startSlot: number
  endSlot: number
}

/** Attack windows and shocks as bands in time labels (the band ends at its last slot). */
export function windowBands(scenario: Scenario): WindowBand[] {
  const { slotMinutes, slots } = scenario.horizon
  const band = (
    label: string,
    kind: WindowBand['kind'],
    start: number,
    end: number,
  ): WindowBand => ({
    label,
    kind,
    startSlot: start,
    endSlot: end,
    from: slotClock(Math.min(start, slots - 1), slotMinutes),
    to: slotClock(Math.max(start, Math.min(end, slots) - 1), slotMinutes),
  })
  return [
    ...scenario.threat.windows.map((w) => band(w.label, 'attack', w.startSlot, w.endSlot)),
    ...scenario.shocks.map((s) => band(s.label, 'shock', s.startSlot, s.endSlot)),
  ]
}

// ---------------------------------------------------------------------------------------------
// Result charts (SLA, key use, shadow prices, threshold, policy table)
// ---------------------------------------------------------------------------------------------

/** A plotted series: `key` is a safe data key (ids may contain dots, which recharts reads as paths). */
export interface SeriesMeta {
  key: string
  id: string
  label: string
  colour: string
}

/** Ten distinguishable colours for links (there are more links than process colours). */
export const LINK_COLOURS = [
  '#1b6ca8',
  '#d1495b',
  '#2a9d5c',
  '#e09f3e',
  '#8d6a9f',
  '#00798c',
  '#b56576',
  '#6b9080',
  '#3d5a80',
  '#9c6644',
]

export function linkColour(index: number): string {
  return LINK_COLOURS[index % LINK_COLOURS.length] ?? '#555'
}

/** A link in domain words, `CC–RS2` (its end nodes), or its id when the scenario no longer has it. */
export function linkLabel(scenario: Scenario, linkId: string): string {
  const link = scenario.qkd.links.find((l) => l.id === linkId)
  return link === undefined ? linkId : `${link.a}–${link.b}`
}

/** Ids in the scenario's order (unknown ids last, in their given order). */
function inScenarioOrder(ids: readonly string[], order: readonly string[]): string[] {
  const rank = (id: string): number => {
    const i = order.indexOf(id)
    return i < 0 ? order.length : i
  }
  return [...ids].sort((a, b) => rank(a) - rank(b))
}

/** One series per process of the plan, coloured by the process's place in the scenario. */
export function processSeries(scenario: Scenario, processIds: readonly string[]): SeriesMeta[] {
  const order = scenario.processes.map((p) => p.id)
  return inScenarioOrder(processIds, order).map((id, i) => {
    const index = order.indexOf(id)
    return {
      key: `p${i}`,
      id,
      label: scenario.processes[index]?.label ?? id,
      colour: processColour(index < 0 ? i : index),
    }
  })
}

/** One series per link in the given order, labelled by its end nodes. */
export function linkSeries(scenario: Scenario, linkIds: readonly string[]): SeriesMeta[] {
  return linkIds.map((id, i) => ({
    key: `l${i}`,
    id,
    label: linkLabel(scenario, id),
    colour: linkColour(i),
  }))
}

const sumSeries = (slots: number, series: ReadonlyArray<readonly number[]>): number[] =>
  Array.from({ length: slots }, (_, t) => series.reduce((acc, s) => acc + (s[t] ?? 0), 0))

const toMbit = (bits: readonly number[]): number[] => bits.map((b) => b / 1e6)

type PlanAxes = Pick<OraclePlan, 'slots' | 'slotMinutes'>

/** Late messages per slot and process (`p0`, `p1`, … keys) and their total (`total`). */
export function slaData(
  plan: PlanAxes & Pick<OraclePlan, 'byProcess'>,
  scenario: Scenario,
): { series: SeriesMeta[]; rows: SlotRow[] } {
  const series = processSeries(scenario, Object.keys(plan.byProcess))
  const values: Record<string, readonly number[]> = {}
  for (const s of series) values[s.key] = plan.byProcess[s.id]?.slaViolations ?? []
  values.total = sumSeries(plan.slots, Object.values(values))
  return { series, rows: slotRows(plan.slots, plan.slotMinutes, values) }
}

/**
 * Key used per slot by each process (`p0`, … in Mbit, counted on every link a relayed bit
 * crosses), their total (`used`) and the links' summed supply (`supply`, Mbit).
 */
export function keyUseData(
  plan: PlanAxes & Pick<OraclePlan, 'byProcess' | 'supplyBits'>,
  scenario: Scenario,
): { series: SeriesMeta[]; rows: SlotRow[] } {
  const series = processSeries(scenario, Object.keys(plan.byProcess))
  const values: Record<string, readonly number[]> = {}
  for (const s of series) values[s.key] = toMbit(plan.byProcess[s.id]?.keyUsedBits ?? [])
  values.used = sumSeries(plan.slots, Object.values(values))
  values.supply = toMbit(sumSeries(plan.slots, Object.values(plan.supplyBits)))
  return { series, rows: slotRows(plan.slots, plan.slotMinutes, values) }
}

const peakPrice = (link: LinkReport | undefined): number =>
  Math.max(0, ...(link?.shadowPriceEurPerBit ?? []))

/**
 * The links a chart draws, in the scenario's order: every link when there are at most `limit`,
 * else the `limit` with the highest peak shadow price, followed by `keep` (the picked link) if it
 * is not among them. Without `limit`, every link.
 */
export function linksToDraw(
  scenario: Scenario,
  links: Record<string, LinkReport>,
  keep?: string,
  limit = Infinity,
): string[] {
  const ordered = inScenarioOrder(
    Object.keys(links),
    scenario.qkd.links.map((l) => l.id),
  )
  if (ordered.length <= limit) return ordered
  const top = new Set(
    [...ordered]
      .sort((a, b) => peakPrice(links[b]) - peakPrice(links[a]))
      .slice(0, Math.max(0, limit)),
  )
  const drawn = ordered.filter((id) => top.has(id))
  if (keep !== undefined && Object.hasOwn(links, keep) && !top.has(keep)) drawn.push(keep)
  return drawn
}

/** Store level at the end of each slot per link (`l0`, … keys, in `ids` order), Mbit. */
export function storeData(
  plan: PlanAxes & Pick<OraclePlan, 'links'>,
  scenario: Scenario,
  ids: readonly string[] = linksToDraw(scenario, plan.links),
): { series: SeriesMeta[]; rows: SlotRow[] } {
  const series = linkSeries(scenario, ids)
  const values: Record<string, readonly number[]> = {}
  for (const s of series) values[s.key] = toMbit(plan.links[s.id]?.storeBits ?? [])
  return { series, rows: slotRows(plan.slots, plan.slotMinutes, values) }
}

/** The link to focus on: the selected one if the plan has it, else the one with the highest price. */
export function focusLink(
  links: Record<string, LinkReport>,
  selected: string | undefined,
): string | undefined {
  // Own keys only: a picked link called `constructor` that the plan lacks is not in the plan.
  if (selected !== undefined && Object.hasOwn(links, selected)) return selected
  let best: string | undefined
  let peak = -Infinity
  for (const [id, l] of Object.entries(links)) {
    const p = peakPrice(l)
    if (best === undefined || p > peak) [best, peak] = [id, p]
  }
  return best
}

export interface PriceRow {
  slot: number
  time: string
  [series: string]: number | string | null
}

/** € per bit → € per Mbit, with 0 (and anything not positive) as null: a log axis cannot show it. */
export const positivePerMbit = (eurPerBit: number | undefined): number | null =>
  eurPerBit !== undefined && Number.isFinite(eurPerBit) && eurPerBit > 0 ? eurPerBit * 1e6 : null

/**
 * Shadow price per slot and link (`l0`, … keys, € per Mbit, null where 0) and, when the proposed
 * controller has prices for `link`, its prices for that link under `proposed`.
 */
export function priceData(
  plan: PlanAxes & Pick<OraclePlan, 'links'>,
  scenario: Scenario,
  proposedLinks: Record<string, LinkReport> | undefined,
  link: string | undefined,
  ids: readonly string[] = linksToDraw(scenario, plan.links),
): { series: SeriesMeta[]; rows: PriceRow[]; hasProposed: boolean } {
  const series = linkSeries(scenario, ids)
  const proposed = link === undefined ? [] : (proposedLinks?.[link]?.shadowPriceEurPerBit ?? [])
  const hasProposed = proposed.length > 0
  const rows = Array.from({ length: plan.slots }, (_, t) => {
    const row: PriceRow = { slot: t, time: slotClock(t, plan.slotMinutes) }
    for (const s of series) row[s.key] = positivePerMbit(plan.links[s.id]?.shadowPriceEurPerBit[t])
    if (hasProposed) row.proposed = positivePerMbit(proposed[t])
    return row
  })
  return { series, rows, hasProposed }
}

/** Exact power of ten (10 ** -7 is not exactly 1e-7). */
const decade = (exponent: number): number => Number(`1e${exponent}`)

/**
 * A log axis over whole decades covering every positive finite value, with at most `maxTicks`
 * ticks (every k-th decade when the span is wide); undefined when no value is positive.
 */
export function logAxis(
  values: Iterable<number | null | undefined>,
  maxTicks = 7,
): { domain: [number, number]; ticks: number[] } | undefined {
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v) || v <= 0) continue
    min = Math.min(min, v)
    max = Math.max(max, v)
  }
  if (min === Infinity) return undefined
  const lo = Math.floor(Math.log10(min) + 1e-9)
  let hi = Math.ceil(Math.log10(max) - 1e-9)
  if (hi <= lo) hi = lo + 1
  const step = Math.max(1, Math.ceil((hi - lo) / Math.max(1, maxTicks - 1)))
  hi = lo + step * Math.ceil((hi - lo) / step)
  const ticks: number[] = []
  for (let e = lo; e <= hi; e += step) ticks.push(decade(e))
  return { domain: [decade(lo), decade(hi)], ticks }
}

/** A log-axis tick in euros: `€0.01` … `€10,000` written out, beyond that `€1e-6`, `€1e5`. */
export function formatDecadeEur(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '€0'
  const e = Math.round(Math.log10(value))
  return e >= -2 && e <= 4 ? `€${formatNumber(value)}` : `€1e${e}`
}

export interface ThresholdDot {
  /** Path price π, € per Mbit. */
  price: number
  /** Marginal security value per key bit, € per Mbit. */
  value: number
  flowId: string
  processId: string
  slot: number
  from: string
  to: string
  taken: number
}

/**
 * Threshold points on log-log axes (€ per Mbit): split into taken (share > 0.5) and not taken;
 * points with a zero price or value cannot be drawn and are counted in `dropped`. Both axes share
 * one decade range so that the diagonal value = price is the 45° line.
 */
export function thresholdData(points: readonly ThresholdPoint[]): {
  taken: ThresholdDot[]
  notTaken: ThresholdDot[]
  dropped: number
  axis: { domain: [number, number]; ticks: number[] } | undefined
} {
  const taken: ThresholdDot[] = []
  const notTaken: ThresholdDot[] = []
  const seen = new Set<string>()
  let dropped = 0
  for (const p of points) {
    const price = positivePerMbit(p.pathPrice)
    const value = positivePerMbit(p.valuePerBit)
    if (price === null || value === null) {
      dropped++
      continue
    }
    const dot: ThresholdDot = {
      price,
      value,
      flowId: p.flowId,
      processId: p.processId,
      slot: p.slot,
      from: p.from,
      to: p.to,
      taken: p.taken,
    }
    // Many steps repeat across slots at the same price and value; one dot per cell of a
    // 1/20-decade grid draws the same picture with a fraction of the SVG nodes, which keeps
    // re-renders fast while a slider moves.
    const cell = `${p.taken > 0.5 ? 't' : 'n'}:${Math.round(Math.log10(price) * 20)}:${Math.round(Math.log10(value) * 20)}`
    if (seen.has(cell)) continue
    seen.add(cell)
    ;(p.taken > 0.5 ? taken : notTaken).push(dot)
  }
  const all = [...taken, ...notTaken]
  const axis = logAxis([...all.map((d) => d.price), ...all.map((d) => d.value)])
  return { taken, notTaken, dropped, axis }
}

export const POLICY_ORDER = ['oracle', 'proposed', 'greedy', 'static'] as const

export const POLICY_COLUMNS = [
  'Policy',
  'Objective (€)',
  'Regret vs oracle (%)',
  'Residual risk (€)',
  'SLA violations (messages)',
  'Key used (Mbit)',
  'Key utilization (%)',
  'Risk in windows (€)',
  'Peak window slot risk (€)',
  'CVaR95 risk (€)',
]

/** One row per policy that has a result, in the fixed order oracle, proposed, greedy, static. */
export function policyRows(comparison: Comparison): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = []
  for (const name of POLICY_ORDER) {
    const r = comparison.policies[name]
    if (r === undefined) continue
    rows.push([
      POLICY_SERIES[name].label,
      formatEur(r.objectiveEur),
      formatPercent(r.regretVsOracle, 2),
      formatEur(r.residualRiskEur),
      formatCount(r.slaViolations),
      formatMbit(r.keyUsedBits),
      formatPercent(r.keyUtilization),
      formatEur(r.inWindows.riskEur),
      formatEur(r.inWindows.peakRiskEur),
      formatEur(r.robustness.cvar95RiskEur),
    ])
  }
  return rows
}

/** Recharts `interval` for a slot axis: every k-th slot labelled, at most about `maxTicks` labels. */
export function slotTickInterval(slots: number, maxTicks = 8): number {
  return Math.max(0, Math.ceil(slots / Math.max(1, maxTicks)) - 1)
}

/** How many links a per-link chart draws before it keeps only the most expensive ones. */
export const MAX_DRAWN_LINKS = 8

/** Says which links a per-link chart leaves out, or '' when it draws them all. */
export function drawnLinksNote(drawn: number, total: number): string {
  return drawn >= total
    ? ''
    : ` Drawn: the ${MAX_DRAWN_LINKS} links with the highest peak shadow price of ${total}${drawn > MAX_DRAWN_LINKS ? ', plus the picked link' : ''}; the table lists every link.`
}

const cell = (v: number | string | null | undefined): string | number =>
  typeof v === 'number' ? Number(v.toPrecision(4)) : 0

/** Table view of the key-use chart: per-process use, total use and supply, then every store. */
export function keyUseTable(
  use: { series: SeriesMeta[]; rows: SlotRow[] },
  store: { series: SeriesMeta[]; rows: SlotRow[] },
): TableData {
  return {
    columns: [
      'Slot start',
      ...use.series.map((s) => `${s.label} used (Mbit)`),
      'Total used (Mbit)',
      'Total supply (Mbit)',
      ...store.series.map((s) => `Store ${s.label} (Mbit)`),
    ],
    rows: use.rows.map((r, t) => [
      r.time,
      ...[...use.series.map((s) => s.key), 'used', 'supply'].map((k) => cell(r[k])),
      ...store.series.map((s) => cell(store.rows[t]?.[s.key])),
    ]),
  }
}

/** Table view of the price chart, € per Mbit (0 where key is not scarce). */
export function priceTable(
  data: { series: SeriesMeta[]; rows: PriceRow[]; hasProposed: boolean },
  proposedName: string,
): TableData {
  const keys = [...data.series.map((s) => s.key), ...(data.hasProposed ? ['proposed'] : [])]
  return {
    columns: [
      'Slot start',
      ...data.series.map((s) => `${s.label} (€/Mbit)`),
      ...(data.hasProposed ? [`${proposedName} (€/Mbit)`] : []),
    ],
    rows: data.rows.map((r) => [r.time, ...keys.map((k) => cell(r[k]))]),
  }
}
