import { describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from './builtins/index.ts'
import { applyThreatPreset, THREAT_PRESETS, type ThreatPreset } from './threatPresets.ts'
import { validateScenario } from '../derive/validateScenario.ts'
import type { Scenario } from './types.ts'

const load = (name: keyof typeof BUILTIN_SCENARIOS): Scenario => {
  const result = validateScenario(BUILTIN_SCENARIOS[name]())
  if (!result.ok) throw new Error('built-in does not validate')
  return result.scenario
}

describe('threat presets', () => {
  it.each(Object.keys(THREAT_PRESETS) as ThreatPreset[])(
    '%s keeps every built-in valid and its network unchanged',
    (preset) => {
      for (const name of ['representative', 'tiny', 'large'] as const) {
        const base = load(name)
        const next = applyThreatPreset(base, preset)
        expect(validateScenario(next).ok, `${preset} on ${name}`).toBe(true)
        expect(next.qkd).toEqual(base.qkd)
        expect(next.processes).toEqual(base.processes)
      }
    },
  )

  it('baseline removes every window and shock', () => {
    const next = applyThreatPreset(load('representative'), 'baseline')
    expect(next.threat.windows).toEqual([])
    expect(next.shocks).toEqual([])
  })

  it('coordinated attack places three campaigns 30 minutes apart (15-minute slots)', () => {
    const next = applyThreatPreset(load('representative'), 'coordinated')
    expect(next.threat.windows.map((w) => [w.startSlot, w.endSlot])).toEqual([
      [32, 36],
      [38, 42],
      [44, 48],
    ])
    expect(next.threat.windows[0]?.processes).toEqual(['bidding', 'dispatch'])
  })

  it('long outage cuts the shortest control-centre link from 10:00 to 16:00', () => {
    const next = applyThreatPreset(load('representative'), 'long-outage')
    expect(next.shocks).toEqual([
      { label: 'Fibre outage on CC-DSO', startSlot: 40, endSlot: 64, links: ['CC-DSO'], factor: 0 },
    ])
    // The attack windows are left as they were.
    expect(next.threat.windows).toEqual(load('representative').threat.windows)
  })
})
