/**
 * Like-for-like policies (MODEL.md §8, the terminal rule): every policy is charged by the same
 * rules, the oracle's LP included, so on every valid scenario no policy's objective may fall below
 * the oracle's. Checked on generated scenarios that stress exactly what used to break it: a zero
 * share, tiny stores, outages, stores that start full or empty, holding forbidden, a free or a dear
 * terminal price, and noise on supply and attacks.
 */
import fc from 'fast-check'
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSolver } from '../../node/loadSolver.ts'
import { comparePolicies } from '../report/comparisonReport.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { POLICY_NAMES } from './evaluate.ts'

/** Absolute slack of the bound, €: far below any figure the planner shows (cents). */
const ABSOLUTE_EUR = 1e-9

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

interface Case {
  slots: number
  share: number
  bufferBits: number
  initialFraction: number
  reserveFraction: number
  holdAllowed: boolean
  terminalKeyEurPerMbit: number
  outage: { start: number; length: number; link: 'CC-R' | 'R-GW' | 'all'; factor: number } | null
  keyedFloor: boolean
  twoPaths: boolean
  yieldSigma: number
  attackSigma: number
  seed: number
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  slots: fc.integer({ min: 2, max: 10 }),
  share: fc.oneof(fc.constant(0), fc.double({ min: 1e-5, max: 0.05, noNaN: true })),
  bufferBits: fc.oneof(
    fc.constant(1000),
    fc.double({ min: 1e3, max: 1e7, noNaN: true }).map((v) => Math.round(v)),
  ),
  initialFraction: fc.oneof(
    fc.constant(0),
    fc.constant(1),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  reserveFraction: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
  holdAllowed: fc.boolean(),
  terminalKeyEurPerMbit: fc.oneof(
    fc.constant(0),
    fc.constant(1),
    fc.double({ min: 0, max: 1e4, noNaN: true }),
  ),
  outage: fc.option(
    fc.record({
      start: fc.integer({ min: 0, max: 9 }),
      length: fc.integer({ min: 1, max: 10 }),
      link: fc.constantFrom('CC-R' as const, 'R-GW' as const, 'all' as const),
      factor: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    }),
  ),
  keyedFloor: fc.boolean(),
  twoPaths: fc.boolean(),
  yieldSigma: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.6, noNaN: true })),
  attackSigma: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.6, noNaN: true })),
  seed: fc.integer({ min: 1, max: 1e6 }),
})

