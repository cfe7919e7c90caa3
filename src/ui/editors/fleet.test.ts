import { describe, expect, it } from 'vitest'
import { fleetTotals, newGroup } from './fleet.ts'
import { issuesOf, testScenario } from './testScenario.ts'

describe('fleet helpers', () => {
  it('totals sites and MW of the representative fleet', () => {
    const s = testScenario()
    const totals = fleetTotals(s.fleet.groups)
    expect(totals.sites).toBe(200)
    const kw = s.fleet.groups.reduce((sum, g) => sum + g.sites * g.unitKw, 0)
    expect(totals.mw).toBeCloseTo(kw / 1000)
    expect(fleetTotals([])).toEqual({ sites: 0, mw: 0 })
  })
  it('adds a valid group with a unique id behind the first gateway', () => {
    const s = testScenario()
    const g = newGroup(s.fleet.groups, s.qkd.nodes)
    if (typeof g === 'string') throw new Error(g)
    expect(g).toMatchObject({ id: 'G1', gateway: 'RS1' })
    s.fleet.groups.push(g)
    const h = newGroup(s.fleet.groups, s.qkd.nodes)
    expect(typeof h !== 'string' && h.id).toBe('G2')
    expect(issuesOf(s)).toEqual([])
  })
  it('refuses without an aggregator node', () => {
    expect(newGroup([], [{ id: 'CC', label: 'CC', role: 'control', x: 0, y: 0 }])).toMatch(
      /aggregator/,
    )
  })
})
