/**
 * Keeps scenario B's oracle plan in step with B. B changes only on compare operations, so this
 * runs rarely, and most of the time it needs no solve at all: right after "Copy A → B" or a swap,
 * B equals a scenario A's plan was just solved for, and that plan is reused as it is.
 *
 * When B does need a solve it goes to the client given here. The app gives B a worker of its own
 * (started on B's first solve), so B's solves never disturb the planner's warm models, and a B
 * timeout stops only B's worker. B still waits until A is not solving, so on a two-core machine
 * B never slows the plan the user is editing. Warm or fresh, a solve gives the plan a fresh page
 * shows for B (the oracle's tie-break), whatever B's history. B's requests carry negative
 * revisions (a space of their own, apart from A's), and B's answers are checked against B's
 * revision here; A's runner never sees them.
 */
import type { Failure, OraclePlan } from '../worker/api.ts'
import { SolveCancelled, type SolverClient } from '../worker/client.ts'
import { useAppStore, type AppState } from './index.ts'
import { SOLVE_TIMEOUT_MS } from './solveRunner.ts'

/** B's recent plans kept by scenario, so undoing a compare operation needs no solve. */
const CACHE_SIZE = 4

export interface CompareRunner {
  dispose: () => void
}

export interface CompareRunnerOptions {
  /** Solve timeout, ms (default SOLVE_TIMEOUT_MS). */
  timeoutMs?: number
}

/** One sentence for a failed solve of B, naming the first fields at fault. */
export function compareFailureText(failure: Failure): string {
  if (failure.kind !== 'invalid') return `B: ${failure.message}`
  const named = failure.issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ')
  return `B: ${failure.message} ${named}${failure.issues.length > 3 ? '; …' : ''}`
}

export function startCompareRunner(
  client: SolverClient,
  options: CompareRunnerOptions = {},
): CompareRunner {
  const get = useAppStore.getState
  const set = useAppStore.setState
  const cache = new Map<string, OraclePlan>()
  let running = false
  /** B's revision whose solve failed; not retried until B changes again. */
  let failedRevision = -1

  const remember = (key: string, plan: OraclePlan): void => {
    cache.delete(key)
    cache.set(key, plan)
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  }

  /** A plan already known for B: one of B's recent ones, or A's when A was solved for B. */
  const knownPlan = (s: AppState, key: string): OraclePlan | undefined => {
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    if (s.oracle === undefined || s.plannedScenario === undefined) return undefined
    const same = s.plannedScenario === s.compareB || JSON.stringify(s.plannedScenario) === key
    return same ? s.oracle : undefined
  }

  const solve = async (revision: number, scenario: unknown, key: string): Promise<void> => {
    running = true
    set({ compareSolveState: 'solving', compareProblem: undefined })
    const current = (): boolean => get().compareRevision === revision
    try {
      const answer = await client.solveOracle(
        { revision: -1 - revision, scenario },
        { timeoutMs: options.timeoutMs ?? SOLVE_TIMEOUT_MS },
      )
      if (!current()) return
      if (answer.ok) {
        remember(key, answer.plan)
        set({
          compareOracle: answer.plan,
          compareOracleRevision: revision,
          compareSolveState: 'ready',
        })
      } else {
        failedRevision = revision
        set({ compareSolveState: 'error', compareProblem: compareFailureText(answer) })
      }
    } catch (error) {
      if (!current()) return
      failedRevision = revision
      const message =
        error instanceof SolveCancelled && error.reason === 'cancelled'
          ? 'B: its solve was stopped; solve B again.'
          : `B: ${error instanceof Error ? error.message : String(error)}`
      set({ compareSolveState: 'error', compareProblem: message })
    } finally {
      running = false
      update()
    }
  }

  /** Gives B a plan if it lacks one: a known plan at once, else a solve once A is idle. */
  const update = (): void => {
    const s = get()
    const b = s.compareB
    if (b === undefined || s.compareOracleRevision === s.compareRevision) return
    if (running || failedRevision === s.compareRevision) return
    const key = JSON.stringify(b)
    const known = knownPlan(s, key)
    if (known !== undefined) {
      remember(key, known)
      set({
        compareOracle: known,
        compareOracleRevision: s.compareRevision,
        compareSolveState: 'ready',
        compareProblem: undefined,
      })
      return
    }
    if (s.solveState === 'solving') return
    void solve(s.compareRevision, b, key)
  }

  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (
      state.compareRevision !== previous.compareRevision ||
      state.solveState !== previous.solveState ||
      state.plannedScenario !== previous.plannedScenario
    ) {
      update()
    }
  })
  update()
  return { dispose: unsubscribe }
}
