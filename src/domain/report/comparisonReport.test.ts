/**
 * Regression tests of the policy comparison found by the fuzz suite (`domain/fuzz`): every status
 * without a plan says why, and regret stays a finite number.
 */
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSolver } from '../../node/loadSolver.ts'
import { POLICY_NAMES } from '../policy/evaluate.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { comparePolicies, regret } from './comparisonReport.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

describe('comparison regressions found by fuzzing', () => {
  it('gives the oracle’s numerical failure its words, and says it for the plans that follow it', () => {
    // A one-bit store beside a terabit one: the solver's tolerance spends half a bit the small
    // store never had, so the oracle has no trustworthy plan on the forecast or the realised day.
    const scenario = mustValidate({
      format: 'qkd-vpp-scenario',
      version: 1,
      qkd: {
        nodes: [
          { id: '0', role: 'control' },
          { id: '-a', role: 'aggregator' },
        ],
        links: [
          { id: ':j-_', a: '0', b: '-a', lengthKm: 1, keyRateBps: 5e-324, bufferBits: 1 },
          { id: ':._', a: '0', b: '-a', lengthKm: 1, bufferBits: 999999999999.9999 },
        ],
        rateModel: { r0Bps: 0.01 },
        vppShare: 0.9999999999999999,
      },
      processes: [
        {
          id: '::',
          endpoints: 'control->gateways',
          messagesPerSitePerHour: 1,
          messageBytes: 1,
          deadlineMs: 1000,
          impactEur: 2.2250738585072014e-308,
          attacksPerHour: 1,
          options: [{ id: '_q-:.:.', kind: 'aes-refresh', refreshSeconds: 10, channels: 9999 }],
        },
      ],
      policy: { holdAllowed: false },
    })
    const { policies } = comparePolicies(highs, scenario, POLICY_NAMES, 1)
    expect(policies.oracle?.status).toBe('numerical-failure')
    expect(policies.oracle?.failure).toMatch(/^No trustworthy plan: /)
    // Static and proposed follow the day-ahead plan, which does not exist: not "infeasible".
    for (const name of ['static', 'proposed'] as const) {
      expect(policies[name]?.status).toBe('numerical-failure')
      expect(policies[name]?.failure).toBe(policies.oracle?.failure)
    }
  })

  it('keeps regret finite against an oracle worth a subnormal number of euros', () => {
    expect(regret(1, 5e-324)).toBe(1 - 5e-324)
    expect(regret(2, 1)).toBe(1)
    expect(regret(1, 0)).toBe(1)
  })
})
