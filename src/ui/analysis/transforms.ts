/**
 * Pure shaping of decision-support results for the panels: chart rows, log ticks in percent,
 * sentences in domain words. No React, so Vitest covers it directly.
 */
import type {
  CaseOutcome,
  ContingencyReport,
  FirstLoss,
} from '../../domain/analysis/contingency.ts'
import type { Frontier, FrontierPoint } from '../../domain/analysis/frontier.ts'
import {
  RATE_UPGRADE_KBPS,
  STORE_UPGRADE_MBIT,
  type BestUpgrade,
  type LinkValue,
  type LinkValueCheck,
  type LinkValues,
  type StoreValueCheck,
} from '../../domain/analysis/linkValue.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { formatCount, formatEur, formatMbit, slotClock, formatNumber } from '../format.ts'

/** A VPP share (0..1) as a percentage with two significant digits, e.g. `0.40 %`. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–'
  const pct = share * 100
  return `${pct >= 100 ? pct.toFixed(0) : pct.toPrecision(2)} %`
}

/** Share step the tooltip prices ("one more 0.1 % of share"), as a fraction. */
export const SHARE_STEP = 0.001

export interface FrontierRow {
  /** VPP share, percent (the chart's x). */
  sharePct: number
  objectiveEur: number | null
  residualRiskEur: number | null
  slaViolations: number | null
  /** What SHARE_STEP more share saves, €; null when infeasible. */
  savingPerStepEur: number | null
  feasible: boolean
}

export function frontierRows(frontier: Frontier): FrontierRow[] {
  return frontier.points.map((p) => ({
    sharePct: p.vppShare * 100,
    objectiveEur: p.objectiveEur,
    residualRiskEur: p.residualRiskEur,
    slaViolations: p.slaViolations,
    savingPerStepEur: p.slopeEurPerShare === null ? null : -p.slopeEurPerShare * SHARE_STEP,
    feasible: p.objectiveEur !== null,
  }))
}

/** The point's story: cost, risk, late messages and the value of a little more share. */
export function frontierSentence(point: FrontierPoint): string {
  const at = `At ${formatShare(point.vppShare)} VPP share`
  if (point.objectiveEur === null) {
    return `${at} no plan meets every hard constraint (${point.status}).`
  }
  const late = point.slaViolations ?? 0
  const saving = point.slopeEurPerShare === null ? null : -point.slopeEurPerShare * SHARE_STEP
  const tail =
    saving === null
      ? ''
      : saving > 0
        ? `; one more ${formatShare(SHARE_STEP)} of share saves ${formatEur(saving)}`
        : '; more share saves nothing here (key is not scarce)'
  return `${at} the best plan costs ${formatEur(point.objectiveEur)} (risk ${formatEur(point.residualRiskEur)}, ${formatCount(late)} late message${late === 1 ? '' : 's'})${tail}.`
}

/**
 * Ticks for a log axis in percent: 1, 2 and 5 times each power of ten inside [min, max], plus
 * the ends when fewer than three fall inside.
 */
export function percentLogTicks(minPct: number, maxPct: number): number[] {
  if (!(minPct > 0) || !(maxPct >= minPct)) return []
  const ticks: number[] = []
  for (let e = Math.floor(Math.log10(minPct)); e <= Math.ceil(Math.log10(maxPct)); e++) {
    for (const m of [1, 2, 5]) {
      const t = Number((m * 10 ** e).toPrecision(6))
      if (t >= minPct * (1 - 1e-9) && t <= maxPct * (1 + 1e-9)) ticks.push(t)
    }
  }
  if (ticks.length < 3) {
    const ends = [minPct, ...ticks, maxPct].map((t) => Number(t.toPrecision(2)))
    return [...new Set(ends)].sort((a, b) => a - b)
  }
  return ticks
}

/** A percent tick label, e.g. `0.05 %`. */
export function formatPercentTick(pct: number): string {
  return `${formatNumber(Number(pct.toPrecision(2)), { maximumSignificantDigits: 2 })} %`
}

/** The unresolved intervals as text, or undefined when every breakpoint was pinned down. */
export function unresolvedText(frontier: Frontier): string | undefined {
  if (frontier.unresolvedIntervals.length === 0) return undefined
  const spans = listSome(
    frontier.unresolvedIntervals.map(([lo, hi]) => `${formatShare(lo)}–${formatShare(hi)}`),
    4,
  )
  return `Between ${spans} the shadow prices change more than the refinement solves could pin down, so breakpoints there may be missing or approximate; the plotted points themselves are exact.`
}

/** The re-solve check of a rate value in words: agreement, or how far the re-solves are. */
export function checkText(check: LinkValueCheck | undefined, dualEurPerKbps: number): string {
  if (check === undefined) return 'not checked'
  if (check.agrees) return '✓ agrees'
  const pct = (check.relativeError * 100).toPrecision(2)
  return `✗ differs: re-solves give ${formatEurSig(check.loweredEurPerKbps)}…${formatEurSig(check.raisedEurPerKbps)} vs ${formatEurSig(dualEurPerKbps)} (${pct} %)`
}

