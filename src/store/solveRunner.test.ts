/**
 * The solve runner against in-process solvers (the worker's own functions): a tab's first plan
 * is canonical at once; after a warm re-solve, a pause brings the canonical plan of the same
 * revision from the second client, equal to a fresh tab's; an edit abandons a canonical solve.
 */
import type { Highs } from 'highs'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { loadSolver } from '../node/loadSolver.ts'
import type { SolveRequest } from '../worker/api.ts'
import { SolveCancelled, type CallOptions, type SolverClient } from '../worker/client.ts'
import { createPlannerState, disposePlanner, planComparison, planOracle } from '../worker/plan.ts'
import { useAppStore } from './index.ts'
import { completeScenario } from './scenarioSlice.ts'
import { startSolveRunner, type SolveRunner } from './solveRunner.ts'

const initial = useAppStore.getState()
const state = useAppStore.getState
let highs: Highs
let runner: SolveRunner | undefined

beforeAll(async () => {
  highs = await loadSolver()
})

beforeEach(() => {
  useAppStore.setState({ ...initial, scenario: completeScenario(tinyScenario()) }, true)
})

afterEach(() => {
  runner?.dispose()
  runner = undefined
})

/**
 * A client running the worker's functions in-process with a planner state of its own. With
 * `hold`, each call waits for `release()` (or rejects when its signal aborts, as the real client
 * does when it stops its worker).
 */
function inProcessClient() {
  const planner = createPlannerState()
  const requests: SolveRequest[] = []
  const abandoned: SolveRequest[] = []
  let hold = false
  let release: (() => void) | undefined
  const wait = (request: SolveRequest, options: CallOptions): Promise<void> =>
    new Promise((resolve, reject) => {
      if (!hold) return resolve()
      release = resolve
      options.signal?.addEventListener('abort', () => {
        abandoned.push(request)
        reject(new SolveCancelled('cancelled', 'Solve cancelled.'))
      })
    })
  const client = {
    warmUp: async () => 0,
    terminate: () => disposePlanner(planner),
    solveOracle: async (request: SolveRequest, options: CallOptions = {}) => {
      requests.push(request)
      await wait(request, options)
      return planOracle(highs, planner, request)
    },
    comparePolicies: async (request: SolveRequest, options: CallOptions = {}) => {
      await wait(request, options)
      return planComparison(highs, request, planner)
    },
  }
  return {
    client: client as unknown as SolverClient,
    requests,
    abandoned,
    holdCalls: () => void (hold = true),
    release: () => release?.(),
  }
}

/** Resolves once `done` holds (checked every few milliseconds). */
function until(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => void (done() ? resolve() : setTimeout(check, 5))
    check()
  })
}

/** Drops wall-clock timings, the only thing two identical solves may differ in. */
function withoutTimings(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (/Ms(Median)?$/.test(key) ? undefined : v)),
  )
}

const options = { canonicalIdleMs: 10 }

describe('solve runner', () => {
  it('shows a tab’s first plan as canonical, with no second solve', async () => {
    const planner = inProcessClient()
    const canonical = inProcessClient()
    runner = startSolveRunner(planner.client, { ...options, canonicalClient: canonical.client })
    await until(() => state().solveState === 'ready')
    expect(state().planCanonical).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(canonical.requests).toEqual([])
  })

  it('replaces a warm plan, after a pause, by the canonical plan a fresh tab computes', async () => {
    const planner = inProcessClient()
    const canonical = inProcessClient()
    runner = startSolveRunner(planner.client, { ...options, canonicalClient: canonical.client })
    await until(() => state().solveState === 'ready')
    state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 0.6))
    const revision = state().requestedRevision
    await until(() => state().comparisonRevision === revision && state().solveState === 'ready')
    expect(state().oracle?.warm).toBe(true)
    await until(() => state().planCanonical)
    expect(canonical.requests).toEqual([{ revision, scenario: state().scenario, canonical: true }])
    expect(state().oracleRevision).toBe(revision)
    const fresh = createPlannerState()
    try {
      const request = { revision, scenario: state().scenario }
      const oracle = planOracle(highs, fresh, request)
      const comparison = planComparison(highs, request, fresh)
      if (!oracle.ok || !comparison.ok) throw new Error('the edited scenario does not solve')
      expect(withoutTimings(state().oracle)).toEqual(withoutTimings(oracle.plan))
      expect(withoutTimings(state().comparison)).toEqual(withoutTimings(comparison.comparison))
    } finally {
      disposePlanner(fresh)
    }
  })

  it('abandons a canonical solve when the user edits again, and never shows its answer', async () => {
    const planner = inProcessClient()
    const canonical = inProcessClient()
    runner = startSolveRunner(planner.client, { ...options, canonicalClient: canonical.client })
    await until(() => state().solveState === 'ready')
    canonical.holdCalls()
    state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 0.6))
    await until(() => canonical.requests.length === 1)
    state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 0.9))
    const latest = state().requestedRevision
    await until(() => state().comparisonRevision === latest && state().solveState === 'ready')
    expect(canonical.abandoned.map((r) => r.revision)).toEqual([latest - 1])
    canonical.release()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(state().oracleRevision).toBe(latest)
    // The abandoned answer was for an older revision: the plan shown is the latest edit's.
    expect(state().plannedScenario).toBe(state().scenario)
  })
})
