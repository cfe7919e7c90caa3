/**
 * The solver worker: loads HiGHS once, warms it up, and serves plan requests over comlink.
 * Only domain code runs here; results cross back as plain JSON-safe objects.
 */
import * as Comlink from 'comlink'
import loadHighs, { type Highs } from 'highs'
import wasmUrl from 'highs/runtime?url'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { createPlannerState, planComparison, planOracle } from './plan.ts'
import type { ComparisonProgress, SolveRequest } from './api.ts'
import {
  analyseContingencies,
  assembleContingencyReport,
  analyseFrontier,
  analyseIntegrality,
  analyseLinkValues,
  type AnalysisRequest,
  type ContingencyAssembly,
  type ContingencyRequest,
  type FrontierRequest,
} from './analysis.ts'

const highsReady = loadHighs({ locateFile: () => wasmUrl })
const state = createPlannerState()

// For the UI benchmark (e2e/bench-ui.ts): the solver's WebAssembly memory, bytes. It only ever
// grows, so read after a run it is that run's peak.
let loaded: Highs | undefined
void highsReady.then((highs) => (loaded = highs))
;(globalThis as { qkdvppWasmBytes?: () => number | undefined }).qkdvppWasmBytes = () =>
  loaded?.memoryBytes

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
  /**
   * `onProgress` is a comlink proxy: each call posts a message at once, even while the solver
   * blocks this thread, so the page can show how far the comparison has got.
   */
  async comparePolicies(
    request: SolveRequest,
    onProgress?: (progress: ComparisonProgress) => unknown,
  ) {
    const report =
      onProgress === undefined
        ? undefined
        : (progress: ComparisonProgress): void => {
            void Promise.resolve(onProgress(progress)).catch(() => undefined)
          }
    try {
      return await guarded(request, (highs) => planComparison(highs, request, state, report))
    } finally {
      ;(onProgress as Partial<Comlink.ProxyMethods> | undefined)?.[Comlink.releaseProxy]?.()
    }
  },
  /** The solver's WebAssembly memory now, bytes (it only ever grows), for the benchmark. */
  async memoryBytes(): Promise<number> {
    return (await highsReady).memoryBytes
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
  async contingencyReport(request: ContingencyAssembly) {
    return guarded(request, () => assembleContingencyReport(request))
  },
}

export type SolverApi = typeof api

Comlink.expose(api)
