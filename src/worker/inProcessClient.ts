/**
 * Test support: a stand-in for the SolverClient that runs the worker's own request functions
 * in-process against the real solver, so runner tests exercise real plans without a browser.
 * It records every request, can hold calls until released, and rejects a held call when its
 * signal aborts, as the real client does when it stops its worker.
 */
import type { Highs } from 'highs'
import type { SolveRequest } from './api.ts'
import {
  SolveCancelled,
  type CallOptions,
  type CompareOptions,
  type SolverClient,
} from './client.ts'
import { createPlannerState, disposePlanner, planComparison, planOracle } from './plan.ts'

export interface InProcessClient {
  client: SolverClient
  /** Every request, in order. */
  requests: SolveRequest[]
  /** Requests whose call was aborted while held. */
  abandoned: SolveRequest[]
  /** Makes calls wait until `release()`. */
  hold: () => void
  /** Lets the waiting call go on, and later calls run at once. */
  release: () => void
}

export function inProcessClient(highs: Highs): InProcessClient {
  const planner = createPlannerState()
  const requests: SolveRequest[] = []
  const abandoned: SolveRequest[] = []
  let holding = false
  let release: (() => void) | undefined
  const wait = (request: SolveRequest, options: CallOptions): Promise<void> =>
    new Promise((resolve, reject) => {
      if (!holding) return resolve()
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
    comparePolicies: async (request: SolveRequest, options: CompareOptions = {}) => {
      await wait(request, options)
      return planComparison(highs, request, planner, options.onProgress)
    },
  }
  return {
    client: client as unknown as SolverClient,
    requests,
    abandoned,
    hold: () => void (holding = true),
    release: () => {
      holding = false
      release?.()
    },
  }
}

/** Resolves once `done` holds (checked every few milliseconds). */
export function until(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => void (done() ? resolve() : setTimeout(check, 5))
    check()
  })
}

/** Drops wall-clock timings, the only thing two identical solves may differ in. */
export function withoutTimings(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (/Ms(Median)?$/.test(key) ? undefined : v)),
  )
}
