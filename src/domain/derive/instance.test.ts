/**
 * The planning instance (MODEL.md §3, §8): every derived number for one day, as the model,
 * policies and metrics read it.
 */
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../scenario/types.ts'
import { validateScenario } from './validateScenario.ts'
import { processAttempts } from './attacks.ts'
import { buildInstance, holdCostEur, optionCostEur } from './instance.ts'

function valid(doc: unknown): Scenario {
  const result = validateScenario(doc)
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
  return result.scenario
}

/**
 * CC -(10 km)- R -(20 km)- GW1 and R -(30 km)- GW2, plus CC -(5 km)- GW2 as a 1-hop shortcut.
 * 4 slots of 15 min. GW1: 30 sites × 5 kW; GW2: 15 sites × 200 kW.
 */
function doc(): any {
  return {
    format: 'qkd-vpp-scenario',
    seed: 3,
    horizon: { slots: 4, slotMinutes: 15 },
    qkd: {
      nodes: [
        { id: 'CC', role: 'control' },
        { id: 'R', role: 'relay' },
        { id: 'GW1', role: 'aggregator' },
        { id: 'GW2', role: 'aggregator' },
      ],
      links: [
        { id: 'CC-R', a: 'CC', b: 'R', lengthKm: 10, keyRateBps: 1e5, bufferBits: 2e6 },
        {
          id: 'R-GW1',
          a: 'R',
          b: 'GW1',
          lengthKm: 20,
          bufferBits: 1e6,
          initialBufferBits: 3e5,
          reserveFraction: 0.1,
        },
        { id: 'R-GW2', a: 'R', b: 'GW2', lengthKm: 30 },
        { id: 'CC-GW2', a: 'CC', b: 'GW2', lengthKm: 5 },
      ],
      vppShare: 0.05,
    },
    fleet: {
      groups: [
        { id: 'g1', type: 'pv', sites: 30, unitKw: 5, gateway: 'GW1' },
        { id: 'g2', type: 'battery', sites: 15, unitKw: 200, gateway: 'GW2' },
      ],
    },
    processes: [
      {
        id: 'dispatch',
        endpoints: 'control->gateways',
        messagesPerSitePerHour: 720,
        messageBytes: 200,
        deadlineMs: 15,
        slaPenaltyEur: 0.5,
        impactEur: 1000,
        impactEurPerMw: 200,
        attacksPerHour: 12,
        options: [
          { id: 'd0', kind: 'classical', latencyMs: 1 },
          { id: 'd1', kind: 'aes-refresh', latencyMs: 0.5, refreshSeconds: 10 },
          { id: 'd2', kind: 'wc-mac', latencyMs: 0.5, tagBits: 64 },
          { id: 'd3', kind: 'otp-mac', latencyMs: 1, tagBits: 64 },
        ],
      },
      {
        id: 'metering',
        endpoints: 'gateways->control',
        messagesPerSitePerHour: 60,
        messageBytes: 256,
        deadlineMs: 1000,
        impactEur: 100,
        attacksPerHour: 4,
        minOption: 'm1',
        options: [
          { id: 'm0', kind: 'classical' },
          { id: 'm1', kind: 'wc-mac', tagBits: 32 },
          { id: 'm2', kind: 'otp-mac', tagBits: 32 },
        ],
      },
    ],
    threat: {
      windows: [{ startSlot: 1, endSlot: 3, multiplier: 4, processes: ['dispatch'] }],
    },
    shocks: [{ startSlot: 2, endSlot: 4, links: ['CC-R'], factor: 0.5 }],
    policy: { pathsPerFlow: 2, kmsLatencyMs: 10, relayLatencyMs: 2, slaWeight: 2 },
    uncertainty: { yieldSigma: 0.25, attackSigma: 0.3 },
  }
}

