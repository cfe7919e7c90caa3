/**
 * The solve runner against in-process solvers (the worker's own functions): a tab's first plan
 * is canonical at once; after a warm re-solve, a pause brings the canonical plan of the same
 * revision from the second client, equal to a fresh tab's; an edit abandons a canonical solve.
 */
import type { Highs } from 'highs'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { inProcessClient, until, withoutTimings } from '../worker/inProcessClient.ts'
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

const options = { canonicalIdleMs: 10 }

describe('solve runner', () => {
  it('shows a tab’s first plan as canonical, with no second solve', async () => {
    const planner = inProcessClient(highs)
    const canonical = inProcessClient(highs)
    runner = startSolveRunner(planner.client, { ...options, canonicalClient: canonical.client })
    await until(() => state().solveState === 'ready')
    expect(state().planCanonical).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(canonical.requests).toEqual([])
  })

  it('replaces a warm plan, after a pause, by the canonical plan a fresh tab computes', async () => {
    const planner = inProcessClient(highs)
    const canonical = inProcessClient(highs)
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
    const planner = inProcessClient(highs)
    const canonical = inProcessClient(highs)
    runner = startSolveRunner(planner.client, { ...options, canonicalClient: canonical.client })
    await until(() => state().solveState === 'ready')
    canonical.hold()
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

  it('reports the comparison’s progress and never pairs a plan with another revision’s comparison', async () => {
    const planner = inProcessClient(highs)
    const seen: string[] = []
    let mixed = 0
    const unsubscribe = useAppStore.subscribe((s) => {
      if (s.comparison !== undefined && s.comparisonRevision !== s.oracleRevision) mixed++
      if (s.comparisonProgress !== undefined) seen.push(s.comparisonProgress.label)
    })
    try {
      runner = startSolveRunner(planner.client, options)
      await until(() => state().solveState === 'ready')
      const first = state().comparisonRevision
      state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 0.5))
      const revision = state().requestedRevision
      await until(() => state().oracleRevision === revision)
      // The plan for the edit is in: the older comparison is kept only as the stale one.
      if (state().comparisonRevision !== revision) {
        expect(state().comparison).toBeUndefined()
        expect(state().staleComparison?.revision).toBe(first)
      }
      await until(() => state().solveState === 'ready' && state().comparisonRevision === revision)
      expect(state().staleComparison).toBeUndefined()
      expect(state().comparisonProgress).toBeUndefined()
      expect(mixed).toBe(0)
      expect(seen).toContain('nominal day-ahead plan')
      expect(seen.some((label) => /^robust plan \d+\/\d+ samples$/.test(label))).toBe(true)
    } finally {
      unsubscribe()
    }
  })
})
