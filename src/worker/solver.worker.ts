/**
 * The solver worker: loads HiGHS once, warms it up, and serves plan requests over comlink.
 * Only domain code runs here; results cross back as plain JSON-safe objects.
 */
import * as Comlink from 'comlink'
import loadHighs, { type Highs } from 'highs'
import wasmUrl from 'highs/runtime?url'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { createPlannerState, planComparison, planOracle } from './plan.ts'
import type { SolveRequest } from './api.ts'
import {
  analyseContingencies,
  analyseFrontier,
  analyseIntegrality,
  analyseLinkValues,
  type AnalysisRequest,
  type ContingencyRequest,
  type FrontierRequest,
} from './analysis.ts'

const highsReady = loadHighs({ locateFile: () => wasmUrl })
const state = createPlannerState()

/** Runs a request; an exception becomes a 'crash' answer (the client then replaces the worker). */
async function guarded<T>(request: { revision: number }, work: (highs: Highs) => T) {
  const highs = await highsReady
  try {
    return work(highs)
  } catch (error) {
    return {
      ok: false as const,
      revision: request.revision,
      kind: 'crash' as const,
      message: String(error),
    }
  }
}

const api = {
  /** Loads the solver and runs a small solve so the first real one is not slowed by wasm tier-up. */
  async warmUp(): Promise<number> {
    const started = performance.now()
    const highs = await highsReady
    planComparison(highs, { revision: -1, scenario: tinyScenario() })
    return performance.now() - started
  },
  async solveOracle(request: SolveRequest) {
    return guarded(request, (highs) => planOracle(highs, state, request))
  },
  async comparePolicies(request: SolveRequest) {
    return guarded(request, (highs) => planComparison(highs, request, state))
  },
  async frontier(request: FrontierRequest) {
    return guarded(request, (highs) => analyseFrontier(highs, request))
  },
  async linkValues(request: AnalysisRequest) {
    return guarded(request, (highs) => analyseLinkValues(highs, request))
  },
  async integrality(request: AnalysisRequest) {
    return guarded(request, (highs) => analyseIntegrality(highs, request))
  },
  async contingencies(request: ContingencyRequest) {
    return guarded(request, (highs) => analyseContingencies(highs, request))
  },
}

export type SolverApi = typeof api

Comlink.expose(api)
