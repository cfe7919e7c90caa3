/**
 * Key supply (MODEL.md §3, §8): the rate model, shocks over `startSlot ≤ t < endSlot` that
 * multiply where they overlap, and seeded yield noise on a realised day.
 */
import { describe, expect, it } from 'vitest'
import type { QkdLink, Scenario } from '../scenario/types.ts'
import { validateScenario } from './validateScenario.ts'
import { linkKeyRateBps, linkSupplyBps, shockFactors } from './supply.ts'

function valid(doc: unknown): Scenario {
  const result = validateScenario(doc)
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
  return result.scenario
}

function link(lengthKm: number, keyRateBps?: number): QkdLink {
  return {
    id: 'L',
    a: 'A',
    b: 'B',
    lengthKm,
    ...(keyRateBps === undefined ? {} : { keyRateBps }),
    bufferBits: 1e6,
    initialBufferBits: 5e5,
    reserveFraction: 0,
  }
}

/** CC -L1- GW (keyRateBps 1e5), CC -L2- GW2 (rate model, 50 km), GW -L3- GW2; 10 slots. */
function doc(): any {
  return {
    format: 'qkd-vpp-scenario',
    seed: 11,
    horizon: { slots: 10, slotMinutes: 15 },
    qkd: {
      nodes: [
        { id: 'CC', role: 'control' },
        { id: 'GW', role: 'aggregator' },
        { id: 'GW2', role: 'aggregator' },
      ],
      links: [
        { id: 'L1', a: 'CC', b: 'GW', lengthKm: 10, keyRateBps: 1e5 },
        { id: 'L2', a: 'CC', b: 'GW2', lengthKm: 50 },
        { id: 'L3', a: 'GW', b: 'GW2', lengthKm: 5 },
      ],
      vppShare: 0.02,
    },
    processes: [
      {
        id: 'p',
        endpoints: 'control->gateways',
        messagesPerHour: 10,
        messageBytes: 100,
        deadlineMs: 500,
        impactEur: 10,
        attacksPerHour: 1,
        options: [{ id: 'c', kind: 'classical' }],
      },
    ],
    shocks: [
      { label: 'A', startSlot: 2, endSlot: 5, links: ['L1'], factor: 0.5 },
      { label: 'B', startSlot: 4, endSlot: 7, links: 'all', factor: 0.2 },
      { label: 'C', startSlot: 9, endSlot: 10, links: ['L2', 'L3'], factor: 0 },
    ],
    uncertainty: { yieldSigma: 0.3, attackSigma: 0 },
  }
}

describe('linkKeyRateBps', () => {
  const model = { r0Bps: 4e6, lossDbPerKm: 0.2 }

  it('follows R = r0 · 10^(−loss·km/10)', () => {
    // 0 km: r0 = 4e6
    expect(linkKeyRateBps(link(0), model)).toBe(4e6)
    // 50 km · 0.2 dB/km = 10 dB → 4e6 · 10^-1 = 4e5
    expect(linkKeyRateBps(link(50), model)).toBeCloseTo(4e5, 6)
    // 100 km · 0.3 dB/km = 30 dB → 4e6 · 10^-3 = 4000
    expect(linkKeyRateBps(link(100), { r0Bps: 4e6, lossDbPerKm: 0.3 })).toBeCloseTo(4000, 8)
    // 15 km · 0.2 = 3 dB → 4e6 · 10^-0.3 = 4e6 · 0.501187… = 2004748.7…
    expect(linkKeyRateBps(link(15), model)).toBeCloseTo(4e6 * 0.5011872336272722, 4)
    // no loss: r0 whatever the length
    expect(linkKeyRateBps(link(300), { r0Bps: 1e6, lossDbPerKm: 0 })).toBe(1e6)
  })

  it('falls off 10× every 10 dB', () => {
    const a = linkKeyRateBps(link(20), model)
    const b = linkKeyRateBps(link(70), model)
    // 50 km more at 0.2 dB/km = 10 dB less → one tenth.
    expect(b / a).toBeCloseTo(0.1, 12)
  })

  it('a measured keyRateBps overrides the model', () => {
    expect(linkKeyRateBps(link(50, 1234), model)).toBe(1234)
    expect(linkKeyRateBps(link(0, 0), model)).toBe(0)
  })
})

