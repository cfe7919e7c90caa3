import { describe, expect, it } from 'vitest'
import { NODE_ROLES } from '../../domain/scenario/types.ts'
import { issuesOf, testScenario } from './testScenario.ts'
import {
  deleteLink,
  deleteNode,
  freePosition,
  mapCoordinate,
  newLink,
  newNode,
  nodeDeleteBlockers,
  nudge,
  roleChangeBlockers,
  setBuffer,
  uniqueId,
  uniqueLinkId,
} from './topology.ts'

describe('ids', () => {
  it('generates the first free numbered id', () => {
    expect(uniqueId('N', [])).toBe('N1')
    expect(uniqueId('N', ['N1', 'N2', 'N4'])).toBe('N3')
    expect(uniqueId('G', ['N1'])).toBe('G1')
  })
  it('names links after their ends and numbers duplicates', () => {
    expect(uniqueLinkId('A', 'B', ['X'])).toBe('A-B')
    expect(uniqueLinkId('A', 'B', ['A-B', 'A-B-2'])).toBe('A-B-3')
  })
})

describe('positions', () => {
  it('clamps and rounds map coordinates', () => {
    expect(mapCoordinate(-0.2)).toBe(0)
    expect(mapCoordinate(1.7)).toBe(1)
    expect(mapCoordinate(0.123456)).toBe(0.123)
    expect(mapCoordinate(Number.NaN)).toBe(0.5)
  })
  it('moves by 0.02 per arrow key within the map', () => {
    expect(nudge('ArrowRight', { x: 0.5, y: 0.5 })).toEqual({ x: 0.52, y: 0.5 })
    expect(nudge('ArrowUp', { x: 0.5, y: 0.01 })).toEqual({ x: 0.5, y: 0 })
    expect(nudge('Enter', { x: 0.5, y: 0.5 })).toBeUndefined()
  })
  it('places a new node away from the existing ones', () => {
    const p = freePosition([{ x: 0.05, y: 0.05 }])
    expect(p).toEqual({ x: 0.95, y: 0.95 })
    const s = testScenario()
    const q = freePosition(s.qkd.nodes)
    for (const n of s.qkd.nodes) expect(Math.hypot(n.x - q.x, n.y - q.y)).toBeGreaterThan(0.1)
  })
})

describe('node deletion', () => {
  it('refuses the control node, gateways and process endpoints', () => {
    const s = testScenario()
    expect(nodeDeleteBlockers(s, 'CC').join(' ')).toMatch(/control node/)
    expect(nodeDeleteBlockers(s, 'RS1').join(' ')).toMatch(/gateway of DER groups RS1-/)
    expect(nodeDeleteBlockers(s, 'MO').join(' ')).toMatch(
      /endpoint of processes bidding, settlement/,
    )
    expect(nodeDeleteBlockers(s, 'nope')).toEqual(['There is no node "nope"'])
  })
  it('refuses the last aggregator while processes run through gateways', () => {
    const s = testScenario()
    s.fleet.groups = []
    s.qkd.nodes = s.qkd.nodes.filter((n) => n.role !== 'aggregator' || n.id === 'RS4')
    expect(nodeDeleteBlockers(s, 'RS4').join(' ')).toMatch(/last aggregator/)
  })
  it('deletes a free node with its links and their mentions in shocks', () => {
    const s = testScenario()
    s.fleet.groups = s.fleet.groups.filter((g) => g.gateway !== 'RS2')
    expect(nodeDeleteBlockers(s, 'RS2')).toEqual([])
    deleteNode(s, 'RS2')
    expect(s.qkd.nodes.map((n) => n.id)).not.toContain('RS2')
    expect(s.qkd.links.some((l) => l.a === 'RS2' || l.b === 'RS2')).toBe(false)
    const cut = s.shocks.find((sh) => sh.label.startsWith('RS2'))
    expect(cut?.links).toEqual([])
    expect(issuesOf(s)).toEqual([])
  })
})

