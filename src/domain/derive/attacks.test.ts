/**
 * Attack attempts and impact (MODEL.md §3, §8): windows multiply where they overlap, a window's
 * `processes` list limits whom it hits, and a process's attempts are shared by message rate.
 */
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../scenario/types.ts'
import { validateScenario } from './validateScenario.ts'
import { flowAttackShare, flowImpactEur, processAttempts, windowMultipliers } from './attacks.ts'
import { expandFlows, type Flow } from './flows.ts'

function valid(doc: unknown): Scenario {
  const result = validateScenario(doc)
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
  return result.scenario
}

const option = [{ id: 'c', kind: 'classical' }]

/**
 * 6 slots of 15 min. Fleet: GW1 30 sites of 5 kW (0.15 MW), GW2 15 sites of 200 kW (3 MW).
 * Windows: ×3 on all processes over 1..3, ×2 on p1 over 2..4, ×10 on p2 over slot 0.
 */
function doc(): any {
  return {
    format: 'qkd-vpp-scenario',
    seed: 5,
    horizon: { slots: 6, slotMinutes: 15 },
    qkd: {
      nodes: [
        { id: 'CC', role: 'control' },
        { id: 'GW1', role: 'aggregator' },
        { id: 'GW2', role: 'aggregator' },
        { id: 'MO', role: 'market' },
      ],
      links: [
        { id: 'L1', a: 'CC', b: 'GW1', lengthKm: 10 },
        { id: 'L2', a: 'CC', b: 'GW2', lengthKm: 10 },
        { id: 'L3', a: 'CC', b: 'MO', lengthKm: 10 },
      ],
    },
    fleet: {
      groups: [
        { id: 'g1', type: 'pv', sites: 30, unitKw: 5, gateway: 'GW1' },
        { id: 'g2', type: 'battery', sites: 15, unitKw: 200, gateway: 'GW2' },
      ],
    },
    processes: [
      {
        id: 'p1',
        endpoints: 'control->gateways',
        messagesPerSitePerHour: 720,
        messageBytes: 100,
        deadlineMs: 500,
        impactEur: 1000,
        impactEurPerMw: 200,
        attacksPerHour: 8,
        options: option,
      },
      {
        id: 'p2',
        endpoints: 'gateways->control',
        messagesPerHour: 0,
        messageBytes: 100,
        deadlineMs: 500,
        impactEur: 50,
        attacksPerHour: 4,
        options: option,
      },
      {
        id: 'p3',
        endpoints: { from: 'CC', to: 'MO' },
        messagesPerHour: 60,
        messageBytes: 100,
        deadlineMs: 500,
        impactEur: 10,
        impactEurPerMw: 100,
        attacksPerHour: 2,
        options: option,
      },
    ],
    threat: {
      windows: [
        { label: 'all', startSlot: 1, endSlot: 4, multiplier: 3 },
        { label: 'p1', startSlot: 2, endSlot: 5, multiplier: 2, processes: ['p1'] },
        { label: 'p2', startSlot: 0, endSlot: 1, multiplier: 10, processes: ['p2'] },
      ],
    },
    uncertainty: { yieldSigma: 0, attackSigma: 0.4 },
  }
}

describe('windowMultipliers', () => {
  const s = valid(doc())

  it('multiplies overlapping windows over startSlot ≤ t < endSlot', () => {
    // p1: ×3 on 1,2,3 and ×2 on 2,3,4 → [1, 3, 6, 6, 2, 1]
    expect(windowMultipliers(s, 'p1')).toEqual([1, 3, 6, 6, 2, 1])
  })

  it('applies a window only to the processes it lists', () => {
    // p2: ×10 on 0 and ×3 on 1..3 → [10, 3, 3, 3, 1, 1]
    expect(windowMultipliers(s, 'p2')).toEqual([10, 3, 3, 3, 1, 1])
    // p3: only the window without a list → [1, 3, 3, 3, 1, 1]
    expect(windowMultipliers(s, 'p3')).toEqual([1, 3, 3, 3, 1, 1])
  })

  it('is all ones without windows', () => {
    const d = doc()
    d.threat.windows = []
    expect(windowMultipliers(valid(d), 'p1')).toEqual([1, 1, 1, 1, 1, 1])
  })

  it('a window listing no processes hits none', () => {
    const d = doc()
    d.threat.windows = [{ startSlot: 0, endSlot: 6, multiplier: 7, processes: [] }]
    expect(windowMultipliers(valid(d), 'p1')).toEqual([1, 1, 1, 1, 1, 1])
  })

  it('a zero multiplier silences the slots it covers', () => {
    const d = doc()
    d.threat.windows = [
      { startSlot: 1, endSlot: 2, multiplier: 0 },
      { startSlot: 0, endSlot: 3, multiplier: 4 },
    ]
    expect(windowMultipliers(valid(d), 'p3')).toEqual([4, 0, 4, 1, 1, 1])
  })
})