describe('shockFactors', () => {
  const s = valid(doc())

  it('covers startSlot ≤ t < endSlot and multiplies overlapping shocks', () => {
    // L1: A (0.5) on 2..4, B (0.2) on 4..6; slot 4 has both: 0.5 · 0.2 = 0.1
    const l1 = shockFactors(s, 'L1')
    expect(l1).toHaveLength(10)
    const expected = [1, 1, 0.5, 0.5, 0.1, 0.2, 0.2, 1, 1, 1]
    l1.forEach((f, t) => expect(f).toBeCloseTo(expected[t]!, 15))
  })

  it('applies `all` shocks to every link and listed shocks only to theirs', () => {
    // L2: B on 4..6, C (outage) on 9
    expect(shockFactors(s, 'L2')).toEqual([1, 1, 1, 1, 0.2, 0.2, 0.2, 1, 1, 0])
    expect(shockFactors(s, 'L3')).toEqual([1, 1, 1, 1, 0.2, 0.2, 0.2, 1, 1, 0])
    // An id no shock lists still gets the `all` shock.
    expect(shockFactors(s, 'other')).toEqual([1, 1, 1, 1, 0.2, 0.2, 0.2, 1, 1, 1])
  })

  it('is all ones without shocks', () => {
    const d = doc()
    d.shocks = []
    expect(shockFactors(valid(d), 'L1')).toEqual(new Array(10).fill(1))
  })

  it('multiplies two shocks over the very same slots', () => {
    const d = doc()
    d.shocks = [
      { startSlot: 0, endSlot: 1, links: ['L1'], factor: 0.5 },
      { startSlot: 0, endSlot: 1, links: ['L1'], factor: 0.5 },
      { startSlot: 0, endSlot: 1, links: 'all', factor: 2 },
    ]
    // 0.5 · 0.5 · 2 = 0.5
    expect(shockFactors(valid(d), 'L1')[0]).toBeCloseTo(0.5, 15)
  })
})

describe('linkSupplyBps', () => {
  it('forecast supply is vppShare · R · shock factor', () => {
    const s = valid(doc())
    const [l1, l2] = s.qkd.links
    // L1: 0.02 · 1e5 = 2000 bits/s before shocks.
    const f1 = linkSupplyBps(s, l1!)
    const expected1 = [2000, 2000, 1000, 1000, 200, 400, 400, 2000, 2000, 2000]
    f1.forEach((v, t) => expect(v).toBeCloseTo(expected1[t]!, 9))
    // L2: 0.02 · 4e6 · 10^-1 = 8000 bits/s; outage in slot 9.
    const f2 = linkSupplyBps(s, l2!)
    const expected2 = [8000, 8000, 8000, 8000, 1600, 1600, 1600, 8000, 8000, 0]
    f2.forEach((v, t) => expect(v).toBeCloseTo(expected2[t]!, 6))
  })

  it('the realised day equals the forecast exactly when yieldSigma = 0', () => {
    const d = doc()
    d.uncertainty.yieldSigma = 0
    const s = valid(d)
    for (const l of s.qkd.links) {
      expect(linkSupplyBps(s, l, 0)).toEqual(linkSupplyBps(s, l))
      expect(linkSupplyBps(s, l, 7)).toEqual(linkSupplyBps(s, l))
    }
  })

  it('the realised day is noisy, positive, reproducible and keeps outages at zero', () => {
    const s = valid(doc())
    const l2 = s.qkd.links[1]!
    const forecast = linkSupplyBps(s, l2)
    const day3 = linkSupplyBps(s, l2, 3)
    expect(linkSupplyBps(s, l2, 3)).toEqual(day3)
    expect(day3).not.toEqual(forecast)
    // Outage stays an outage; every other slot stays positive.
    expect(day3[9]).toBe(0)
    for (let t = 0; t < 9; t++) expect(day3[t]).toBeGreaterThan(0)
    // The noise multiplies: the shape of the shock is kept up to the noise.
    const ratios = day3.slice(0, 9).map((v, t) => v / forecast[t]!)
    expect(new Set(ratios.map((r) => r.toFixed(9))).size).toBeGreaterThan(1)
  })

  it('differs between days, seeds and links', () => {
    const s = valid(doc())
    const l1 = s.qkd.links[0]!
    const l3 = s.qkd.links[2]!
    expect(linkSupplyBps(s, l1, 1)).not.toEqual(linkSupplyBps(s, l1, 2))
    const reseeded = valid({ ...doc(), seed: 12 })
    expect(linkSupplyBps(reseeded, l1, 1)).not.toEqual(linkSupplyBps(s, l1, 1))
    // L1 and L3 have different base rates; compare their noise factors instead.
    const n1 = linkSupplyBps(s, l1, 1).map((v, t) => v / linkSupplyBps(s, l1)[t]!)
    const n3 = linkSupplyBps(s, l3, 1).map((v, t) => v / linkSupplyBps(s, l3)[t]!)
    expect(n1.slice(0, 4)).not.toEqual(n3.slice(0, 4))
  })

  it('adding another link leaves the noise of existing links unchanged', () => {
    const s = valid(doc())
    const d = doc()
    d.qkd.nodes.push({ id: 'R', role: 'relay' })
    d.qkd.links.unshift({ id: 'CC-R', a: 'CC', b: 'R', lengthKm: 3 })
    const bigger = valid(d)
    const l1 = s.qkd.links[0]!
    const l1Again = bigger.qkd.links.find((l) => l.id === 'L1')!
    expect(linkSupplyBps(bigger, l1Again, 4)).toEqual(linkSupplyBps(s, l1, 4))
  })
})
