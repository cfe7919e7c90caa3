/**
 * The KPI strip's "by cause" lines: the oracle plan's late messages and residual risk split by
 * why they happen (domain `causesOf`), named in words a planner reads, in a fixed order. Every
 * cause is listed, zeros too, so the parts visibly add up to the headline figure.
 */
import type { ResidualRiskByCause, SlaViolationsByCause } from '../../domain/metrics/causes.ts'

export interface CauseLine {
  /** The domain's field name, for tests and styling. */
  cause: string
  /** The cause in words. */
  words: string
  value: number
}

const SLA_CAUSE_WORDS: Record<keyof SlaViolationsByCause, string> = {
  deadlineUnreachable: 'no allowed option meets the deadline',
  heldForKey: 'held for lack of key',
  outage: 'link outage',
  lateByChoice: 'late by choice',
}

const RISK_CAUSE_WORDS: Record<keyof ResidualRiskByCause, string> = {
  floor: 'floor (best allowed option)',
  keyScarcity: 'key scarcity',
  outage: 'outage',
}

function lines<T extends object>(byCause: T | null, words: Record<keyof T, string>): CauseLine[] {
  if (byCause === null) return []
  return (Object.keys(words) as Array<keyof T & string>).map((cause) => ({
    cause,
    words: words[cause],
    value: byCause[cause] as number,
  }))
}

/** Late messages by cause (empty when the plan has no split). */
export function slaCauseLines(byCause: SlaViolationsByCause | null): CauseLine[] {
  return lines(byCause, SLA_CAUSE_WORDS)
}

/** Residual risk by cause, € (empty when the plan has no split). */
export function riskCauseLines(byCause: ResidualRiskByCause | null): CauseLine[] {
  return lines(byCause, RISK_CAUSE_WORDS)
}
