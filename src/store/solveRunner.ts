/**
 * Keeps results in step with the scenario. Edits are debounced; every solve carries a revision and
 * a result is applied only if no newer edit has been made since. While a solve runs, further
 * edits are coalesced into one follow-up request for the latest scenario, so dragging a slider
 * never queues a backlog. Cancel and timeouts terminate the worker; the scenario stays here.
 */
import { SolveCancelled, type SolverClient } from '../worker/client.ts'
import { useAppStore } from './index.ts'

/** Wait after the last edit before solving, ms. */
export const EDIT_DEBOUNCE_MS = 120
/** A solve longer than this is stopped with a message, ms. */
export const SOLVE_TIMEOUT_MS = 60_000

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
    const options = { signal: abort.signal, timeoutMs: runnerOptions.timeoutMs ?? SOLVE_TIMEOUT_MS }
    const current = (): boolean => useAppStore.getState().requestedRevision === revision
    try {
      const started = performance.now()
      const oracle = await client.solveOracle(request, options)
      if (current()) {
        if (oracle.ok) {
          set({
            oracle: oracle.plan,
            plannedScenario: request.scenario,
            oracleRevision: revision,
            scenarioHash: oracle.hash,
            lastSolveMs: performance.now() - started,
            problem: undefined,
          })
        } else {
          set({ solveState: 'error', problem: oracle })
        }
      }
      if (current() && oracle.ok) {
        const comparison = await client.comparePolicies(request, options)
        if (current()) {
          if (comparison.ok) {
            set({
              comparison: comparison.comparison,
              comparisonRevision: revision,
              solveState: 'ready',
            })
          } else {
            set({ solveState: 'error', problem: comparison })
          }
        }
      }
    } catch (error) {
      if (current()) failWith(revision, error)
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
    set((s) => ({ requestedRevision: s.requestedRevision + 1, solveState: 'solving' }))
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