describe('link edits', () => {
  it('deletes a link and removes it from shocks', () => {
    const s = testScenario()
    deleteLink(s, 'DSO-MO')
    expect(s.qkd.links.map((l) => l.id)).not.toContain('DSO-MO')
    expect(s.shocks[1]?.links).toEqual(['DC-MO'])
    expect(issuesOf(s)).toEqual([])
  })
  it('creates valid links and refuses loops', () => {
    const s = testScenario()
    expect(newLink(s.qkd.links, 'CC', 'CC', 5)).toMatch(/two different nodes/)
    expect(newLink(s.qkd.links, '', 'CC', 5)).toMatch(/both ends/)
    const link = newLink(s.qkd.links, 'CC', 'DSO', 5)
    if (typeof link === 'string') throw new Error(link)
    expect(link.id).toBe('CC-DSO-2')
    s.qkd.links.push(link)
    expect(issuesOf(s)).toEqual([])
  })
  it('keeps the initial store within a changed buffer', () => {
    const s = testScenario()
    const link = s.qkd.links[0]!
    setBuffer(link, 2e6)
    expect(link.initialBufferBits).toBe(1e6)
    link.initialBufferBits = 1.5e6
    setBuffer(link, 1e6)
    expect(link.initialBufferBits).toBe(1e6)
    expect(issuesOf(s)).toEqual([])
  })
  it('adds nodes with unique ids that validate', () => {
    const s = testScenario()
    const a = newNode(s.qkd.nodes, 'relay', '')
    s.qkd.nodes.push(a)
    const b = newNode(s.qkd.nodes, 'aggregator', ' Substation 5 ')
    s.qkd.nodes.push(b)
    expect([a.id, a.label, b.id, b.label]).toEqual(['N1', 'N1', 'N2', 'Substation 5'])
    // A new gateway is only valid once it is connected.
    expect(issuesOf(s).join(' ')).toMatch(/no QKD path/)
    const link = newLink(s.qkd.links, b.id, 'CC', 10)
    if (typeof link === 'string') throw new Error(link)
    s.qkd.links.push(link)
    expect(issuesOf(s)).toEqual([])
  })
})

describe('changing a node role', () => {
  it('keeps the representative day valid whenever it is allowed', () => {
    const base = testScenario()
    for (const node of base.qkd.nodes) {
      for (const role of NODE_ROLES) {
        const s = testScenario()
        if (roleChangeBlockers(s, node.id, role).length > 0) continue
        const target = s.qkd.nodes.find((n) => n.id === node.id)
        if (target !== undefined) target.role = role
        expect(issuesOf(s), `${node.id} as ${role}`).toEqual([])
      }
    }
  })
  it('keeps exactly one control node', () => {
    const s = testScenario()
    expect(roleChangeBlockers(s, 'CC', 'relay').join(' ')).toMatch(/is the control node/)
    expect(roleChangeBlockers(s, 'DSO', 'control').join(' ')).toMatch(/CC is already the control/)
    expect(roleChangeBlockers(s, 'DSO', 'relay')).toEqual([])
    expect(roleChangeBlockers(s, 'CC', 'control')).toEqual([])
    expect(roleChangeBlockers(s, 'nope', 'relay')).toEqual(['There is no node "nope"'])
  })
  it('keeps gateways of DER groups and the last aggregator', () => {
    const s = testScenario()
    expect(roleChangeBlockers(s, 'RS1', 'relay').join(' ')).toMatch(/gateway of DER groups RS1-/)
    s.fleet.groups = []
    s.qkd.nodes = s.qkd.nodes.filter((n) => n.role !== 'aggregator' || n.id === 'RS4')
    expect(roleChangeBlockers(s, 'RS4', 'relay').join(' ')).toMatch(/last aggregator/)
  })
  it('refuses a new gateway with no QKD path to the control node', () => {
    const s = testScenario()
    s.qkd.nodes.push(newNode(s.qkd.nodes, 'relay', 'island'))
    const island = s.qkd.nodes[s.qkd.nodes.length - 1]!.id
    expect(roleChangeBlockers(s, island, 'aggregator').join(' ')).toMatch(/no links join them/)
    expect(roleChangeBlockers(s, island, 'dso')).toEqual([])
  })
})
