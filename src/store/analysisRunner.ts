/**
 * Runs the decision-support analyses and files their results in the analysis slice, each tagged
 * with the revision it was computed for. Frontier, link values and LP-vs-MILP run on a worker of
 * their own (started when the view first opens): the planner's worker keeps its warm models,
 * which on a large scenario fill a third of the solver's 2 GB, and stopping an analysis (cancel,
 * timeout) terminates only that worker, never the planner. The N-1 sweep runs on a separate
 * pool. Each run carries an estimate of its time from the scenario's size (runTimeEstimate.ts),
 * which the panels turn into progress. Nothing expensive runs on every edit: the frontier and
 * link values re-run by themselves only while the view is open, once the plan for the latest
 * edit is in, and only when that plan was quick to solve (a proxy for the ~20 solves the
 * frontier needs).
 */
import type { Failure, ScenarioSize } from '../worker/api.ts'
import type { SolverClient } from '../worker/client.ts'
import { ContingencyPool } from '../worker/contingencyPool.ts'
import type { AnalysisEntry, AnalysisKind, AnalysisResults } from './analysisSlice.ts'
import { useAppStore, type AppState } from './index.ts'
import { estimateAnalysisMs } from './runTimeEstimate.ts'

/** Auto-run only when the last oracle solve was faster than this, ms. */
export const AUTO_RUN_MAX_SOLVE_MS = 400
/** Wait after the plan settles before auto-running, ms (edits in a burst run once). */
export const AUTO_RUN_DELAY_MS = 500
/** An analysis is stopped with a message after this long, or three times its estimate, ms. */
export const ANALYSIS_TIMEOUT_MS = 120_000

export interface AnalysisRunner {
  run: (kind: AnalysisKind) => Promise<void>
  /** Stops a running analysis: its worker is terminated; the planner is unaffected. */
  cancel: (kind: AnalysisKind) => void
  /** Stops a running N-1 sweep (its workers are terminated; the planner is unaffected). */
  cancelSweep: () => void
  /** Run time to expect for `kind` on the shown plan's scenario, ms (undefined before a plan). */
  estimate: (kind: AnalysisKind) => number | undefined
  dispose: () => void
}

export interface AnalysisRunnerOptions {
  /** Makes one solver client (its own worker), for the N-1 pool and for the analysis worker. */
  createPoolClient: () => SolverClient
  poolSize: number
  /**
   * Where frontier, link values and LP vs MILP run. Default: a worker of their own made with
   * `createPoolClient` on first use (the planner's client, passed first, is not used for them).
   */
  analysisClient?: SolverClient
}

/** The size and N-1 case count an estimate needs, from the shown plan. */
function estimateFor(s: AppState, kind: AnalysisKind, poolSize: number): number | undefined {
  const size: ScenarioSize | undefined = s.oracle?.size
  if (size === undefined) return undefined
  return estimateAnalysisMs(kind, {
    size,
    ...(kind === 'contingency' && { cases: size.contingencyCases }),
    poolSize,
  })
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
  _planner: SolverClient,
  options: AnalysisRunnerOptions,
): AnalysisRunner {
  const set = useAppStore.setState
  const get = useAppStore.getState
  let pool: ContingencyPool | undefined
  let own: SolverClient | undefined = options.analysisClient
  const analysisClient = (): SolverClient => (own ??= options.createPoolClient())
  const aborts = new Map<AnalysisKind, AbortController>()
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

  const estimate = (kind: AnalysisKind): number | undefined =>
    estimateFor(get(), kind, options.poolSize)

  const started = (
    kind: AnalysisKind,
  ): Pick<AnalysisEntry<unknown>, 'state' | 'message' | 'startedAt' | 'estimateMs'> => ({
    state: 'running',
    message: undefined,
    startedAt: Date.now(),
    estimateMs: estimate(kind),
  })

  const solveOnWorker = async (kind: Exclude<AnalysisKind, 'contingency'>): Promise<void> => {
    const { requestedRevision: revision, scenario } = get()
    const request = { revision, scenario }
    const abort = new AbortController()
    aborts.set(kind, abort)
    const expected = estimate(kind)
    const callOptions = {
      timeoutMs: Math.max(ANALYSIS_TIMEOUT_MS, 3 * (expected ?? 0)),
      signal: abort.signal,
    }
    const client = analysisClient()
    patch(kind, started(kind))
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
      const entry: AnalysisEntry<unknown> = get().analysis[kind]
      if (abort.signal.aborted) {
        patch(kind, {
          state: entry.result === undefined ? 'idle' : 'ready',
          message: `Stopped; ${entry.result === undefined ? 'nothing was computed' : 'the previous results are shown'}.`,
        })
      } else {
        patch(kind, { state: 'error', message: errorText(error) })
      }
    } finally {
      if (aborts.get(kind) === abort) aborts.delete(kind)
      patch(kind, { startedAt: undefined, estimateMs: undefined })
    }
  }

  const sweep = async (): Promise<void> => {
    const { requestedRevision: revision, scenario } = get()
    pool ??= new ContingencyPool(options.createPoolClient, options.poolSize)
    const abort = new AbortController()
    sweepAbort = abort
    patch('contingency', { ...started('contingency'), progress: undefined })
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
      patch('contingency', { progress: undefined, startedAt: undefined, estimateMs: undefined })
    }
  }

  const run = (kind: AnalysisKind): Promise<void> => {
    if (get().analysis[kind].state === 'running') return Promise.resolve()
    return kind === 'contingency' ? sweep() : solveOnWorker(kind)
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
    // Start the analysis worker when the view first opens, so the first run does not wait for it.
    if (state.resultsView === 'analysis' && previous.resultsView !== 'analysis') {
      void analysisClient()
        .warmUp()
        .catch(() => undefined)
    }
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
    cancel: (kind) => (kind === 'contingency' ? sweepAbort?.abort() : aborts.get(kind)?.abort()),
    cancelSweep: () => sweepAbort?.abort(),
    estimate,
    dispose: () => {
      unsubscribe()
      if (autoTimer !== undefined) clearTimeout(autoTimer)
      sweepAbort?.abort()
      for (const abort of aborts.values()) abort.abort()
      pool?.terminate()
      if (options.analysisClient === undefined) own?.terminate()
    },
  }
}
