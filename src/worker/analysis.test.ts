/**
 * The worker's analysis requests in Node: invalid scenarios come back as path-named problems,
 * and the browser's pooled N-1 sweep assembles exactly what one sequential sweep gives.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../node/loadSolver.ts'
import { contingencySweep } from '../domain/analysis/contingency.ts'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { mustValidate } from '../domain/solve/testScenarios.ts'
import {
  analyseContingencies,
  assembleContingencyReport,
  type ContingencyAssembly,
  analyseFrontier,
  analyseIntegrality,
  analyseLinkValues,
  type ContingencyRequest,
} from './analysis.ts'
import type { SolverClient } from './client.ts'
import { ContingencyPool } from './contingencyPool.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

describe('analysis requests', () => {
  it('answers each analysis for a valid scenario, tagged with the revision', () => {
    const request = { revision: 7, scenario: tinyScenario() }
    const frontier = analyseFrontier(highs, { ...request, options: { steps: 4 } })
    expect(frontier.ok && frontier.frontier.points.length).toBe(4)
    const values = analyseLinkValues(highs, request)
    expect(values.ok && values.linkValues.links.length).toBe(2)
    const integrality = analyseIntegrality(highs, request)
    expect(integrality.ok && integrality.integrality.milpStatus).toBe('optimal')
    expect(frontier.revision).toBe(7)
  })

  it('names the field of an invalid scenario instead of throwing', () => {
    const doc = tinyScenario() as { qkd: { vppShare: unknown } }
    doc.qkd.vppShare = 'lots'
    const answer = analyseFrontier(highs, { revision: 3, scenario: doc })
    expect(answer.ok).toBe(false)
    if (answer.ok || answer.kind !== 'invalid') throw new Error('expected invalid')
    expect(answer.issues.map((i) => i.path)).toContain('qkd.vppShare')
  })
})

describe('ContingencyPool', () => {
  /** A stand-in for the worker client that runs the worker's function in-process. */
  function inProcessClient(): SolverClient {
    return {
      warmUp: async () => 0,
      terminate: () => undefined,
      contingencies: async (request: ContingencyRequest) => analyseContingencies(highs, request),
      contingencyReport: async (request: ContingencyAssembly) => assembleContingencyReport(request),
    } as unknown as SolverClient
  }

  it('splits the sweep over its workers and reports the same as a sequential sweep', async () => {
    const doc = representativeScenario()
    const pool = new ContingencyPool(inProcessClient, 3)
    const progress: number[] = []
    const pooled = await pool.sweep(1, doc, (p) => progress.push(p.done))
    const sequential = contingencySweep(highs, mustValidate(doc))
    const strip = (r: typeof pooled) => ({ ...r, elapsedMs: 0 })
    expect(strip(pooled)).toEqual(strip(sequential))
    // The first progress comes with the first batch, whose answer says how many cases there are.
    expect(progress[0]).toBe(2)
    expect(progress.at(-1)).toBe((sequential.links.length + sequential.nodes.length) * 2)
    expect([...progress].sort((a, b) => a - b)).toEqual(progress)
  })

  it('stops when cancelled', async () => {
    const pool = new ContingencyPool(inProcessClient, 2)
    const abort = new AbortController()
    abort.abort()
    await expect(
      pool.sweep(1, representativeScenario(), () => undefined, abort.signal),
    ).rejects.toThrow(/cancelled/)
  })
})