/** The re-solve check of a store value in words, as `checkText`. */
export function storeCheckText(check: StoreValueCheck | undefined, dualEurPerMbit: number): string {
  if (check === undefined) return 'not checked'
  if (check.agrees) return '✓ agrees'
  const pct = (check.relativeError * 100).toPrecision(2)
  return `✗ differs: re-solves give ${formatEurSig(check.loweredEurPerMbit)}…${formatEurSig(check.raisedEurPerMbit)} vs ${formatEurSig(dualEurPerMbit)} (${pct} %)`
}

/** Both re-solve checks of a link: one "✓ agrees" when both do, else what differs, by lever. */
export function linkChecksText(value: LinkValue): string {
  if (value.check?.agrees === true && value.storeCheck?.agrees === true) return '✓ agrees'
  if (value.check === undefined && value.storeCheck === undefined) return 'not checked'
  const store = storeCheckText(value.storeCheck, value.storeValueEurPerMbit)
  const rate = checkText(value.check, value.valueEurPerKbpsLinkRate)
  return `store ${store}; rate ${rate}`
}

/** The best upgrade as an operator reads it, e.g. "+1 Mbit store: €120 a day". */
export function bestUpgradeText(best: BestUpgrade): string {
  if (best.lever === 'none') return 'none (key is not scarce)'
  const what =
    best.lever === 'store' ? `+${STORE_UPGRADE_MBIT} Mbit store` : `+${RATE_UPGRADE_KBPS} kb/s rate`
  return `${what}: ${formatEurSig(best.eurPerDay)} a day`
}

export interface LinkValueRow {
  linkId: string
  rank: number
  /** "CC-RS2 (VPP control centre–Regional substation 2)". */
  label: string
  best: BestUpgrade
  bestText: string
  /** Bar length for the best upgrade, 0..1 of the top link's. */
  bar: number
  /** € per day per Mbit of key store. */
  storeEurPerMbit: number
  /** € per day per kb/s of link secret-key rate. */
  rateEurPerKbps: number
  /** € per day per kb/s of VPP key in every slot. */
  vppKeyEurPerKbps: number
  pricedSlots: number
  /** Whether both re-solve checks agree (undefined when neither ran). */
  agrees: boolean | undefined
  checkText: string
}

/** The link-value table: ranked by the best upgrade, both levers with their checks. */
export function linkValueRows(values: LinkValues, scenario: Scenario | undefined): LinkValueRow[] {
  const label = (id: string): string => (scenario === undefined ? id : nodeLabel(scenario, id))
  const top = Math.max(0, ...values.links.map((l) => l.bestUpgrade.eurPerDay))
  return values.links.map((l, i) => ({
    linkId: l.linkId,
    rank: i + 1,
    label: `${l.linkId} (${label(l.a)}–${label(l.b)})`,
    best: l.bestUpgrade,
    bestText: bestUpgradeText(l.bestUpgrade),
    bar: top > 0 ? l.bestUpgrade.eurPerDay / top : 0,
    storeEurPerMbit: l.storeValueEurPerMbit,
    rateEurPerKbps: l.valueEurPerKbpsLinkRate,
    vppKeyEurPerKbps: l.valueEurPerKbps,
    pricedSlots: l.pricedSlots,
    agrees:
      l.check === undefined && l.storeCheck === undefined
        ? undefined
        : l.check?.agrees === true && l.storeCheck?.agrees === true,
    checkText: linkChecksText(l),
  }))
}

/** The sentence above the table: which upgrade buys the most, and how many values check out. */
export function linkValueSummary(values: LinkValues): string {
  const first = values.links[0]
  if (first === undefined || first.bestUpgrade.lever === 'none')
    return 'No link is scarce: neither a bigger store nor more rate anywhere would improve the plan.'
  const checked = values.links.filter(
    (l) => l.check?.agrees === true && l.storeCheck?.agrees === true,
  ).length
  return `The best single upgrade is ${bestUpgradeText(first.bestUpgrade)} on ${first.linkId}; ${checked} of ${values.links.length} links agree with their re-solves on both levers.`
}

/** Euros with three significant digits for small values (link values are often fractions of a cent). */
export function formatEurSig(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  if (value === 0 || Math.abs(value) >= 100) return formatEur(value)
  return `€${formatNumber(Number(value.toPrecision(3)), { maximumSignificantDigits: 3 })}`
}

