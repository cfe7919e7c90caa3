/**
 * Flow expansion (MODEL.md §3, §8): gateway endpoints expand over aggregator nodes in file order,
 * fleet-driven rates count the sites behind the flow's gateway, and a flow that touches no
 * gateway has the whole fleet behind it.
 */
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../scenario/types.ts'
import { validateScenario } from './validateScenario.ts'
import { endpointPairs, expandFlows } from './flows.ts'

function valid(doc: unknown): Scenario {
  const result = validateScenario(doc)
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
  return result.scenario
}

const option = [{ id: 'c', kind: 'classical' }]
const processBase = { messageBytes: 100, deadlineMs: 1000, impactEur: 1, attacksPerHour: 1 }

/**
 * Aggregators in file order: GWb, GWa, GWc (not alphabetical, to catch sorting).
 * Fleet: GWb has 30 sites of 5 kW (0.15 MW); GWa has 10 × 250 kW + 5 × 100 kW = 15 sites, 3 MW;
 * GWc has none. Whole fleet: 45 sites, 3.15 MW.
 */
function doc(processes: unknown[]): any {
  return {
    format: 'qkd-vpp-scenario',
    horizon: { slots: 4, slotMinutes: 15 },
    qkd: {
      nodes: [
        { id: 'GWb', role: 'aggregator' },
        { id: 'MO', role: 'market' },
        { id: 'CC', role: 'control' },
        { id: 'GWa', role: 'aggregator' },
        { id: 'DSO', role: 'dso' },
        { id: 'GWc', role: 'aggregator' },
      ],
      links: [
        { id: 'CC-GWb', a: 'CC', b: 'GWb', lengthKm: 10 },
        { id: 'CC-GWa', a: 'CC', b: 'GWa', lengthKm: 10 },
        { id: 'CC-GWc', a: 'CC', b: 'GWc', lengthKm: 10 },
        { id: 'CC-MO', a: 'CC', b: 'MO', lengthKm: 10 },
        { id: 'CC-DSO', a: 'CC', b: 'DSO', lengthKm: 10 },
      ],
    },
    fleet: {
      groups: [
        { id: 'a1', type: 'pv', sites: 10, unitKw: 250, gateway: 'GWa' },
        { id: 'b1', type: 'pv-battery', sites: 30, unitKw: 5, gateway: 'GWb' },
        { id: 'a2', type: 'battery', sites: 5, unitKw: 100, gateway: 'GWa' },
      ],
    },
    processes,
  }
}

