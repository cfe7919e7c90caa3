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
})