/** At most `max` items written out, then how many more. */
export function listSome(items: readonly string[], max: number): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`
}

export interface TornadoRow {
  key: string
  kind: 'link' | 'relay'
  id: string
  /** Short label for the chart axis. */
  label: string
  /** With the link's ends, for the table and tooltip. */
  detail: string
  /** Δ objective for the whole-day outage, €; null when no plan exists. */
  dayEur: number | null
  windowEur: number | null
  dayFeasible: boolean
  /** Undefined when the day has no shock window. */
  windowFeasible: boolean | undefined
  /** Bar lengths (an infeasible case is drawn at the full width, marked). */
  dayBar: number
  windowBar: number
  dayLoss: string
  windowLoss: string
}

function nodeLabel(scenario: Scenario, id: string): string {
  return scenario.qkd.nodes.find((n) => n.id === id)?.label ?? id
}

/** "Billing loses key first, at 08:15 (0.12 Mbit)" or "no process loses key". */
export function firstLossText(scenario: Scenario, loss: FirstLoss | null): string {
  if (loss === null) return 'no process loses key'
  const label = scenario.processes.find((p) => p.id === loss.processId)?.label ?? loss.processId
  return `${label} loses key first, at ${slotClock(loss.slot, scenario.horizon.slotMinutes)} (${formatMbit(loss.lostBits)})`
}

function outcomeLoss(scenario: Scenario, outcome: CaseOutcome | undefined): string {
  if (outcome === undefined) return '–'
  if (outcome.objectiveEur === null) return `no feasible plan (${outcome.status})`
  return firstLossText(scenario, outcome.firstLoss)
}

/**
 * One row per failed link and relay, worst first: infeasible cases, then by the larger Δ
 * objective of the day and window outages.
 */
export function tornadoRows(report: ContingencyReport, scenario: Scenario): TornadoRow[] {
  const items = [
    ...report.links.map((r) => {
      const link = scenario.qkd.links.find((l) => l.id === r.linkId)
      const ends =
        link === undefined ? '' : ` (${nodeLabel(scenario, link.a)}–${nodeLabel(scenario, link.b)})`
      return {
        row: r,
        kind: 'link' as const,
        id: r.linkId,
        label: `Link ${r.linkId}`,
        detail: `Link ${r.linkId}${ends}`,
      }
    }),
    ...report.nodes.map((r) => ({
      row: r,
      kind: 'relay' as const,
      id: r.nodeId,
      label: `Relay ${r.nodeId}`,
      detail: `Relay ${nodeLabel(scenario, r.nodeId)}`,
    })),
  ]
  const finite = items.flatMap(({ row }) =>
    [row.deltaObjectiveEur, row.window?.deltaObjectiveEur ?? null].filter(
      (v): v is number => v !== null && Number.isFinite(v),
    ),
  )
  const full = Math.max(0, ...finite) * 1.1 || 1
  const bar = (outcome: CaseOutcome | undefined): number =>
    outcome === undefined
      ? 0
      : outcome.deltaObjectiveEur === null
        ? full
        : Math.max(0, outcome.deltaObjectiveEur)
  const rows = items.map(({ row, kind, id, label, detail }) => ({
    key: `${kind}:${id}`,
    kind,
    id,
    label,
    detail,
    dayEur: row.deltaObjectiveEur,
    windowEur: row.window?.deltaObjectiveEur ?? null,
    dayFeasible: row.deltaObjectiveEur !== null,
    windowFeasible: row.window === undefined ? undefined : row.window.deltaObjectiveEur !== null,
    dayBar: bar(row),
    windowBar: bar(row.window),
    dayLoss: outcomeLoss(scenario, row),
    windowLoss: outcomeLoss(scenario, row.window),
  }))
  const severity = (r: TornadoRow): number =>
    (r.dayFeasible ? 0 : 2 * full) +
    (r.windowFeasible === false ? full : 0) +
    Math.max(r.dayBar, r.windowBar)
  return rows.sort((x, y) => severity(y) - severity(x) || x.label.localeCompare(y.label))
}

/** A Δ objective cell: euros, or why there is none. */
export function deltaText(value: number | null, feasible: boolean | undefined): string {
  if (feasible === undefined) return 'no shock window'
  return feasible ? `+${formatEur(value)}` : 'infeasible'
}

/** The frontier as a table: every sampled share, and each breakpoint as its own row. */
export function frontierTable(frontier: Frontier): {
  columns: string[]
  rows: Array<Array<string | number>>
} {
  const sampled = frontierRows(frontier).map((r) => ({
    share: r.sharePct,
    cells: [
      'sample',
      r.objectiveEur === null ? 'infeasible' : Number(r.objectiveEur.toPrecision(6)),
      r.residualRiskEur === null ? '–' : Number(r.residualRiskEur.toPrecision(6)),
      r.slaViolations === null ? '–' : Number(r.slaViolations.toPrecision(6)),
      r.savingPerStepEur === null ? '–' : Number(r.savingPerStepEur.toPrecision(4)),
    ],
  }))
  const kinks = frontier.breakpoints.map((b) => ({
    share: b * 100,
    cells: ['breakpoint (shadow prices change)', '', '', '', ''],
  }))
  return {
    columns: [
      'VPP share (%)',
      'Point',
      'Plan cost (€)',
      'Residual risk (€)',
      'Late messages (count)',
      'Saving per 0.1 % more share (€)',
    ],
    rows: [...sampled, ...kinks]
      .sort((a, b) => a.share - b.share)
      .map((r) => [Number(r.share.toPrecision(4)), ...r.cells]),
  }
}