describe('expandFlows', () => {
  it('expands control->gateways over the aggregators in file order', () => {
    const s = valid(
      doc([
        {
          ...processBase,
          id: 'dispatch',
          endpoints: 'control->gateways',
          messagesPerSitePerHour: 720,
          options: option,
        },
      ]),
    )
    const flows = expandFlows(s)
    expect(flows.map((f) => [f.from, f.to])).toEqual([
      ['CC', 'GWb'],
      ['CC', 'GWa'],
      ['CC', 'GWc'],
    ])
    expect(flows.map((f) => f.id)).toEqual([
      'dispatch:CC->GWb',
      'dispatch:CC->GWa',
      'dispatch:CC->GWc',
    ])
    expect(flows.every((f) => f.processIndex === 0 && f.processId === 'dispatch')).toBe(true)
    // Sites behind each gateway: 30, 10 + 5 = 15, 0.
    expect(flows.map((f) => f.sites)).toEqual([30, 15, 0])
    // MW: 30·5/1000 = 0.15; 10·250/1000 + 5·100/1000 = 2.5 + 0.5 = 3; 0.
    expect(flows[0]?.capacityMw).toBeCloseTo(0.15, 12)
    expect(flows[1]?.capacityMw).toBeCloseTo(3, 12)
    expect(flows[2]?.capacityMw).toBe(0)
    // 720 msg/site/h: 720·30/3600 = 6; 720·15/3600 = 3; 0 sites → 0 msg/s.
    expect(flows[0]?.messagesPerSecond).toBeCloseTo(6, 12)
    expect(flows[1]?.messagesPerSecond).toBeCloseTo(3, 12)
    expect(flows[2]?.messagesPerSecond).toBe(0)
  })

  it('expands gateways->control in the same order with the directions swapped', () => {
    const s = valid(
      doc([
        {
          ...processBase,
          id: 'metering',
          endpoints: 'gateways->control',
          messagesPerSitePerHour: 36,
          options: option,
        },
      ]),
    )
    const flows = expandFlows(s)
    expect(flows.map((f) => f.id)).toEqual([
      'metering:GWb->CC',
      'metering:GWa->CC',
      'metering:GWc->CC',
    ])
    // 36·30/3600 = 0.3; 36·15/3600 = 0.15.
    expect(flows[0]?.messagesPerSecond).toBeCloseTo(0.3, 12)
    expect(flows[1]?.messagesPerSecond).toBeCloseTo(0.15, 12)
    expect(flows.map((f) => f.sites)).toEqual([30, 15, 0])
  })

  it('gives a fixed-rate flow messagesPerHour / 3600 whatever its gateway', () => {
    const s = valid(
      doc([
        {
          ...processBase,
          id: 'alarms',
          endpoints: 'gateways->control',
          messagesPerHour: 90,
          options: option,
        },
      ]),
    )
    // 90 / 3600 = 0.025 msg/s on each of the three flows, even behind the empty GWc.
    for (const f of expandFlows(s)) expect(f.messagesPerSecond).toBeCloseTo(0.025, 12)
    expect(expandFlows(s).map((f) => f.sites)).toEqual([30, 15, 0])
  })

  it('puts the whole fleet behind a flow that touches no gateway', () => {
    const s = valid(
      doc([
        {
          ...processBase,
          id: 'bidding',
          endpoints: { from: 'CC', to: 'MO' },
          messagesPerHour: 90,
          options: option,
        },
        {
          ...processBase,
          id: 'report',
          endpoints: { from: 'CC', to: 'DSO' },
          messagesPerSitePerHour: 8,
          options: option,
        },
      ]),
    )
    const [bidding, report] = expandFlows(s)
    expect(bidding?.id).toBe('bidding:CC->MO')
    // Whole fleet: 30 + 10 + 5 = 45 sites; 0.15 + 2.5 + 0.5 = 3.15 MW.
    expect(bidding?.sites).toBe(45)
    expect(bidding?.capacityMw).toBeCloseTo(3.15, 12)
    expect(bidding?.messagesPerSecond).toBeCloseTo(90 / 3600, 15)
    // Fleet-driven without a gateway: 8 · 45 / 3600 = 0.1 msg/s.
    expect(report?.processIndex).toBe(1)
    expect(report?.sites).toBe(45)
    expect(report?.messagesPerSecond).toBeCloseTo(0.1, 12)
  })

  it('expands a list of explicit pairs in list order, each with its own fleet', () => {
    const s = valid(
      doc([
        {
          ...processBase,
          id: 'p',
          endpoints: [
            { from: 'GWa', to: 'MO' },
            { from: 'CC', to: 'DSO' },
            { from: 'DSO', to: 'GWb' },
          ],
          messagesPerSitePerHour: 72,
          options: option,
        },
      ]),
    )
    const flows = expandFlows(s)
    expect(flows.map((f) => f.id)).toEqual(['p:GWa->MO', 'p:CC->DSO', 'p:DSO->GWb'])
    // GWa: 72·15/3600 = 0.3; no gateway: 72·45/3600 = 0.9; GWb (as target): 72·30/3600 = 0.6.
    expect(flows.map((f) => f.sites)).toEqual([15, 45, 30])
    expect(flows[0]?.messagesPerSecond).toBeCloseTo(0.3, 12)
    expect(flows[1]?.messagesPerSecond).toBeCloseTo(0.9, 12)
    expect(flows[2]?.messagesPerSecond).toBeCloseTo(0.6, 12)
  })

  it('lists flows in process order, then endpoint order', () => {
    const s = valid(
      doc([
        {
          ...processBase,
          id: 'x',
          endpoints: { from: 'CC', to: 'MO' },
          messagesPerHour: 1,
          options: option,
        },
        {
          ...processBase,
          id: 'y',
          endpoints: 'control->gateways',
          messagesPerHour: 1,
          options: option,
        },
        {
          ...processBase,
          id: 'z',
          endpoints: { from: 'DSO', to: 'CC' },
          messagesPerHour: 1,
          options: option,
        },
      ]),
    )
    const flows = expandFlows(s)
    expect(flows.map((f) => f.id)).toEqual([
      'x:CC->MO',
      'y:CC->GWb',
      'y:CC->GWa',
      'y:CC->GWc',
      'z:DSO->CC',
    ])
    expect(flows.map((f) => f.processIndex)).toEqual([0, 1, 1, 1, 2])
  })

  it('gives zero fleet behind every flow when there are no DER groups', () => {
    const d = doc([
      {
        ...processBase,
        id: 'dispatch',
        endpoints: 'control->gateways',
        messagesPerSitePerHour: 720,
        options: option,
      },
    ])
    d.fleet.groups = []
    for (const f of expandFlows(valid(d))) {
      expect(f.sites).toBe(0)
      expect(f.capacityMw).toBe(0)
      expect(f.messagesPerSecond).toBe(0)
    }
  })
})

describe('endpointPairs', () => {
  it('returns the explicit pair or list unchanged and expands the gateway shorthands', () => {
    const s = valid(
      doc([
        {
          ...processBase,
          id: 'a',
          endpoints: { from: 'CC', to: 'MO' },
          messagesPerHour: 1,
          options: option,
        },
        {
          ...processBase,
          id: 'b',
          endpoints: [
            { from: 'MO', to: 'CC' },
            { from: 'DSO', to: 'CC' },
          ],
          messagesPerHour: 1,
          options: option,
        },
        {
          ...processBase,
          id: 'c',
          endpoints: 'gateways->control',
          messagesPerHour: 1,
          options: option,
        },
      ]),
    )
    const [a, b, c] = s.processes
    expect(endpointPairs(a!, s)).toEqual([{ from: 'CC', to: 'MO' }])
    expect(endpointPairs(b!, s)).toEqual([
      { from: 'MO', to: 'CC' },
      { from: 'DSO', to: 'CC' },
    ])
    expect(endpointPairs(c!, s)).toEqual([
      { from: 'GWb', to: 'CC' },
      { from: 'GWa', to: 'CC' },
      { from: 'GWc', to: 'CC' },
    ])
  })
})
