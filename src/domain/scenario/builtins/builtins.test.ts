/**
 * The built-in scenarios validate and have the sizes the README promises.
 */
import { describe, expect, it } from 'vitest'
import { expandFlows } from '../../derive/flows.ts'
import type { Scenario } from '../types.ts'
import { validateScenario } from '../../derive/validateScenario.ts'
import { BUILTIN_SCENARIOS, isBuiltinName } from './index.ts'
import { largeScenario } from './large.ts'
import { representativeScenario } from './representative.ts'
import { tinyScenario } from './tiny.ts'

function valid(doc: unknown): Scenario {
  const result = validateScenario(doc)
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
  return result.scenario
}

describe('built-in scenarios', () => {
  it.each(Object.entries(BUILTIN_SCENARIOS))('%s validates without issues', (_name, build) => {
    const result = validateScenario(build())
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  it.each(Object.entries(BUILTIN_SCENARIOS))(
    '%s is a fresh copy on every call: editing one leaves the next untouched',
    (_name, build) => {
      const pristine = JSON.stringify(build())
      const edited = build() as { processes: Array<Record<string, unknown>>; shocks: unknown[] }
      for (const process of edited.processes) process.minOption = 'edited'
      edited.shocks.push({ label: 'edited' })
      expect(JSON.stringify(build())).toBe(pristine)
    },
  )

  it('the registry names exactly the three built-ins', () => {
    expect(Object.keys(BUILTIN_SCENARIOS).sort()).toEqual(['large', 'representative', 'tiny'])
    expect(isBuiltinName('tiny')).toBe(true)
    expect(isBuiltinName('representative')).toBe(true)
    expect(isBuiltinName('large')).toBe(true)
    expect(isBuiltinName('huge')).toBe(false)
    // Inherited object keys are not built-ins.
    expect(isBuiltinName('toString')).toBe(false)
    expect(isBuiltinName('constructor')).toBe(false)
  })

  it('each call returns a fresh document that callers may edit', () => {
    for (const build of Object.values(BUILTIN_SCENARIOS)) {
      const first = build()
      const second = build()
      expect(second).toEqual(first)
      expect(second).not.toBe(first)
      ;(first.qkd as { nodes: unknown[] }).nodes.length = 0
      expect((build().qkd as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0)
    }
  })

  it('tiny: at most 3 nodes, 2 processes and 4 slots', () => {
    const s = valid(tinyScenario())
    expect(s.qkd.nodes.length).toBeLessThanOrEqual(3)
    expect(s.processes.length).toBeLessThanOrEqual(2)
    expect(s.horizon.slots).toBeLessThanOrEqual(4)
    expect(s.qkd.nodes.filter((n) => n.role === 'control')).toHaveLength(1)
  })

  it('large: at least 200 flows over 96 slots', () => {
    const s = valid(largeScenario())
    expect(s.horizon.slots).toBe(96)
    // 4 fleet-driven processes × 50 gateways + bidding + archival = 202 flows.
    const flows = expandFlows(s)
    expect(flows.length).toBeGreaterThanOrEqual(200)
    expect(flows).toHaveLength(202)
    expect(new Set(flows.map((f) => f.id)).size).toBe(flows.length)
  })

  it('representative: one day of 96 × 15 min slots and the five business processes', () => {
    const s = valid(representativeScenario())
    expect(s.horizon).toEqual({ slots: 96, slotMinutes: 15 })
    expect(s.processes.map((p) => p.id).sort()).toEqual(
      ['archival', 'bidding', 'dispatch', 'metering', 'settlement'].sort(),
    )
    expect(s.qkd.nodes.filter((n) => n.role === 'control')).toHaveLength(1)
    expect(s.threat.windows.length).toBeGreaterThan(0)
    expect(s.shocks.length).toBeGreaterThan(0)
  })
})
