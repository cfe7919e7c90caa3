/**
 * Every way a solve can end gets words (issue 13): no thrown "HiGHS ended with model status",
 * and no optimum whose plan spends key the links never had.
 */
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSolver } from '../../node/loadSolver.ts'
import { emptyAllocation } from '../allocation.ts'
import { buildInstance } from '../derive/instance.ts'
import { runOracle } from '../report/oracleReport.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { OracleSession, planShortfallBits } from './oracleSession.ts'
import { mustValidate } from './testScenarios.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

describe('solve statuses in words', () => {
  it('solves a day with no flows to the empty plan at €0 without asking the solver', () => {
    const instance = { ...buildInstance(mustValidate(tinyScenario()), 0), flows: [] }
    const session = new OracleSession(highs, instance)
    try {
      const result = session.solve()
      expect(result.status).toBe('optimal')
      expect(result.objectiveEur).toBe(0)
      expect(result.keyShortfallBits).toBe(0)
    } finally {
      session.dispose()
    }
  })

  it('reports a time limit in words, never as an optimum', () => {
    const scenario = mustValidate(representativeScenario())
    const session = new OracleSession(highs, buildInstance(scenario, 0), {
      integer: true,
      timeLimitSeconds: 1e-6,
    })
    try {
      const result = session.solve()
      expect(result.status).toBe('time-limit')
      expect(result.failure).toMatch(/time limit/)
    } finally {
      session.dispose()
    }
  })

  it('replays every optimum against the stores: no plan overdraws a link', () => {
    for (const doc of [tinyScenario(), representativeScenario()]) {
      const run = runOracle(highs, mustValidate(doc))
      expect(run.report.status).toBe('optimal')
      expect(run.result.keyShortfallBits).toBe(0)
      expect(run.report.keyShortfallBits).toBe(0)
    }
  })

  it('measures a plan that spends key the links never had', () => {
    const instance = buildInstance(mustValidate(tinyScenario()), 0)
    const allocation = emptyAllocation(instance)
    // Every flow on its dearest option in every slot, far beyond the tiny day's supply.
    instance.flows.forEach((f, k) => {
      const shares = allocation.optionShare[k] as Float64Array
      const dearest = f.options.reduce(
        (b, o, i) => (o.keyBps > (f.options[b]?.keyBps ?? 0) ? i : b),
        0,
      )
      for (let t = 0; t < instance.slots; t++) shares[t * f.options.length + dearest] = 1
    })
    instance.links.forEach((l) => l.supplyBps.fill(0))
    expect(planShortfallBits(instance, allocation)).toBeGreaterThan(0)
    expect(planShortfallBits(instance, emptyAllocation(instance))).toBe(0)
  })

  it('fuzz regression: refuses a plan that costs more when replayed than the optimum reported', () => {
    // An option needing 1e6 key units per slot at a share of −1e-7 (inside the solver's
    // tolerance) paid for key on a path no flow drew: the tie-break stage reported €0.187 for a
    // plan that costs €0.193, and policies could "beat" the oracle.
    const scenario = mustValidate({
      format: 'qkd-vpp-scenario',
      version: 1,
      qkd: {
        nodes: [
          { id: 'key', role: 'control' },
          { id: 'd9_..Q9', role: 'aggregator' },
          { id: ':IX', role: 'aggregator' },
        ],
        links: [
          { id: ':', a: 'key', b: 'd9_..Q9', lengthKm: 2.2250738585072014e-308 },
          { id: '_-.-', a: 'd9_..Q9', b: ':IX', lengthKm: 2.2250738585072014e-308 },
          { id: '_I-:C_i--', a: 'key', b: ':IX', lengthKm: 20 },
        ],
        vppShare: 5e-324,
      },
      fleet: {
        groups: [{ id: 'a.b-c_d', type: 'chp', sites: 9999999, unitKw: 5, gateway: ':IX' }],
      },
      processes: [
        {
          id: 'a'.repeat(64),
          endpoints: [{ from: ':IX', to: 'd9_..Q9' }],
          messagesPerSitePerHour: 60,
          messageBytes: 200,
          deadlineMs: 1,
          impactEur: 1000,
          attacksPerHour: 10,
          options: [
            { id: 't--:::-5', kind: 'aes-refresh', refreshSeconds: 86400 },
            { id: '.8:6:', kind: 'otp-mac', tagBits: 64 },
            { id: 'R-._--.', kind: 'aes-refresh', refreshSeconds: 10 },
          ],
        },
      ],
      policy: { holdAllowed: false },
    })
    const run = runOracle(highs, scenario)
    expect(run.report.status).toBe('numerical-failure')
    expect(run.report.failure).toMatch(/costs €.* when replayed, more than the optimum/)
    expect(run.report.objectiveEur).toBeNull()
  })

  it('fuzz regression: confirms an infeasible day without presolve, which called this one infeasible', () => {
    // One process on a 6-link tree whose stores are 1 bit to 10 Mbit in a 64-Mbit key unit:
    // presolve declared the LP infeasible, though greedy ran the day and the MILP found a plan.
    const scenario = mustValidate({
      format: 'qkd-vpp-scenario',
      version: 1,
      qkd: {
        nodes: [
          { id: '__defineGetter__', role: 'control' },
          { id: 'constructor', role: 'aggregator' },
          { id: '.-_.LhK--', role: 'aggregator' },
          { id: '__proto__', role: 'archive' },
          { id: '_L-1__-Ow', role: 'aggregator' },
          { id: '.:', role: 'aggregator' },
        ],
        links: [
          { id: '-', a: '__defineGetter__', b: 'constructor', lengthKm: 1 },
          { id: 'isPrototypeOf', a: '__defineGetter__', b: '.-_.LhK--', lengthKm: 1 },
          { id: 'a_1t', a: '.-_.LhK--', b: '__proto__', lengthKm: 1 },
          { id: '_', a: '__proto__', b: '_L-1__-Ow', lengthKm: 1 },
          { id: '-z_.:z', a: '.-_.LhK--', b: '.:', lengthKm: 1 },
          { id: 'constructor', a: '__defineGetter__', b: '__proto__', lengthKm: 20 },
        ],
      },
      processes: [
        {
          id: 'hasOwnProperty',
          endpoints: 'gateways->control',
          messagesPerHour: 3600,
          messageBytes: 999999999.9999999,
          deadlineMs: 1000,
          impactEur: 1,
          attacksPerHour: 5e-324,
          options: [
            { id: '__defineGetter__', kind: 'aes-refresh', refreshSeconds: 1 },
            { id: 'l-', kind: 'otp-mac', tagBits: 64 },
          ],
        },
      ],
    })
    for (const integer of [false, true]) {
      const run = runOracle(highs, scenario, { integer, timeLimitSeconds: 10 })
      expect(run.report.status, integer ? 'MILP' : 'LP').toBe('optimal')
      expect(run.report.keyShortfallBits).toBe(0)
    }
  })
})
