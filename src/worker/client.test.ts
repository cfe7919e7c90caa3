/**
 * The client's plain request methods come from the worker's API type: the real client and
 * comlink, with the worker's analysis functions on the far end of a port.
 */
import * as Comlink from 'comlink'
import type { Highs } from 'highs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { analyseIntegrality, analyseLinkValues, type AnalysisRequest } from './analysis.ts'
import { SolverClient, SolveCancelled } from './client.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

function clientFor(api: Record<string, unknown>): SolverClient {
  const { port1, port2 } = new MessageChannel()
  Comlink.expose({ warmUp: async () => 0, ...api }, port2)
  const worker = Object.assign(port1, { terminate: () => port1.close() })
  const client = new SolverClient(() => worker as unknown as Worker)
  cleanup = () => {
    client.terminate()
    port2.close()
  }
  return client
}

describe('the solver client', () => {
  it('answers a plain request through the method the worker exposes, revision and all', async () => {
    const client = clientFor({
      linkValues: async (request: AnalysisRequest) => analyseLinkValues(highs, request),
      integrality: async (request: AnalysisRequest) => analyseIntegrality(highs, request),
    })
    const answer = await client.linkValues({ revision: 5, scenario: tinyScenario() })
    expect(answer.ok && answer.revision).toBe(5)
    expect(answer.ok && answer.linkValues.links.length).toBeGreaterThan(0)
    const gap = await client.integrality({ revision: 6, scenario: tinyScenario() })
    expect(gap.ok && gap.integrality.integralityGap).toBeGreaterThanOrEqual(0)
  })

  it('stops a plain request on abort, as it stops a solve', async () => {
    const client = clientFor({ linkValues: () => new Promise(() => undefined) })
    const abort = new AbortController()
    const pending = client.linkValues({ revision: 1, scenario: {} }, { signal: abort.signal })
    abort.abort()
    await expect(pending).rejects.toBeInstanceOf(SolveCancelled)
  })
})
