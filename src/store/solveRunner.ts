/**
 * Keeps results in step with the scenario. Edits are debounced; every solve carries a revision and
 * a result is applied only if no newer edit has been made since. While a solve runs, further
 * edits are coalesced into one follow-up request for the latest scenario, so dragging a slider
 * never queues a backlog. Cancel and timeouts terminate the worker; the scenario stays here.
 *
 * Each revision is solved once. The oracle's tie-break makes a warm re-solve land on the plan a
 * fresh solve finds, so the figures shown at "ready" are final for that revision: the ones a
 * share link or an exported file reproduces in a new page. Nothing changes after that but for
 * an edit.
 */
import { SolveCancelled, type SolverClient } from '../worker/client.ts'
import type { ScenarioSize } from '../worker/api.ts'
import { useAppStore, type AppState } from './index.ts'
import { estimateComparisonMs } from './runTimeEstimate.ts'

/** Wait after the last edit before solving, ms. */
export const EDIT_DEBOUNCE_MS = 120
/** A solve longer than this is stopped with a message, ms. */
export const SOLVE_TIMEOUT_MS = 60_000

/**
 * The comparison's timeout for a scenario of `size`: three times its estimate, so only a solve
 * that is truly stuck is stopped (the large scenario's comparison takes a minute or more).
 */
export function comparisonTimeoutMs(size: ScenarioSize | undefined): number {
  return size === undefined ? SOLVE_TIMEOUT_MS : 3 * estimateComparisonMs(size)
}

/**
 * When the plan for `revision` is shown, the comparison of another revision stops being "the"
 * comparison (so regret and per-policy lines never pair with another revision's plan) and is
 * kept only for the policy table, marked stale.
 */
function retireComparison(s: AppState, revision: number): Partial<AppState> {
  if (s.comparison === undefined || s.comparisonRevision === revision) return {}
  return {
    comparison: undefined,
    staleComparison: { comparison: s.comparison, revision: s.comparisonRevision },
  }
}

export interface SolveRunner {
  /** Stops the running solve; the current results stay on screen, marked as stale. */
  cancel: () => void
  dispose: () => void
}

export interface RunnerOptions {
  /** Solve timeout, ms (default SOLVE_TIMEOUT_MS). */
  timeoutMs?: number
}

export function startSolveRunner(
  client: SolverClient,
  runnerOptions: RunnerOptions = {},
): SolveRunner {
  let timer: ReturnType<typeof setTimeout> | undefined
  let running = false
  let pending = false
  let abort: AbortController | undefined
  const set = useAppStore.setState
  const timeoutMs = runnerOptions.timeoutMs ?? SOLVE_TIMEOUT_MS
  // A timeout the caller chose holds for every call; the default one grows with the scenario
  // for the comparison, which solves the LP once per sampled day.
  const compareTimeout = (size: ScenarioSize): number =>
    runnerOptions.timeoutMs ?? Math.max(SOLVE_TIMEOUT_MS, comparisonTimeoutMs(size))

  const failWith = (revision: number, error: unknown): void => {
    const kind = error instanceof SolveCancelled ? error.reason : 'crashed'
    const message = error instanceof Error ? error.message : String(error)
    set({ solveState: 'error', problem: { ok: false, revision, kind, message } })
  }

  const run = async (): Promise<void> => {
    if (running) {
      pending = true
      return
    }
    running = true
    const revision = useAppStore.getState().requestedRevision
    const request = { revision, scenario: useAppStore.getState().scenario }
    abort = new AbortController()
    const options = { signal: abort.signal, timeoutMs }
    const current = (): boolean => useAppStore.getState().requestedRevision === revision
    try {
      const started = performance.now()
      const oracle = await client.solveOracle(request, options)
      if (current()) {
        if (oracle.ok) {
          set((s) => ({
            oracle: oracle.plan,
            plannedScenario: request.scenario,
            oracleRevision: revision,
            scenarioHash: oracle.hash,
            lastSolveMs: performance.now() - started,
            problem: undefined,
            ...retireComparison(s, revision),
            comparisonProgress: undefined,
          }))
        } else {
          set({ solveState: 'error', problem: oracle })
        }
      }
      if (current() && oracle.ok) {
        const comparison = await client.comparePolicies(request, {
          ...options,
          timeoutMs: compareTimeout(oracle.plan.size),
          onProgress: (progress) => {
            if (current()) set({ comparisonProgress: progress })
          },
        })
        if (current()) {
          if (comparison.ok) {
            set({
              comparison: comparison.comparison,
              comparisonRevision: revision,
              staleComparison: undefined,
              comparisonProgress: undefined,
              solveState: 'ready',
            })
          } else {
            set({ solveState: 'error', problem: comparison, comparisonProgress: undefined })
          }
        }
      }
    } catch (error) {
      if (current()) {
        failWith(revision, error)
        set({ comparisonProgress: undefined })
      }
    } finally {
      running = false
      abort = undefined
      if (pending) {
        pending = false
        void run()
      }
    }
  }

  const schedule = (): void => {
    set((s) => ({
      requestedRevision: s.requestedRevision + 1,
      solveState: 'solving',
      solvingSince: s.solveState === 'solving' ? (s.solvingSince ?? Date.now()) : Date.now(),
    }))
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => void run(), EDIT_DEBOUNCE_MS)
  }

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) schedule()
  })
  void client.warmUp().catch(() => undefined)
  schedule()

  return {
    cancel: () => {
      pending = false
      abort?.abort()
    },
    dispose: () => {
      unsubscribe()
      if (timer !== undefined) clearTimeout(timer)
      client.terminate()
    },
  }
}
