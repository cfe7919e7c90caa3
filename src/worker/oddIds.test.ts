/**
 * Ids called after built-ins (`__proto__`, `constructor`, `toString`, …) through the worker's
 * answers: the plan and the policy comparison key them, and they survive the trip to the page
 * (structured clone, as comlink posts them) as keys of records without a prototype.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as Comlink from 'comlink'
import type { Highs } from 'highs'
import { loadSolver } from '../node/loadSolver.ts'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import { BUILT_IN_NAMES, withBuiltInIds } from '../domain/util/renameIds.ts'
import type { ComparisonResponse, OracleResponse, SolveRequest } from './api.ts'
import { SolverClient } from './client.ts'
import { comparisonResponseWithIdRecords, oracleResponseWithIdRecords } from './idRecords.ts'
import { createPlannerState, disposePlanner, planComparison, planOracle } from './plan.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

/** What the page receives of a worker's answer: the value posted through a real message port. */
function posted<T>(value: T): Promise<T> {
  const { port1, port2 } = new MessageChannel()
  return new Promise<T>((resolve) => {
    port2.onmessage = (event: MessageEvent<T>) => {
      port1.close()
      port2.close()
      resolve(event.data)
    }
    port1.postMessage(value)
  })
}

function scenarioOf(doc: unknown): Scenario {
  const result = validateScenario(doc)
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '))
  return result.scenario
}

describe('structured clone, as worker answers reach the page', () => {
  it('keeps an own __proto__ key but gives the record Object.prototype back', async () => {
    const record: Record<string, number> = Object.create(null)
    record['__proto__'] = 1
    record['constructor'] = 2
    for (const copy of [structuredClone(record), await posted(record)]) {
      expect(Object.keys(copy)).toEqual(['__proto__', 'constructor'])
      expect(Object.hasOwn(copy, '__proto__')).toBe(true)
      expect(JSON.stringify(copy)).toBe('{"__proto__":1,"constructor":2}')
      // The hazard the client removes: an id the record lacks reads an inherited member.
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
      expect(typeof copy['toString']).toBe('function')
    }
  })
})

describe.each([
  ['tiny', tinyScenario],
  ['representative', representativeScenario],
])('the %s day with ids called after built-ins', (_name, make) => {
  const doc = withBuiltInIds(make())
  const scenario = scenarioOf(doc)
  const linkIds = scenario.qkd.links.map((l) => l.id)
  const processIds = scenario.processes.map((p) => p.id)
  // Names of Object.prototype members the day does not use as ids.
  const absentLink = BUILT_IN_NAMES.find((n) => !linkIds.includes(n)) as string
  const absentProcess = BUILT_IN_NAMES.find((n) => !processIds.includes(n)) as string

  it('is planned with every link and process under its own id, on the page too', async () => {
    expect(processIds).toContain('__proto__')
    expect(linkIds.slice(0, 2)).toEqual(['__proto__', 'constructor'])
    const state = createPlannerState()
    let direct: OracleResponse
    try {
      direct = planOracle(highs, state, { revision: 1, scenario: doc })
    } finally {
      disposePlanner(state)
    }
    const received = oracleResponseWithIdRecords(await posted(direct))
    expect(received).toEqual(direct)
    for (const response of [direct, received]) {
      if (!response.ok) throw new Error(response.message)
      const { plan } = response
      const records = {
        byProcess: [plan.byProcess, processIds],
        links: [plan.links, linkIds],
        supplyBits: [plan.supplyBits, linkIds],
        utilization: [plan.utilization, linkIds],
      } as const
      for (const [name, [record, ids]] of Object.entries(records)) {
        expect(Object.getPrototypeOf(record), name).toBeNull()
        expect(Object.keys(record), name).toEqual(ids)
      }
      expect(plan.byProcess['__proto__']?.keyUsedBits).toHaveLength(plan.slots)
      expect(plan.links['__proto__']?.usedBits).toHaveLength(plan.slots)
      expect(plan.supplyBits['constructor']).toHaveLength(plan.slots)
      expect(typeof plan.utilization['constructor']).toBe('number')
      // An id the plan does not have reads as absent, not as Object.prototype's member.
      expect(plan.utilization[absentLink]).toBeUndefined()
      expect(plan.links[absentLink]).toBeUndefined()
      expect(plan.byProcess[absentProcess]).toBeUndefined()
    }
  }, 60_000)
})

describe('the policy comparison with ids called after built-ins', () => {
  it('keys every policy by the links under their own ids, on the page too', async () => {
    const doc = withBuiltInIds(tinyScenario())
    const linkIds = scenarioOf(doc).qkd.links.map((l) => l.id)
    const direct: ComparisonResponse = planComparison(highs, { revision: 1, scenario: doc })
    const received = comparisonResponseWithIdRecords(await posted(direct))
    expect(received).toEqual(direct)
    if (!received.ok) throw new Error(received.message)
    const policies = Object.entries(received.comparison.policies)
    expect(policies.map(([name]) => name)).toEqual(['oracle', 'proposed', 'greedy', 'static'])
    for (const [name, report] of policies) {
      expect(Object.getPrototypeOf(report?.links), name).toBeNull()
      expect(Object.keys(report?.links ?? {}), name).toEqual(linkIds)
      expect(report?.links['constructor']?.usedBits, name).toHaveLength(4)
      expect(report?.links['toString'], name).toBeUndefined()
    }
  })
})

describe('the solver client', () => {
  it('hands the page a plan whose id records have no prototype', async () => {
    // The real client and comlink, with the worker's functions on the far end of a port.
    const { port1, port2 } = new MessageChannel()
    const state = createPlannerState()
    Comlink.expose(
      {
        warmUp: async () => 0,
        solveOracle: async (request: SolveRequest) => planOracle(highs, state, request),
      },
      port2,
    )
    const worker = Object.assign(port1, { terminate: () => port1.close() })
    const client = new SolverClient(() => worker as unknown as Worker)
    try {
      const doc = withBuiltInIds(tinyScenario())
      const response = await client.solveOracle({ revision: 1, scenario: doc })
      if (!response.ok) throw new Error(response.message)
      expect(Object.getPrototypeOf(response.plan.links)).toBeNull()
      expect(Object.keys(response.plan.byProcess)).toEqual(['__proto__', 'constructor'])
      expect(response.plan.utilization['toString']).toBeUndefined()
    } finally {
      client.terminate()
      port2.close()
      disposePlanner(state)
    }
  })
})
