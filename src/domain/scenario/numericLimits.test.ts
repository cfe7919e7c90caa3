/**
 * Issue 13, items 1 and 5: every scenario the validator accepts keeps the model finite and within
 * the solver's range, and validation stays fast at the format's limits. Each reproducer from the
 * issue is a named regression test: it is either refused with a path and a reason, or it passes
 * validation and solves (a real HiGHS solve) to a finite optimum.
 */
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSolver } from '../../node/loadSolver.ts'
import { MAX_FLOWS } from '../derive/limits.ts'
import { buildInstance } from '../derive/instance.ts'
import { buildOracleModel } from '../model/buildOracleModel.ts'
import { runOracle } from '../report/oracleReport.ts'
import { representativeScenario } from './builtins/representative.ts'
import { tinyScenario } from './builtins/tiny.ts'
import { validateScenario, type ValidationIssue } from '../derive/validateScenario.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

const clone = (doc: unknown): any => JSON.parse(JSON.stringify(doc))
const tiny = (): any => clone(tinyScenario())
const representative = (): any => clone(representativeScenario())

function refused(doc: unknown): ValidationIssue[] {
  const result = validateScenario(doc)
  expect(result.ok, 'expected the scenario to be refused').toBe(false)
  return result.ok ? [] : result.issues
}

/** Validates, solves the oracle for real, and checks every headline number is finite. */
function solvesFinite(doc: unknown): number {
  const result = validateScenario(doc)
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  const run = runOracle(highs, result.scenario)
  expect(run.result.status).toBe('optimal')
  expect(Number.isFinite(run.result.objectiveEur)).toBe(true)
  const model = buildOracleModel(buildInstance(result.scenario, 0)).model
  for (const v of [...model.colCost, ...model.values]) expect(Number.isFinite(v)).toBe(true)
  return run.result.objectiveEur
}

describe('issue 13 reproducers', () => {
  it('processes: [] is refused with a path (HiGHS reported "model status 6")', () => {
    const doc = tiny()
    doc.processes = []
    doc.threat.windows = []
    const issues = refused(doc)
    expect(issues).toContainEqual({
      path: 'processes',
      message: 'must list at least one process: without one there is nothing to plan',
    })
  })

  it('three overlapping ×1e6 windows on one slot are refused ("colCost[0] must be a number")', () => {
    const doc = tiny()
    doc.threat.windows = [0, 1, 2].map((i) => ({
      label: `w${i}`,
      startSlot: 1,
      endSlot: 2,
      multiplier: 1e6,
    }))
    const issues = refused(doc)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toBe('threat.windows')
    expect(issues[0]?.message).toBe(
      'multipliers of overlapping windows multiply to 1e18 on slot 1 (01:00) for process "dispatch"; at most 1e6',
    )
  })

  it('overlapping windows whose product overflows are refused, not turned into NaN', () => {
    const doc = tiny()
    doc.threat.windows = Array.from({ length: 60 }, (_, i) => ({
      label: `w${i}`,
      startSlot: 1,
      endSlot: 2,
      multiplier: 1e6,
    }))
    expect(refused(doc)[0]?.message).toContain('multiply to Infinity on slot 1 (01:00)')
  })

  it('overlapping windows up to the bound solve', () => {
    const doc = tiny()
    doc.threat.windows = [
      { startSlot: 1, endSlot: 3, multiplier: 1000 },
      { startSlot: 2, endSlot: 4, multiplier: 1000 },
    ]
    solvesFinite(doc)
  })

  it('shocks whose factors multiply to Infinity are refused ("rowUpper[8] must be a number")', () => {
    const doc = tiny()
    doc.shocks = Array.from({ length: 400 }, (_, i) => ({
      label: `s${i}`,
      startSlot: 1,
      endSlot: 2,
      links: 'all',
      factor: 10,
    }))
    const issues = refused(doc)
    expect(issues[0]?.path).toBe('shocks')
    expect(issues[0]?.message).toBe(
      'factors of overlapping shocks multiply to Infinity on slot 1 (01:00) for link "CC-R"; at most 10',
    )
  })

  it('an outage among overflowing shock factors is an outage (0, never 0 × ∞ = NaN)', () => {
    const doc = tiny()
    doc.shocks = [
      ...Array.from({ length: 400 }, (_, i) => ({
        label: `s${i}`,
        startSlot: 1,
        endSlot: 2,
        links: 'all',
        factor: 10,
      })),
      { label: 'cut', startSlot: 1, endSlot: 2, links: 'all', factor: 0 },
    ]
    const result = validateScenario(doc)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const instance = buildInstance(result.scenario)
    for (const link of instance.links) expect(link.supplyBps[1]).toBe(0)
    solvesFinite(doc)
  })

  it('a denormal refreshSeconds (5e-324) is refused ("passModel failed with HiGHS status -1")', () => {
    const doc = tiny()
    doc.processes[0].options[1].refreshSeconds = 5e-324
    expect(refused(doc)).toEqual([
      {
        path: 'processes[0].options[1].refreshSeconds',
        message: 'must be between 0.001 and 86400, got 5e-324',
      },
    ])
  })

  it('a successBound of 1e-300 solves ("model status 15"): it cannot drag the money unit down', () => {
    const base = solvesFinite(tiny())
    const doc = tiny()
    doc.processes[0].options[2].successBound = 1e-300
    const objective = solvesFinite(doc)
    // A stronger option can only lower the optimum.
    expect(objective).toBeLessThanOrEqual(base * (1 + 1e-6))
  })

  it('SLA penalties of 1e9 € beyond 1e9 times the impacts are refused, naming the fields', () => {
    const doc = representative()
    doc.processes[1].slaPenaltyEur = 1e9
    doc.policy.slaWeight = 1e4
    const issues = refused(doc)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toBe('processes[1].slaPenaltyEur')
    expect(issues[0]?.message).toMatch(
      /^numerically too wide: SLA penalty 1e9 € × slaWeight 1e4 per late message \(processes\[1\]\.slaPenaltyEur\) next to impacts of .* € per successful attack \(processes\[\d\]\.impactEur\)/,
    )
  })

  it('an SLA penalty of 1e9 € within the span solves to the same optimum', () => {
    const base = solvesFinite(representative())
    const doc = representative()
    doc.processes[1].slaPenaltyEur = 1e9
    // No plan needs to hold or send dispatch late, so the optimum is unchanged.
    expect(solvesFinite(doc)).toBeCloseTo(base, 3)
  })

  it('raising one messageBytes to 1e8 never lowers the objective (key unit from the stores)', () => {
    const base = solvesFinite(representative())
    const doc = representative()
    doc.processes[0].messageBytes = 1e8
    const raised = solvesFinite(doc)
    // Bigger messages cost more key and weaken the tag bound: the optimum cannot fall.
    expect(raised).toBeGreaterThanOrEqual(base * (1 - 1e-6))
  })

  it('an option needing more than 1e9 times the largest store per slot is refused', () => {
    const doc = tiny()
    doc.processes[1].messagesPerSitePerHour = 1e9
    doc.processes[1].messageBytes = 1e9
    const issues = refused(doc)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toBe('processes[1].options[2]')
    expect(issues[0]?.message).toMatch(
      /^numerically too wide: option "M2" needs .* bits of key per slot on flow metering:GW->CC, more than 1e9 times the largest key store or slot supply \(2e6 bits\)/,
    )
  })
})

