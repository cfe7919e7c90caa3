/**
 * Pure transforms from solver results to chart rows (tested in Node; React only renders them).
 */
import type { Comparison } from '../../domain/report/comparisonReport.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { slotClock } from '../format.ts'

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
