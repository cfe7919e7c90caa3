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

/**
 * Prices closer than this (€ per bit, €1e-6 per Mbit) say the same thing: key at either is free
 * (MODEL.md §8). Prices of free key are the balance rows' slivers, steered by the solver to its
 * dual tolerance, so they agree to about this much and no better.
 */
const FREE_KEY_EUR_PER_BIT = 1e-12

/**
 * Where two answers differ, as JSON paths: numbers further apart than `relative` of the larger
 * magnitude (a series: of its largest value), prices further apart than €1e-6 per Mbit as well,
 * or anything else not equal. Wall-clock timings
 * are left out. The tie-break makes a warm and a fresh solve agree to 1e-6 (uniquePlan.test.ts).
 */
export function figureDifferences(a: unknown, b: unknown, relative = 1e-6): string[] {
  const out: string[] = []
  const walk = (x: unknown, y: unknown, path: string, scale: number): void => {
    if (typeof x === 'number' && typeof y === 'number') {
      const size = Math.max(Math.abs(x), Math.abs(y), scale, 1e-12)
      const floor = /shadowPriceEurPerBit\[\d+\]$/.test(path) ? FREE_KEY_EUR_PER_BIT : 0
      const close = Math.abs(x - y) <= Math.max(relative * size, floor)
      if (!close && !(Number.isNaN(x) && Number.isNaN(y))) out.push(`${path}: ${x} vs ${y}`)
      return
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return void out.push(`${path}: length ${x.length} vs ${y.length}`)
      const numbers = [...x, ...y].filter((v): v is number => typeof v === 'number')
      const largest = Math.max(0, ...numbers.map(Math.abs))
      x.forEach((v, i) => walk(v, y[i], `${path}[${i}]`, largest))
      return
    }
    if (typeof x === 'object' && typeof y === 'object' && x !== null && y !== null) {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)])
      for (const key of keys) {
        if (/Ms(Median)?$/.test(key)) continue
        walk(
          (x as Record<string, unknown>)[key],
          (y as Record<string, unknown>)[key],
          path === '' ? key : `${path}.${key}`,
          0,
        )
      }
      return
    }
    if (x !== y) out.push(`${path}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`)
  }
  walk(a, b, '', 0)
  return out
}
