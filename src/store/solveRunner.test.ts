/**
 * The solve runner against in-process solvers (the worker's own functions): each revision is
 * solved once, and the plan shown after warm edits is the one a fresh tab computes, so nothing
 * on screen changes after "ready" until the next edit.
 */
import type { Highs } from 'highs'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { figureDifferences, inProcessClient, until } from '../worker/inProcessClient.ts'
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

describe('solve runner', () => {
  it('shows after warm edits the plan a fresh tab computes, and solves each revision once', async () => {
    const planner = inProcessClient(highs)
    runner = startSolveRunner(planner.client)
    await until(() => state().solveState === 'ready')
    state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 1.6))
    await until(() => state().solveState === 'ready')
    state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 0.6))
    const revision = state().requestedRevision
    await until(() => state().comparisonRevision === revision && state().solveState === 'ready')
    expect(state().oracle?.warm).toBe(true)
    expect(state().oracleRevision).toBe(revision)
    // Whatever else may come, the shown figures stay: nothing but an edit changes them.
    const shown = { oracle: state().oracle, comparison: state().comparison }
    let changed = 0
    const unsubscribe = useAppStore.subscribe((s) => {
      if (s.oracle !== shown.oracle || s.comparison !== shown.comparison) changed++
    })
    try {
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(changed).toBe(0)
      expect(state().solveState).toBe('ready')
    } finally {
      unsubscribe()
    }
    // One oracle request per revision solved, none a second time.
    const revisions = planner.requests.map((r) => r.revision)
    expect(new Set(revisions).size).toBe(revisions.length)
    expect(revisions.at(-1)).toBe(revision)
    const fresh = createPlannerState()
    try {
      const request = { revision, scenario: state().scenario }
      const oracle = planOracle(highs, fresh, request)
      const comparison = planComparison(highs, request, fresh)
      if (!oracle.ok || !comparison.ok) throw new Error('the edited scenario does not solve')
      expect(oracle.plan.warm).toBe(false)
      const plan = state().oracle
      expect(figureDifferences({ ...plan, warm: false }, { ...oracle.plan, warm: false })).toEqual(
        [],
      )
      expect(figureDifferences(state().comparison, comparison.comparison)).toEqual([])
    } finally {
      disposePlanner(fresh)
    }
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
      runner = startSolveRunner(planner.client)
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

  it('dates a wait from the first edit not yet solved, across edits made meanwhile', async () => {
    const planner = inProcessClient(highs)
    runner = startSolveRunner(planner.client)
    await until(() => state().solveState === 'ready')
    state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 0.5))
    const since = state().solvingSince
    expect(since).toBeDefined()
    state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 0.5))
    expect(state().solvingSince).toBe(since)
    await until(() => state().solveState === 'ready')
    state().editScenario((d) => void (d.qkd.vppShare = d.qkd.vppShare * 2))
    expect(state().solvingSince).toBeGreaterThanOrEqual(since ?? Number.POSITIVE_INFINITY)
    await until(() => state().solveState === 'ready')
  })
})
