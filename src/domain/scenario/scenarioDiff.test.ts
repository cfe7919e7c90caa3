import { describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from './builtins/index.ts'
import { diffScenarios } from './scenarioDiff.ts'
import type { Scenario } from './types.ts'
import { validateScenario } from '../derive/validateScenario.ts'

const load = (name: keyof typeof BUILTIN_SCENARIOS): Scenario => {
  const result = validateScenario(BUILTIN_SCENARIOS[name]())
  if (!result.ok) throw new Error('built-in does not validate')
  return result.scenario
}

/** A deep copy through JSON (the domain has no structuredClone). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

describe('diffScenarios', () => {
  it('finds nothing between a scenario and its copy', () => {
    const a = load('representative')
    expect(diffScenarios(a, copy(a))).toEqual([])
  })

  it('names a changed field by its validator-style path with both values', () => {
    const a = load('representative')
    const b = copy(a)
    b.qkd.vppShare = 0.02
    const link = b.qkd.links[2]!
    link.bufferBits += 1000
    expect(diffScenarios(a, b)).toEqual([
      {
        path: 'qkd.links[2].bufferBits',
        kind: 'changed',
        a: a.qkd.links[2]!.bufferBits,
        b: link.bufferBits,
      },
      { path: 'qkd.vppShare', kind: 'changed', a: a.qkd.vppShare, b: 0.02 },
    ])
  })

  it('reports an optional key set in B as added and cleared in B as removed', () => {
    const a = load('representative')
    a.qkd.links[1]!.keyRateBps = 900
    const b = copy(a)
    delete b.qkd.links[1]!.keyRateBps
    b.qkd.links[0]!.keyRateBps = 1234
    expect(diffScenarios(a, b)).toEqual([
      { path: 'qkd.links[0].keyRateBps', kind: 'added', a: undefined, b: 1234 },
      { path: 'qkd.links[1].keyRateBps', kind: 'removed', a: 900, b: undefined },
    ])
  })

  it('matches items by id, so inserting a link marks only that link', () => {
    const a = load('representative')
    const b = copy(a)
    const inserted = { ...copy(a.qkd.links[0]!), id: 'NEW-LINK' }
    b.qkd.links.splice(1, 0, inserted)
    expect(diffScenarios(a, b)).toEqual([
      { path: 'qkd.links[1]', kind: 'added', a: undefined, b: inserted },
    ])
  })

  it('names a changed item by its index in A and a removed item likewise', () => {
    const a = load('representative')
    const b = copy(a)
    const removed = b.qkd.links.splice(0, 1)[0]
    b.qkd.links[0]!.lengthKm += 5 // was links[1] in A
    expect(diffScenarios(a, b)).toEqual([
      { path: 'qkd.links[0]', kind: 'removed', a: removed, b: undefined },
      {
        path: 'qkd.links[1].lengthKm',
        kind: 'changed',
        a: a.qkd.links[1]!.lengthKm,
        b: a.qkd.links[1]!.lengthKm + 5,
      },
    ])
  })

  it('reports a new order of the same items once, with the ids in each order', () => {
    const a = load('representative')
    const b = copy(a)
    b.processes.reverse()
    const ids = a.processes.map((p) => p.id)
    expect(diffScenarios(a, b)).toEqual([
      { path: 'processes', kind: 'reordered', a: ids, b: [...ids].reverse() },
    ])
  })

  it('compares arrays without ids by position, with extra items added or removed', () => {
    expect(diffScenarios({ xs: [1, 2, 3] }, { xs: [1, 5] })).toEqual([
      { path: 'xs[1]', kind: 'changed', a: 2, b: 5 },
      { path: 'xs[2]', kind: 'removed', a: 3, b: undefined },
    ])
    expect(diffScenarios({ xs: [1] }, { xs: [1, 7] })).toEqual([
      { path: 'xs[1]', kind: 'added', a: undefined, b: 7 },
    ])
  })

  it('falls back to positions when ids repeat or are missing', () => {
    const a = {
      ps: [
        { id: 'x', v: 1 },
        { id: 'x', v: 2 },
      ],
    }
    const b = {
      ps: [
        { id: 'x', v: 1 },
        { id: 'x', v: 3 },
      ],
    }
    expect(diffScenarios(a, b)).toEqual([{ path: 'ps[1].v', kind: 'changed', a: 2, b: 3 }])
  })

  it('reports a change of type as one changed field, and quotes odd keys like the validator', () => {
    expect(diffScenarios({ links: 'all' }, { links: ['L1'] })).toEqual([
      { path: 'links', kind: 'changed', a: 'all', b: ['L1'] },
    ])
    expect(diffScenarios({ 'odd key': 1 }, { 'odd key': 2 })).toEqual([
      { path: '["odd key"]', kind: 'changed', a: 1, b: 2 },
    ])
    expect(diffScenarios(1, 2)).toEqual([{ path: '(root)', kind: 'changed', a: 1, b: 2 }])
  })

  it('lists every field that differs between two different built-ins, each exactly once', () => {
    const a = load('representative')
    const b = load('tiny')
    const diff = diffScenarios(a, b)
    const paths = diff.map((d) => d.path)
    // A removed item and an added one may share an index (A's and B's); with the kind, unique.
    expect(new Set(diff.map((d) => `${d.kind} ${d.path}`)).size).toBe(diff.length)
    expect(paths).toContain('name')
    // Applying the reported values to A's top-level fields gives B's.
    for (const key of Object.keys(b) as Array<keyof Scenario>) {
      const touched = paths.some(
        (p) => p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`),
      )
      expect(touched, key).toBe(JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    }
  })
})