describe('buildInstance: shape', () => {
  const s = valid(doc())
  const inst = buildInstance(s)

  it('copies the horizon and policy switches', () => {
    expect(inst.slots).toBe(4)
    expect(inst.slotSeconds).toBe(900)
    expect(inst.slaWeight).toBe(2)
    expect(inst.holdAllowed).toBe(true)
    expect(inst.integer).toBe(false)
    expect(inst.classicalSuccessBound).toBe(1e-3)
    expect(inst.processIds).toEqual(['dispatch', 'metering'])
    expect(inst.day).toBeUndefined()
    expect(inst.flows.map((f) => f.flow.id)).toEqual([
      'dispatch:CC->GW1',
      'dispatch:CC->GW2',
      'metering:GW1->CC',
      'metering:GW2->CC',
    ])
  })

  it('finds at most pathsPerFlow candidate paths, best first', () => {
    const [toGw1, toGw2] = inst.flows
    // CC→GW1 has a 2-hop path via R and a 3-hop path via GW2 and R.
    expect(toGw1?.paths.map((p) => p.nodes)).toEqual([
      ['CC', 'R', 'GW1'],
      ['CC', 'GW2', 'R', 'GW1'],
    ])
    // CC→GW2: the direct link first, then via R.
    expect(toGw2?.paths.map((p) => p.links)).toEqual([[3], [0, 2]])
    const one = buildInstance(valid({ ...doc(), policy: { pathsPerFlow: 1 } }))
    for (const f of one.flows) expect(f.paths).toHaveLength(1)
  })

  it('derives link data: rate, supply, buffer, initial store and reserve', () => {
    const [ccR, rGw1, rGw2] = inst.links
    expect(ccR?.rateBps).toBe(1e5)
    // 0.05 · 1e5 = 5000 bits/s, halved by the shock in slots 2 and 3.
    expect(ccR?.supplyBps).toEqual([5000, 5000, 2500, 2500])
    expect(ccR?.bufferBits).toBe(2e6)
    expect(ccR?.initialBits).toBe(1e6)
    expect(ccR?.reserveBits).toBe(0)
    // 20 km at 0.2 dB/km = 4 dB: 4e6 · 10^-0.4 = 1592356.9… bits/s
    expect(rGw1?.rateBps).toBeCloseTo(4e6 * 0.3981071705534972, 3)
    expect(rGw1?.initialBits).toBe(3e5)
    // 0.1 · 1e6 = 1e5 bits kept back
    expect(rGw1?.reserveBits).toBeCloseTo(1e5, 9)
    // Default buffer 10e6, initial half of it.
    expect(rGw2?.bufferBits).toBe(10e6)
    expect(rGw2?.initialBits).toBe(5e6)
  })
})

describe('buildInstance: options', () => {
  const inst = buildInstance(valid(doc()))

  it('keeps every option when there is no minOption, with kind-specific numbers', () => {
    const f = inst.flows[0]! // dispatch CC→GW1: 720·30/3600 = 6 msg/s, 2 hops
    expect(f.options.map((o) => o.id)).toEqual(['d0', 'd1', 'd2', 'd3'])
    expect(f.options.map((o) => o.processOptionIndex)).toEqual([0, 1, 2, 3])
    // Key: 0; 256/10 = 25.6; 64 · 6 = 384; (1600 + 64) · 6 = 9984 bits/s.
    const key = f.options.map((o) => o.keyBps)
    ;[0, 25.6, 384, 9984].forEach((v, i) => expect(key[i]).toBeCloseTo(v, 9))
    // Bounds: 1e-3; 1e-7 · 10 = 1e-6; 25/2^64 → 1e-9 floor; 25/2^64 → 1e-12 floor.
    expect(f.options.map((o) => o.successBound)).toEqual([1e-3, 1e-7 * 10, 1e-9, 1e-12])
    // Latency: classical 1 ms; keyed: own + 10 KMS + 2 · 2 hops.
    // d1: 0.5 + 10 + 4 = 14.5; d2: 14.5; d3: 1 + 10 + 4 = 15.
    expect(f.options.map((o) => o.latencyMs)).toEqual([1, 14.5, 14.5, 15])
    // Deadline 15 ms: only latencies above it violate, so 15 itself does not.
    expect(f.options.map((o) => o.violatesDeadline)).toEqual([false, false, false, false])
  })

  it('counts hops on the first candidate path', () => {
    const f = inst.flows[1]! // dispatch CC→GW2: 1 hop
    // d3: 1 + 10 + 2 · 1 = 13
    expect(f.options[3]?.latencyMs).toBe(13)
  })

  it('flags options whose latency exceeds the deadline', () => {
    const d = doc()
    d.processes[0].deadlineMs = 14
    const f = buildInstance(valid(d)).flows[0]!
    expect(f.options.map((o) => o.violatesDeadline)).toEqual([false, true, true, true])
  })

  it('minOption removes every option listed before it', () => {
    const metering = inst.flows.filter((f) => f.processId === 'metering')
    expect(metering).toHaveLength(2)
    for (const f of metering) {
      expect(f.options.map((o) => o.id)).toEqual(['m1', 'm2'])
      expect(f.options.map((o) => o.processOptionIndex)).toEqual([1, 2])
    }
  })

  it('minOption on the first or last option keeps all or only the last', () => {
    const first = doc()
    first.processes[1].minOption = 'm0'
    expect(buildInstance(valid(first)).flows[2]?.options.map((o) => o.id)).toEqual([
      'm0',
      'm1',
      'm2',
    ])
    const last = doc()
    last.processes[0].minOption = 'd3'
    const f = buildInstance(valid(last)).flows[0]!
    expect(f.options.map((o) => o.id)).toEqual(['d3'])
    expect(f.options[0]?.processOptionIndex).toBe(3)
  })
})

