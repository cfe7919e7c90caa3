/**
 * The result slice: what the worker last answered. Results only ever come from the worker.
 */
import type { StateCreator } from 'zustand'
import type { Comparison } from '../domain/report/comparisonReport.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import type { ComparisonProgress, Failure, OraclePlan } from '../worker/api.ts'
import type { AppState } from './index.ts'

export type SolveState = 'solving' | 'ready' | 'error'

export type ProblemReport =
  | Failure
  | { ok: false; revision: number; kind: 'cancelled' | 'timeout' | 'crashed'; message: string }

export interface ResultSlice {
  solveState: SolveState
  /** Revision of the latest edit sent to the solver. */
  requestedRevision: number
  /** Revision the shown oracle plan belongs to. */
  oracleRevision: number
  /** Revision the shown policy comparison belongs to. */
  comparisonRevision: number
  oracle: OraclePlan | undefined
  /**
   * The scenario the shown plan was solved for. Charts label and shade from it, not from the
   * live document, so an edit re-renders them once, when its results arrive.
   */
  plannedScenario: Scenario | undefined
  /**
   * The policy comparison for `comparisonRevision`, only while that is the shown plan's revision
   * too: once a newer plan arrives the old comparison moves to `staleComparison`, so nothing
   * that reads this field (regret, per-policy risk lines) pairs a plan with another revision's
   * comparison.
   */
  comparison: Comparison | undefined
  /**
   * The last comparison of an older revision, kept for the policy table to show, marked stale,
   * while the current one is computed or after it failed.
   */
  staleComparison: { comparison: Comparison; revision: number } | undefined
  /** How far the running comparison has got (undefined when none runs). */
  comparisonProgress: ComparisonProgress | undefined
  scenarioHash: string | undefined
  problem: ProblemReport | undefined
  /** Wall time of the last oracle round trip, ms. */
  lastSolveMs: number | undefined
  /**
   * When the screen stopped being current (`Date.now()`, ms): the first edit not yet solved.
   * Further edits while solving keep it, so the status counts the wait the user sees.
   */
  solvingSince: number | undefined
}

export const createResultSlice: StateCreator<AppState, [], [], ResultSlice> = () => ({
  solveState: 'solving',
  requestedRevision: 0,
  oracleRevision: -1,
  comparisonRevision: -1,
  oracle: undefined,
  plannedScenario: undefined,
  comparison: undefined,
  staleComparison: undefined,
  comparisonProgress: undefined,
  scenarioHash: undefined,
  problem: undefined,
  lastSolveMs: undefined,
  solvingSince: undefined,
})
