/**
 * Pure transforms for the A/B compare view: KPI deltas with a better/worse verdict, overlaid
 * per-slot series, and short texts for the assumptions diff (tested in Node).
 */
import type { OraclePlan } from '../../worker/api.ts'
import { slotClock } from '../format.ts'

/** Which direction of a KPI is an improvement; `neutral` figures get no colour. */
export type Better = 'lower' | 'higher' | 'neutral'

export type KpiUnit = 'eur' | 'count' | 'mbit' | 'share' | 'eurPerMbit'

export type Verdict = 'better' | 'worse' | 'same' | 'neutral' | 'unknown'

export interface KpiDelta {
  id: string
  label: string
  unit: KpiUnit
  better: Better
  a: number | null
  b: number | null
  /** B − A in the KPI's unit; null when either side has no figure. */
  delta: number | null
  /** (B − A) / |A|; null when A is 0 or missing. */
  relative: number | null
  verdict: Verdict
}

interface KpiSpec {
  id: string
  label: string
  unit: KpiUnit
  better: Better
  pick: (plan: OraclePlan) => number | null
}

const KPIS: readonly KpiSpec[] = [
  {
    id: 'objective',
    label: 'Objective',
    unit: 'eur',
    better: 'lower',
    pick: (p) => p.objectiveEur,
  },
  {
    id: 'risk',
    label: 'Residual risk',
    unit: 'eur',
    better: 'lower',
    pick: (p) => p.residualRiskEur,
  },
  {
    id: 'sla',
    label: 'SLA violations',
    unit: 'count',
    better: 'lower',
    pick: (p) => p.slaViolations,
  },
  { id: 'keyUsed', label: 'Key used', unit: 'mbit', better: 'neutral', pick: (p) => p.keyUsedBits },
  {
    id: 'utilization',
    label: 'Key utilization',
    unit: 'share',
    better: 'higher',
    pick: (p) => p.keyUtilization,
  },
  {
    id: 'spilled',
    label: 'Key spilled',
    unit: 'mbit',
    better: 'lower',
    pick: (p) => p.keySpilledBits,
  },
  {
    id: 'efficiency',
    label: 'Key efficiency',
    unit: 'eurPerMbit',
    better: 'higher',
    pick: (p) => p.keyEfficiencyEurPerMbit,
  },
]

/** Differences this small relative to the figures are solver noise, shown as "same". */
const SAME_TOLERANCE = 1e-9

const finite = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v)

function verdictOf(better: Better, a: number, b: number): Verdict {
  if (Math.abs(b - a) <= SAME_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))) return 'same'
  if (better === 'neutral') return 'neutral'
  return b < a === (better === 'lower') ? 'better' : 'worse'
}

/** The headline figures of A and B side by side, with B − A, its share of A and a verdict for B. */
export function kpiDeltas(a: OraclePlan, b: OraclePlan): KpiDelta[] {
  return KPIS.map(({ pick, ...spec }) => {
    const va = pick(a)
    const vb = pick(b)
    if (!finite(va) || !finite(vb)) {
      return { ...spec, a: va, b: vb, delta: null, relative: null, verdict: 'unknown' }
    }
    const delta = vb - va
    return {
      ...spec,
      a: va,
      b: vb,
      delta,
      relative: va === 0 ? null : delta / Math.abs(va),
      verdict: verdictOf(spec.better, va, vb),
    }
  })
}

export interface OverlayRow {
  /** Minutes since midnight at the slot start. */
  minute: number
  time: string
  a?: number
  b?: number
}

/**
 * One row per slot start of either plan, with A's and B's value where that plan has a slot
 * starting then (so plans with different slot lengths still share one clock axis).
 */
export function overlayRows(
  a: OraclePlan | undefined,
  b: OraclePlan | undefined,
  values: (plan: OraclePlan) => readonly number[],
  scale = 1,
): OverlayRow[] {
  const rows = new Map<number, OverlayRow>()
  const add = (plan: OraclePlan | undefined, side: 'a' | 'b'): void => {
    if (plan === undefined) return
    values(plan).forEach((value, slot) => {
      const minute = Math.round(slot * plan.slotMinutes)
      const row = rows.get(minute) ?? { minute, time: slotClock(slot, plan.slotMinutes) }
      row[side] = value * scale
      rows.set(minute, row)
    })
  }
  add(a, 'a')
  add(b, 'b')
  return [...rows.values()].sort((x, y) => x.minute - y.minute)
}

const MAX_TEXT = 80

/** A diff cell's text: `—` for a field one side lacks, numbers without float noise, JSON else. */
export function diffValueText(value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'number') return String(Number(value.toPrecision(10)))
  const text = JSON.stringify(value)
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text
}