/** A relay network (CC–R–GW, and optionally a direct CC–GW link) with dispatch and metering. */
function scenarioOf(c: Case): unknown {
  const link = (id: string, a: string, b: string, keyRateBps: number) => ({
    id,
    a,
    b,
    lengthKm: 20,
    keyRateBps,
    bufferBits: c.bufferBits,
    // From the reserve floor (an empty store) to the buffer (a full one).
    initialBufferBits:
      (c.reserveFraction + c.initialFraction * (1 - c.reserveFraction)) * c.bufferBits,
    reserveFraction: c.reserveFraction,
  })
  const start = Math.min(c.outage?.start ?? 0, c.slots - 1)
  return {
    format: 'qkd-vpp-scenario',
    version: 1,
    name: 'like-for-like',
    seed: c.seed,
    horizon: { slots: c.slots, slotMinutes: 60 },
    qkd: {
      nodes: [
        { id: 'CC', label: 'Control', role: 'control', x: 0.1, y: 0.5 },
        { id: 'R', label: 'Relay', role: 'relay', x: 0.5, y: 0.2 },
        { id: 'GW', label: 'Gateway', role: 'aggregator', x: 0.9, y: 0.5 },
      ],
      links: [
        link('CC-R', 'CC', 'R', 50_000),
        link('R-GW', 'R', 'GW', 40_000),
        ...(c.twoPaths ? [link('CC-GW', 'CC', 'GW', 10_000)] : []),
      ],
      vppShare: c.share,
    },
    fleet: { groups: [{ id: 'homes', type: 'pv-battery', sites: 40, unitKw: 5, gateway: 'GW' }] },
    processes: [
      {
        id: 'dispatch',
        label: 'Dispatch',
        endpoints: 'control->gateways',
        messagesPerSitePerHour: 360,
        messageBytes: 200,
        deadlineMs: 1000,
        slaPenaltyEur: 0.2,
        impactEur: 5000,
        attacksPerHour: 10,
        ...(c.keyedFloor ? { minOption: 'D1' } : {}),
        options: [
          { id: 'D0', label: 'PQC only', kind: 'classical' },
          {
            id: 'D1',
            label: 'AES-256, rekey 10 s',
            kind: 'aes-refresh',
            latencyMs: 0.1,
            refreshSeconds: 10,
            channels: 1,
          },
          { id: 'D2', label: 'WC tag 64', kind: 'wc-mac', latencyMs: 0.1, tagBits: 64 },
        ],
      },
      {
        id: 'metering',
        label: 'Metering',
        endpoints: 'gateways->control',
        messagesPerSitePerHour: 120,
        messageBytes: 256,
        deadlineMs: 2000,
        slaPenaltyEur: 0.01,
        impactEur: 800,
        attacksPerHour: 20,
        options: [
          { id: 'M0', label: 'PQC only', kind: 'classical' },
          { id: 'M1', label: 'WC tag 32', kind: 'wc-mac', latencyMs: 0.1, tagBits: 32 },
          { id: 'M2', label: 'OTP + WC tag 64', kind: 'otp-mac', tagBits: 64 },
        ],
      },
    ],
    threat: { windows: [{ label: 'Attack hour', startSlot: 0, endSlot: 1, multiplier: 5 }] },
    shocks:
      c.outage === null
        ? []
        : [
            {
              label: 'Outage',
              startSlot: start,
              endSlot: Math.min(c.slots, start + c.outage.length),
              links: c.outage.link === 'all' ? 'all' : [c.outage.link],
              factor: c.outage.factor,
            },
          ],
    policy: {
      pathsPerFlow: c.twoPaths ? 2 : 1,
      holdAllowed: c.holdAllowed,
      terminalKeyEurPerMbit: c.terminalKeyEurPerMbit,
    },
    uncertainty: {
      yieldSigma: c.yieldSigma,
      attackSigma: c.attackSigma,
      scenarioCount: 3,
      riskMeasure: 'cvar',
      alpha: 0.9,
    },
  }
}

describe('the oracle bounds every policy', () => {
  it('on 200 generated scenarios: no policy objective below the oracle’s (1e-9 relative or €1e-9)', () => {
    let compared = 0
    let forcedHolds = 0
    fc.assert(
      fc.property(caseArb, (c) => {
        const scenario = mustValidate(scenarioOf(c))
        const comparison = comparePolicies(highs, scenario, POLICY_NAMES, 1)
        const oracle = comparison.policies.oracle
        if (oracle?.status !== 'optimal' || oracle.objectiveEur === null) {
          // No plan satisfies the scenario's rules (holding forbidden, a keyed floor, an
          // outage): the oracle says so, and there is no bound to check.
          expect(oracle?.status).toBe('infeasible')
          return
        }
        for (const name of ['proposed', 'greedy', 'static'] as const) {
          const p = comparison.policies[name]
          expect(p?.objectiveEur, name).not.toBeNull()
          if (p?.status === 'forced-hold') {
            // It broke the no-holding rule, so its figure is not a plan the oracle could choose.
            expect(c.holdAllowed).toBe(false)
            forcedHolds++
            continue
          }
          expect(p?.status).toBe('feasible')
          const objective = p?.objectiveEur as number
          // 1e-9 relative, or a billionth of a euro on days whose whole objective is a fraction
          // of a cent (where the solver's own precision is of that order).
          const tolerance =
            1e-9 * Math.max(Math.abs(objective), Math.abs(oracle.objectiveEur)) + ABSOLUTE_EUR
          expect(objective, `${name} vs oracle`).toBeGreaterThanOrEqual(
            oracle.objectiveEur - tolerance,
          )
          if (oracle.objectiveEur > 0)
            expect(p?.regretVsOracle ?? 0).toBeGreaterThanOrEqual(-tolerance / oracle.objectiveEur)
          compared++
        }
      }),
      { numRuns: 200, seed: 20261204 },
    )
    expect(compared).toBeGreaterThan(300)
    expect(forcedHolds).toBeLessThan(compared)
  }, 240_000)
})
