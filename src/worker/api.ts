/**
 * The worker contract: plain JSON-safe DTOs only (no classes, typed arrays or Error objects cross
 * the boundary). The UI imports these types; it never imports the worker module itself. Records
 * keyed by link or process ids have no prototype on both sides: the worker builds them so, and
 * the client restores it after structured clone (idRecords.ts).
 */
import type { ValidationIssue } from '../domain/scenario/issues.ts'
import type { Comparison } from '../domain/report/comparisonReport.ts'
import type { PolicyReport } from '../domain/report/oracleReport.ts'
import type { ThresholdPoint } from '../domain/report/thresholdPoints.ts'
import type { Infeasibility } from '../domain/solve/infeasibility.ts'

export interface SolveRequest {
  /** Bumped on every edit; results for older revisions are dropped by the client. */
  revision: number
  /** The scenario document as the user edited it (validated in the worker). */
  scenario: unknown
}

/** The oracle plan with everything the charts need. */
export interface OraclePlan extends PolicyReport {
  classicalRiskEur: number
  /** Per process: key used per slot (bits, per-link basis) and late messages per slot. */
  byProcess: Record<string, { keyUsedBits: number[]; slaViolations: number[] }>
  /** Per link: the VPP's key supply per slot, bits. */
  supplyBits: Record<string, number[]>
  /** Per link: key-use share of supply over the day, 0..1. */
  utilization: Record<string, number>
  threshold: ThresholdPoint[]
  /** Slot length, minutes, and slot count (for axes). */
  slotMinutes: number
  slots: number
  warm: boolean
  /**
   * Warnings about the scenario that do not stop the plan, in domain words: a process whose
   * deadline no allowed option can meet (naming its end-to-end latency and the deadline).
   */
  warnings: string[]
  /**
   * The scenario's size as the solver sees it, for run-time estimates: flows (process × DER
   * site or route), links, and the oracle LP's columns and rows.
   */
  size: ScenarioSize
}

export interface ScenarioSize {
  flows: number
  slots: number
  links: number
  columns: number
  rows: number
  /** Sampled days of the robust day-ahead plan (`uncertainty.scenarioCount`). */
  samples: number
  /** Cases of the N-1 sweep (each link and trusted relay, for the day and the shock window). */
  contingencyCases: number
}

/** How far a policy comparison has got: `done` of `total` steps, and what runs now. */
export interface ComparisonProgress {
  done: number
  total: number
  /** e.g. `robust plan 7/20 samples`. */
  label: string
}

export type Failure =
  | { ok: false; revision: number; kind: 'invalid'; message: string; issues: ValidationIssue[] }
  | {
      ok: false
      revision: number
      kind: 'infeasible'
      message: string
      infeasibility: Infeasibility
    }
  | {
      ok: false
      revision: number
      /**
       * The solver ended without a plan it can stand behind (numerical trouble, a time or
       * iteration limit); `message` is the domain's sentence why. Not a crash: the solver is fine.
       */
      kind: 'no-plan'
      status: NoPlanStatus
      message: string
    }
  | { ok: false; revision: number; kind: 'crash'; message: string }

/** Solver statuses that leave no plan to show (infeasibility has its own explanation). */
export type NoPlanStatus = 'numerical-failure' | 'time-limit' | 'unbounded'

/**
 * A warm re-solve answers exactly what a fresh solve of the same scenario answers (the oracle's
 * tie-break picks one plan among equal optima), so a response does not say how it was solved.
 */
export type OracleResponse =
  { ok: true; revision: number; hash: string; plan: OraclePlan } | Failure

export type ComparisonResponse = { ok: true; revision: number; comparison: Comparison } | Failure
