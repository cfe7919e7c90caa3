/**
 * The compare runner against an in-process solver: B reuses A's plan when A was solved for the
 * same scenario, otherwise waits for A to be idle and solves B in a revision space of its own,
 * drops answers for a B that has since changed, and reports a failure by field path once.
 */
import type { Highs } from 'highs'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { inProcessClient, until } from '../worker/inProcessClient.ts'
import { createPlannerState, planOracle } from '../worker/plan.ts'
import { startCompareRunner, type CompareRunner } from './compareRunner.ts'
import { useAppStore } from './index.ts'
import { completeScenario } from './scenarioSlice.ts'

const initial = useAppStore.getState()
const state = useAppStore.getState
let highs: Highs
let runner: CompareRunner | undefined

beforeAll(async () => {
  highs = await loadSolver()
})

beforeEach(() => {
  useAppStore.setState(initial, true)
})

afterEach(() => {
  runner?.dispose()
  runner = undefined
})

/** Pretends A's runner has solved A (the plan object is what the runner would file). */
function solveA(scenario: Scenario): void {
  const answer = planOracle(highs, createPlannerState(), { revision: 1, scenario })
  if (!answer.ok) throw new Error('A does not solve')
  useAppStore.setState({
    oracle: answer.plan,
    plannedScenario: scenario,
    solveState: 'ready',
    requestedRevision: 1,
    oracleRevision: 1,
  })
}

describe('compare runner', () => {
  it('reuses A’s plan for a copy of A without solving', () => {
    const { client, requests } = inProcessClient(highs)
    runner = startCompareRunner(client)
    solveA(state().scenario)
    state().copyAToB()
    expect(state().compareOracle).toBe(state().oracle)
    expect(state().compareOracleRevision).toBe(state().compareRevision)
    expect(state().compareSolveState).toBe('ready')
    expect(requests).toEqual([])
  })

  it('solves a different B once A is idle, in negative revisions, giving B’s own optimum', async () => {
    const { client, requests } = inProcessClient(highs)
    runner = startCompareRunner(client)
    useAppStore.setState({ solveState: 'solving' })
    const tiny = completeScenario(tinyScenario())
    state().loadB(tiny, 'Preset: tiny')
    expect(requests).toEqual([])
    useAppStore.setState({ solveState: 'ready' })
    await until(() => state().compareSolveState === 'ready')
    expect(requests).toHaveLength(1)
    expect(requests[0]!.revision).toBeLessThan(0)
    const direct = planOracle(highs, createPlannerState(), { revision: 0, scenario: tiny })
    expect(direct.ok && state().compareOracle?.objectiveEur).toBe(
      direct.ok ? direct.plan.objectiveEur : 'unsolved',
    )
    expect(state().compareOracleRevision).toBe(state().compareRevision)
  })

  it('drops an answer for a B that changed meanwhile and solves the new B', async () => {
    const fake = inProcessClient(highs)
    runner = startCompareRunner(fake.client)
    useAppStore.setState({ solveState: 'error' })
    const tiny = completeScenario(tinyScenario())
    fake.hold()
    state().loadB(tiny, 'Preset: tiny')
    const cheaper = { ...tiny, qkd: { ...tiny.qkd, vppShare: tiny.qkd.vppShare / 2 } }
    state().loadB(cheaper, 'File: cheaper.json')
    fake.release()
    await until(() => state().compareSolveState === 'ready')
    expect(fake.requests.map((r) => (r.scenario as Scenario).qkd.vppShare)).toEqual([
      tiny.qkd.vppShare,
      cheaper.qkd.vppShare,
    ])
    const direct = planOracle(highs, createPlannerState(), { revision: 0, scenario: cheaper })
    expect(direct.ok && state().compareOracle?.objectiveEur).toBe(
      direct.ok ? direct.plan.objectiveEur : 'unsolved',
    )
  })

  it('reports an invalid B by field path and retries only when asked', async () => {
    const { client, requests } = inProcessClient(highs)
    runner = startCompareRunner(client)
    useAppStore.setState({ solveState: 'ready' })
    const broken = completeScenario(tinyScenario())
    broken.qkd.vppShare = 2
    state().loadB(broken, 'File: broken.json')
    await until(() => state().compareSolveState === 'error')
    expect(state().compareProblem).toContain('qkd.vppShare')
    expect(state().compareOracle).toBeUndefined()
    // A later change of A's state does not retry a failed B by itself.
    useAppStore.setState({ solveState: 'solving' })
    useAppStore.setState({ solveState: 'ready' })
    expect(requests).toHaveLength(1)
    state().solveBAgain()
    await until(() => state().compareSolveState === 'error')
    expect(requests).toHaveLength(2)
  })

  it('after undoing a load, takes B’s earlier plan from its cache instead of solving again', async () => {
    const { client, requests } = inProcessClient(highs)
    runner = startCompareRunner(client)
    useAppStore.setState({ solveState: 'ready' })
    state().loadB(completeScenario(tinyScenario()), 'Preset: tiny')
    await until(() => state().compareSolveState === 'ready')
    const first = state().compareOracle
    state().clearB()
    state().undoCompare()
    expect(state().compareSolveState).toBe('ready')
    expect(state().compareOracle).toBe(first)
    expect(requests).toHaveLength(1)
  })
})