/** A network at the format's limits: 500 nodes on a path (deepest trees), 499 links. */
function atLimits(processes: number): any {
  const nodes = Array.from({ length: 500 }, (_, i) => ({
    id: `N${i}`,
    role: i === 0 ? 'control' : 'aggregator',
  }))
  const links = Array.from({ length: 499 }, (_, i) => ({
    id: `L${i}`,
    a: `N${i}`,
    b: `N${i + 1}`,
    lengthKm: 10 + (i % 7),
    keyRateBps: 1e5,
  }))
  return {
    format: 'qkd-vpp-scenario',
    version: 1,
    name: 'at the limits',
    horizon: { slots: 288, slotMinutes: 5 },
    qkd: { nodes, links },
    fleet: {
      groups: nodes
        .slice(1)
        .map((n, i) => ({ id: `g${i}`, type: 'pv', sites: 10, unitKw: 5, gateway: n.id })),
    },
    processes: Array.from({ length: processes }, (_, p) => ({
      id: `p${p}`,
      endpoints: p % 2 === 0 ? 'control->gateways' : 'gateways->control',
      messagesPerSitePerHour: 60,
      messageBytes: 200,
      deadlineMs: 1000,
      slaPenaltyEur: 0.1,
      impactEur: 1000,
      attacksPerHour: 5,
      options: [
        { id: 'c', kind: 'classical' },
        { id: 'a', kind: 'aes-refresh', refreshSeconds: 10 },
        { id: 'w', kind: 'wc-mac', tagBits: 64 },
        { id: 'o', kind: 'otp-mac', tagBits: 64 },
        { id: 'w2', kind: 'wc-mac', tagBits: 128 },
        { id: 'o2', kind: 'otp-mac', tagBits: 128 },
        { id: 'w3', kind: 'wc-mac', tagBits: 32 },
        { id: 'a2', kind: 'aes-refresh', refreshSeconds: 1, channels: 4 },
      ],
    })),
    threat: {
      windows: Array.from({ length: 50 }, (_, i) => ({
        startSlot: i * 5,
        endSlot: i * 5 + 20,
        multiplier: 1.5,
      })),
    },
    shocks: Array.from({ length: 50 }, (_, i) => ({
      startSlot: i * 5,
      endSlot: i * 5 + 10,
      links: 'all',
      factor: 0.9,
    })),
    policy: { pathsPerFlow: 4 },
  }
}

describe('bounded validation time at the format limits', () => {
  it('refuses 500 nodes × 200 processes (99,800 flows) with the count', () => {
    const doc = atLimits(200)
    const started = performance.now()
    const issues = refused(doc)
    console.log(`validate 99,800 flows: ${(performance.now() - started).toFixed(0)} ms (refused)`)
    expect(issues).toEqual([
      {
        path: 'processes',
        message: `expand into 99800 flows (processes × endpoint pairs); at most ${MAX_FLOWS} are supported`,
      },
    ])
  })

  it(`accepts ${MAX_FLOWS - 10} flows on a 500-node path at 288 slots and 8 options`, () => {
    const doc = atLimits(10)
    const started = performance.now()
    const result = validateScenario(doc)
    console.log(`validate 4,990 flows: ${(performance.now() - started).toFixed(0)} ms`)
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
    expect(result.ok).toBe(true)
  })
})
