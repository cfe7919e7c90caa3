/**
 * The analysis slice: decision-support results (budget frontier, link values, N-1 sweep, LP
 * against MILP). Each is tagged with the scenario revision it was computed for, so a panel can
 * say its figures are stale after an edit instead of silently showing old numbers.
 */
import type { StateCreator } from 'zustand'
import type { ContingencyReport } from '../domain/analysis/contingency.ts'
import type { Frontier } from '../domain/analysis/frontier.ts'
import type { IntegralityReport } from '../domain/analysis/integrality.ts'
import type { LinkValues } from '../domain/analysis/linkValue.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import type { AppState } from './index.ts'

export type AnalysisState = 'idle' | 'running' | 'ready' | 'error'

export interface AnalysisEntry<T> {
  state: AnalysisState
  /** Revision the shown result belongs to; -1 before the first result. */
  revision: number
  result: T | undefined
  /** The scenario the result was computed for (labels come from it, not the live document). */
  scenario: Scenario | undefined
  /** Why the last run failed or stopped; undefined when it succeeded. */
  message: string | undefined
  /** Cases done of all cases (the N-1 sweep only). */
  progress: { done: number; total: number } | undefined
  /** While running: when the run started (`Date.now()`, ms) and how long it should take, ms. */
  startedAt: number | undefined
  estimateMs: number | undefined
}

export interface AnalysisResults {
  frontier: AnalysisEntry<Frontier>
  linkValues: AnalysisEntry<LinkValues>
  contingency: AnalysisEntry<ContingencyReport>
  integrality: AnalysisEntry<IntegralityReport>
}

export type AnalysisKind = keyof AnalysisResults

export type ResultsView = 'plan' | 'analysis' | 'compare'

export interface AnalysisSlice {
  analysis: AnalysisResults
  /** Which view the results column shows. */
  resultsView: ResultsView
  setResultsView: (view: ResultsView) => void
}

export function idleEntry<T>(): AnalysisEntry<T> {
  return {
    state: 'idle',
    revision: -1,
    result: undefined,
    scenario: undefined,
    message: undefined,
    progress: undefined,
    startedAt: undefined,
    estimateMs: undefined,
  }
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set) => ({
  analysis: {
    frontier: idleEntry(),
    linkValues: idleEntry(),
    contingency: idleEntry(),
    integrality: idleEntry(),
  },
  resultsView: 'plan',
  setResultsView: (resultsView) => set({ resultsView }),
})

/** Whether a result exists but was computed for an older scenario than the one edited now. */
export function isStale(entry: AnalysisEntry<unknown>, requestedRevision: number): boolean {
  return entry.result !== undefined && entry.revision !== requestedRevision
}
