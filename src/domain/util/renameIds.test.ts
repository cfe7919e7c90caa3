import { describe, expect, it } from 'vitest'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { validateScenario } from '../derive/validateScenario.ts'
import { BUILT_IN_NAMES, renameIds, withBuiltInIds } from './renameIds.ts'

describe('renameIds', () => {
  it('renames an id everywhere it is referenced, and nothing else', () => {
    const doc = renameIds(tinyScenario(), {
      nodes: { R: '__proto__' },
      links: { 'R-GW': 'constructor' },
      processes: { dispatch: 'toString' },
    }) as any
    expect(doc.qkd.nodes.map((n: any) => n.id)).toEqual(['CC', '__proto__', 'GW'])
    expect(doc.qkd.links.map((l: any) => [l.id, l.a, l.b])).toEqual([
      ['CC-R', 'CC', '__proto__'],
      ['constructor', '__proto__', 'GW'],
    ])
    expect(doc.shocks[0].links).toEqual(['constructor'])
    expect(doc.processes.map((p: any) => p.id)).toEqual(['toString', 'metering'])
    expect(doc.qkd.nodes[1].label).toBe('Trusted relay')
    expect(validateScenario(doc).ok).toBe(true)
  })

  it('gives every built-in day valid built-in-name ids', () => {
    for (const make of [tinyScenario, representativeScenario]) {
      const result = validateScenario(withBuiltInIds(make()))
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
      const { qkd, processes } = result.scenario
      for (const ids of [qkd.nodes, qkd.links, processes].map((list) => list.map((x) => x.id)))
        expect(ids).toEqual(ids.map((id, i) => BUILT_IN_NAMES[i] ?? id))
      expect(processes.map((p) => p.id)).toContain('__proto__')
    }
  })
})
