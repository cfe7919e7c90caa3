/**
 * The analysis runner against a stand-in solver client: results filed with their revision,
 * failures as messages naming the field, and the auto-run only while the view is open.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Frontier } from '../domain/analysis/frontier.ts'
import type { LinkValues } from '../domain/analysis/linkValue.ts'
import type { SolverClient } from '../worker/client.ts'
import {
  AUTO_RUN_DELAY_MS,
  contingencyPoolSize,
  failureMessage,
  startAnalysisRunner,
  type AnalysisRunner,
} from './analysisRunner.ts'
import { isStale } from './analysisSlice.ts'
import { useAppStore } from './index.ts'

const initial = useAppStore.getState()
const frontier: Frontier = {
  points: [],
  breakpoints: [],
  unresolvedIntervals: [],
  currentShare: 0.01,
  solves: 0,
  elapsedMs: 0,
}
const values: LinkValues = { status: 'optimal', objectiveEur: 1, links: [], elapsedMs: 0 }

function fakeClient() {
  const calls: string[] = []
  const client = {
    warmUp: () => Promise.resolve(0),
    terminate: () => undefined,
    frontier: (r: { revision: number }) => {
      calls.push(`frontier@${r.revision}`)
      return Promise.resolve({ ok: true, revision: r.revision, frontier })
    },
    linkValues: (r: { revision: number }) => {
      calls.push(`linkValues@${r.revision}`)
      return Promise.resolve({ ok: true, revision: r.revision, linkValues: values })
    },
    integrality: (r: { revision: number }) =>
      Promise.resolve({
        ok: false,
        revision: r.revision,
        kind: 'invalid',
        message: 'The scenario has 1 problem.',
        issues: [{ path: 'qkd.vppShare', message: 'must be at most 1' }],
      }),
  }
  return { client: client as unknown as SolverClient, calls }
}

let runner: AnalysisRunner | undefined

beforeEach(() => {
  useAppStore.setState(initial, true)
  vi.useFakeTimers()
})

afterEach(() => {
  runner?.dispose()
  vi.useRealTimers()
})

const pool = { createPoolClient: () => fakeClient().client, poolSize: 2 }
/** The runner with `client` as its analysis worker (frontier, link values, LP vs MILP). */
const withClient = (client: SolverClient) => ({ ...pool, analysisClient: client })

describe('analysis runner', () => {
  it('files a result with the revision it was computed for, and marks it stale after an edit', async () => {
    const { client } = fakeClient()
    runner = startAnalysisRunner(client, withClient(client))
    useAppStore.setState({ requestedRevision: 7 })
    await runner.run('frontier')
    const entry = useAppStore.getState().analysis.frontier
    expect(entry).toMatchObject({ state: 'ready', revision: 7, result: frontier })
    expect(isStale(entry, 7)).toBe(false)
    expect(isStale(entry, 8)).toBe(true)
  })

  it('shows a refused scenario as a message naming the field', async () => {
    const { client } = fakeClient()
    runner = startAnalysisRunner(client, withClient(client))
    await runner.run('integrality')
    const entry = useAppStore.getState().analysis.integrality
    expect(entry.state).toBe('error')
    expect(entry.message).toContain('qkd.vppShare: must be at most 1')
  })

  it('auto-runs frontier then link values once the plan is in, only while the view is open', async () => {
    const { client, calls } = fakeClient()
    runner = startAnalysisRunner(client, withClient(client))
    const planned = {
      requestedRevision: 3,
      comparisonRevision: 3,
      solveState: 'ready' as const,
      lastSolveMs: 50,
    }
    useAppStore.setState(planned)
    await vi.advanceTimersByTimeAsync(AUTO_RUN_DELAY_MS * 2)
    expect(calls).toEqual([])
    useAppStore.getState().setResultsView('analysis')
    await vi.advanceTimersByTimeAsync(AUTO_RUN_DELAY_MS * 2)
    expect(calls).toEqual(['frontier@3', 'linkValues@3'])
    // A slow plan (a large scenario) is left to the Run buttons.
    useAppStore.setState({
      ...planned,
      requestedRevision: 4,
      comparisonRevision: 4,
      lastSolveMs: 5000,
    })
    await vi.advanceTimersByTimeAsync(AUTO_RUN_DELAY_MS * 2)
    expect(calls).toEqual(['frontier@3', 'linkValues@3'])
  })
})

describe('helpers', () => {
  it('sizes the N-1 pool between 2 and 4 workers', () => {
    expect(contingencyPoolSize(undefined)).toBe(2)
    expect(contingencyPoolSize(1)).toBe(2)
    expect(contingencyPoolSize(3)).toBe(3)
    expect(contingencyPoolSize(16)).toBe(4)
  })
  it('passes other failures through unchanged', () => {
    expect(failureMessage({ ok: false, revision: 1, kind: 'crash', message: 'boom' })).toBe('boom')
  })
})