describe('buildInstance: flows, attempts and impact', () => {
  const s = valid(doc())
  const inst = buildInstance(s)

  it('derives messages per slot and impact per flow', () => {
    // 6 and 720·15/3600 = 3 msg/s over 900 s; metering 60·30/3600 = 0.5 and 0.25 msg/s.
    const perSlot = inst.flows.map((f) => f.messagesPerSlot)
    ;[5400, 2700, 450, 225].forEach((v, i) => expect(perSlot[i]).toBeCloseTo(v, 9))
    // dispatch: 1000 + 200 · 0.15 = 1030 and 1000 + 200 · 3 = 1600; metering: 100.
    const impact = inst.flows.map((f) => f.impactEur)
    ;[1030, 1600, 100, 100].forEach((v, i) => expect(impact[i]).toBeCloseTo(v, 9))
    expect(inst.flows.map((f) => f.slaPenaltyEur)).toEqual([0.5, 0.5, 0, 0])
  })

  it('shares attempts by message rate and they sum to the process attempts', () => {
    // dispatch: 12/h · 0.25 h = 3 per slot, ×4 in slots 1 and 2 → [3, 12, 12, 3];
    // rates 6 : 3 → flows get 2/3 and 1/3.
    const [a, b] = inst.flows
    ;[2, 8, 8, 2].forEach((v, t) => expect(a?.attempts[t]).toBeCloseTo(v, 12))
    ;[1, 4, 4, 1].forEach((v, t) => expect(b?.attempts[t]).toBeCloseTo(v, 12))
    for (const [pi, process] of s.processes.entries()) {
      const total = processAttempts(s, process)
      const flows = inst.flows.filter((f) => f.flow.processIndex === pi)
      total.forEach((v, t) => {
        const sum = flows.reduce((acc, f) => acc + f.attempts[t]!, 0)
        expect(sum).toBeCloseTo(v, 12)
      })
    }
  })

  it('attempts still sum to the process total on a noisy realised day', () => {
    const day = buildInstance(s, 4)
    for (const [pi, process] of s.processes.entries()) {
      const total = processAttempts(s, process, 4)
      const flows = day.flows.filter((f) => f.flow.processIndex === pi)
      total.forEach((v, t) => {
        expect(flows.reduce((acc, f) => acc + f.attempts[t]!, 0)).toBeCloseTo(v, 9)
      })
    }
  })
})

describe('buildInstance: forecast versus realised day', () => {
  it('a realised day with both sigmas at 0 is the forecast exactly', () => {
    const d = doc()
    d.uncertainty = { yieldSigma: 0, attackSigma: 0 }
    const s = valid(d)
    const forecast = buildInstance(s)
    const day = buildInstance(s, 5)
    expect(day.day).toBe(5)
    expect({ ...day, day: undefined }).toEqual(forecast)
  })

  it('a noisy realised day changes only supply and attempts, reproducibly', () => {
    const s = valid(doc())
    const forecast = buildInstance(s)
    const day1 = buildInstance(s, 1)
    expect(day1.day).toBe(1)
    expect(buildInstance(s, 1)).toEqual(day1)
    expect(buildInstance(s, 2).links[0]?.supplyBps).not.toEqual(day1.links[0]?.supplyBps)
    day1.links.forEach((l, e) => {
      expect(l.supplyBps).not.toEqual(forecast.links[e]?.supplyBps)
      expect(l.rateBps).toBe(forecast.links[e]?.rateBps)
      expect(l.bufferBits).toBe(forecast.links[e]?.bufferBits)
    })
    day1.flows.forEach((f, k) => {
      const g = forecast.flows[k]!
      expect(f.attempts).not.toEqual(g.attempts)
      expect(f.options).toEqual(g.options)
      expect(f.paths).toEqual(g.paths)
      expect(f.messagesPerSlot).toBe(g.messagesPerSlot)
      expect(f.impactEur).toBe(g.impactEur)
    })
  })

  it('day 0 is a realised day, not the forecast', () => {
    const s = valid(doc())
    const day0 = buildInstance(s, 0)
    expect(day0.day).toBe(0)
    expect(day0.links[0]?.supplyBps).not.toEqual(buildInstance(s).links[0]?.supplyBps)
  })
})

describe('optionCostEur and holdCostEur', () => {
  it('price risk as attempts · impact · bound plus weighted SLA penalties', () => {
    const d = doc()
    d.processes[0].deadlineMs = 14
    const inst = buildInstance(valid(d))
    const f = inst.flows[0]!
    // Slot 1: 8 attempts · 1030 Eur · 1e-3 = 8.24 Eur for classical (meets its deadline).
    expect(optionCostEur(inst, f, f.options[0]!, 1)).toBeCloseTo(8.24, 9)
    // aes-refresh misses the 14 ms deadline: 8 · 1030 · 1e-6 + 2 · 5400 · 0.5 = 0.00824 + 5400
    expect(optionCostEur(inst, f, f.options[1]!, 1)).toBeCloseTo(5400.00824, 6)
    // Holding every message: 2 · 5400 · 0.5 = 5400
    expect(holdCostEur(inst, f)).toBeCloseTo(5400, 9)
  })
})
