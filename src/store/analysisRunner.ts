/**
 * Runs the decision-support analyses and files their results in the analysis slice, each tagged
 * with the revision it was computed for. Frontier, link values and LP-vs-MILP go to the planner's
 * own worker (one wasm solver, so they queue behind or ahead of a re-plan); the N-1 sweep runs on
 * a separate pool so it never holds the planner up and can be cancelled by terminating the pool.
 * Nothing expensive runs on every edit: the frontier and link values re-run by themselves only
 * while the view is open, once the plan for the latest edit is in, and only when that plan was
 * quick to solve (a proxy for the ~20 solves the frontier needs).
 */
import type { Failure } from '../worker/api.ts'
import { SolveCancelled, type SolverClient } from '../worker/client.ts'
import { ContingencyPool } from '../worker/contingencyPool.ts'
import type { AnalysisEntry, AnalysisKind, AnalysisResults } from './analysisSlice.ts'
import { useAppStore } from './index.ts'

/** Auto-run only when the last oracle solve was faster than this, ms. */
export const AUTO_RUN_MAX_SOLVE_MS = 400
/** Wait after the plan settles before auto-running, ms (edits in a burst run once). */
export const AUTO_RUN_DELAY_MS = 500
/** An analysis longer than this is stopped with a message, ms. */
export const ANALYSIS_TIMEOUT_MS = 120_000

export interface AnalysisRunner {
  run: (kind: AnalysisKind) => Promise<void>
  /** Stops a running N-1 sweep (its workers are terminated; the planner is unaffected). */
  cancelSweep: () => void
  dispose: () => void
}

export interface AnalysisRunnerOptions {
  /** Makes one solver client (its own worker) for the N-1 pool. */
  createPoolClient: () => SolverClient
  poolSize: number
}

/** Pool size for the N-1 sweep: at least 2 workers, at most 4. */
export function contingencyPoolSize(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(2, hardwareConcurrency ?? 2))
}

/** A worker failure as one sentence naming the first fields at fault. */
export function failureMessage(failure: Failure): string {
  if (failure.kind !== 'invalid') return failure.message
  const named = failure.issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ')
  return `${failure.message} ${named}${failure.issues.length > 3 ? '; …' : ''}`
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function startAnalysisRunner(
  client: SolverClient,
  options: AnalysisRunnerOptions,
): AnalysisRunner {
  const set = useAppStore.setState
  const get = useAppStore.getState
  let pool: ContingencyPool | undefined
  let sweepAbort: AbortController | undefined
  let autoTimer: ReturnType<typeof setTimeout> | undefined
  /** Revision the auto-run last started for (so a failing analysis is not retried in a loop). */
  let autoRevision = -1

  const patch = <K extends AnalysisKind>(kind: K, change: Partial<AnalysisResults[K]>): void =>
    set((s) => ({
      analysis: { ...s.analysis, [kind]: { ...s.analysis[kind], ...change } },
    }))

  const finish = <K extends AnalysisKind>(
    kind: K,
    revision: number,
    request: { scenario: AnalysisResults[K]['scenario'] },
    result: NonNullable<AnalysisResults[K]['result']>,
  ): void =>
    patch(kind, {
      state: 'ready',
      revision,
      result,
      scenario: request.scenario,
      message: undefined,
    } as Partial<AnalysisResults[K]>)

  const solveOnPlanner = async (kind: Exclude<AnalysisKind, 'contingency'>): Promise<void> => {
    const { requestedRevision: revision, scenario } = get()
    const request = { revision, scenario }
    const callOptions = { timeoutMs: ANALYSIS_TIMEOUT_MS }
    patch(kind, { state: 'running', message: undefined })
    try {
      if (kind === 'frontier') {
        const answer = await client.frontier(request, callOptions)
        if (answer.ok) finish('frontier', revision, request, answer.frontier)
        else patch(kind, { state: 'error', message: failureMessage(answer) })
      } else if (kind === 'linkValues') {
        const answer = await client.linkValues(request, callOptions)
        if (answer.ok) finish('linkValues', revision, request, answer.linkValues)
        else patch(kind, { state: 'error', message: failureMessage(answer) })
      } else {
        const answer = await client.integrality(request, callOptions)
        if (answer.ok) finish('integrality', revision, request, answer.integrality)
        else patch(kind, { state: 'error', message: failureMessage(answer) })
      }
    } catch (error) {
      patch(kind, {
        state: 'error',
        message:
          error instanceof SolveCancelled && error.reason === 'cancelled'
            ? 'Stopped because the planner’s solve was cancelled; run it again.'
            : errorText(error),
      })
    }
  }

  const sweep = async (): Promise<void> => {
    const { requestedRevision: revision, scenario } = get()
    pool ??= new ContingencyPool(options.createPoolClient, options.poolSize)
    const abort = new AbortController()
    sweepAbort = abort
    patch('contingency', { state: 'running', message: undefined, progress: undefined })
    try {
      const report = await pool.sweep(
        revision,
        scenario,
        (progress) => patch('contingency', { progress }),
        abort.signal,
      )
      finish('contingency', revision, { scenario }, report)
    } catch (error) {
      const entry: AnalysisEntry<unknown> = get().analysis.contingency
      if (abort.signal.aborted) {
        const done = entry.progress
        patch('contingency', {
          state: entry.result === undefined ? 'idle' : 'ready',
          message: `Sweep cancelled${done === undefined ? '' : ` after ${done.done} of ${done.total} cases`}; ${entry.result === undefined ? 'no results were kept' : 'the previous results are shown'}.`,
        })
      } else {
        patch('contingency', { state: 'error', message: errorText(error) })
      }
    } finally {
      if (sweepAbort === abort) sweepAbort = undefined
      patch('contingency', { progress: undefined })
    }
  }

  const run = (kind: AnalysisKind): Promise<void> => {
    if (get().analysis[kind].state === 'running') return Promise.resolve()
    return kind === 'contingency' ? sweep() : solveOnPlanner(kind)
  }

  /** Frontier then link values, for the latest edit, once the planner has answered for it. */
  const autoRun = async (): Promise<void> => {
    const revision = get().requestedRevision
    autoRevision = revision
    for (const kind of ['frontier', 'linkValues'] as const) {
      if (get().requestedRevision !== revision) return
      if (get().analysis[kind].revision !== revision) await run(kind)
    }
  }

  const wantsAutoRun = (): boolean => {
    const s = get()
    return (
      s.resultsView === 'analysis' &&
      s.solveState === 'ready' &&
      s.comparisonRevision === s.requestedRevision &&
      s.lastSolveMs !== undefined &&
      s.lastSolveMs < AUTO_RUN_MAX_SOLVE_MS &&
      autoRevision !== s.requestedRevision
    )
  }

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    const relevant =
      state.resultsView !== previous.resultsView ||
      state.solveState !== previous.solveState ||
      state.requestedRevision !== previous.requestedRevision
    if (!relevant) return
    if (autoTimer !== undefined) clearTimeout(autoTimer)
    autoTimer = undefined
    if (wantsAutoRun()) {
      autoTimer = setTimeout(() => {
        autoTimer = undefined
        if (wantsAutoRun()) void autoRun()
      }, AUTO_RUN_DELAY_MS)
    }
  })

  return {
    run,
    cancelSweep: () => sweepAbort?.abort(),
    dispose: () => {
      unsubscribe()
      if (autoTimer !== undefined) clearTimeout(autoTimer)
      sweepAbort?.abort()
      pool?.terminate()
    },
  }
}