describe('processAttempts', () => {
  it('is attacksPerHour × slot hours × window multiplier on the forecast', () => {
    const s = valid(doc())
    // p1: 8/h × 0.25 h = 2 per slot, × [1, 3, 6, 6, 2, 1]
    expect(processAttempts(s, s.processes[0]!)).toEqual([2, 6, 12, 12, 4, 2])
    // p2: 4 × 0.25 = 1, × [10, 3, 3, 3, 1, 1]
    expect(processAttempts(s, s.processes[1]!)).toEqual([10, 3, 3, 3, 1, 1])
  })

  it('scales with the slot length', () => {
    const d = doc()
    d.horizon.slotMinutes = 60
    d.threat.windows = []
    const s = valid(d)
    // 8/h × 1 h = 8 per slot
    expect(processAttempts(s, s.processes[0]!)).toEqual([8, 8, 8, 8, 8, 8])
  })

  it('a realised day is the forecast exactly when attackSigma = 0', () => {
    const d = doc()
    d.uncertainty.attackSigma = 0
    const s = valid(d)
    const p = s.processes[0]!
    expect(processAttempts(s, p, 2)).toEqual(processAttempts(s, p))
  })

  it('a realised day with attackSigma > 0 is noisy, positive and reproducible', () => {
    const s = valid(doc())
    const p = s.processes[0]!
    const forecast = processAttempts(s, p)
    const day = processAttempts(s, p, 1)
    expect(processAttempts(s, p, 1)).toEqual(day)
    expect(day).not.toEqual(forecast)
    expect(processAttempts(s, p, 2)).not.toEqual(day)
    for (const a of day) expect(a).toBeGreaterThan(0)
    // Different processes draw different noise on the same day.
    const q = s.processes[2]!
    const ratioP = day.map((a, t) => a / forecast[t]!)
    const ratioQ = processAttempts(s, q, 1).map((a, t) => a / processAttempts(s, q)[t]!)
    expect(ratioP).not.toEqual(ratioQ)
  })
})

describe('flowAttackShare and flowImpactEur', () => {
  const s = valid(doc())
  const flows = expandFlows(s)
  const ofProcess = (id: string): Flow[] => flows.filter((f) => f.processId === id)

  it('shares attempts in proportion to message rate', () => {
    const p1 = ofProcess('p1')
    // Rates: 720·30/3600 = 6 and 720·15/3600 = 3 msg/s → shares 6/9 and 3/9.
    expect(p1.map((f) => f.messagesPerSecond)).toEqual([6, 3])
    expect(flowAttackShare(p1[0]!, p1)).toBeCloseTo(2 / 3, 15)
    expect(flowAttackShare(p1[1]!, p1)).toBeCloseTo(1 / 3, 15)
  })

  it('shares equally when the process sends nothing, so attempts are not lost', () => {
    const p2 = ofProcess('p2')
    expect(p2).toHaveLength(2)
    expect(flowAttackShare(p2[0]!, p2)).toBe(0.5)
    expect(flowAttackShare(p2[1]!, p2)).toBe(0.5)
  })

  it('gives a single flow the whole process', () => {
    const p3 = ofProcess('p3')
    expect(flowAttackShare(p3[0]!, p3)).toBe(1)
  })

  it('impact is impactEur + impactEurPerMw × MW behind the flow', () => {
    const p1 = ofProcess('p1')
    // GW1: 30 · 5 kW = 0.15 MW → 1000 + 200 · 0.15 = 1030
    expect(flowImpactEur(s.processes[0]!, p1[0]!)).toBeCloseTo(1030, 9)
    // GW2: 15 · 200 kW = 3 MW → 1000 + 200 · 3 = 1600
    expect(flowImpactEur(s.processes[0]!, p1[1]!)).toBeCloseTo(1600, 9)
    // p3 touches no gateway: the whole fleet, 3.15 MW → 10 + 100 · 3.15 = 325
    expect(flowImpactEur(s.processes[2]!, ofProcess('p3')[0]!)).toBeCloseTo(325, 9)
    // No per-MW term: impactEur alone.
    expect(flowImpactEur(s.processes[1]!, ofProcess('p2')[0]!)).toBe(50)
  })
})
