/**
 * Threat presets: replace a scenario's attack windows and key-yield shocks with a named pattern,
 * keeping its network, fleet and processes. Times are given in hours and mapped onto the
 * scenario's own slots, so a preset works for any horizon.
 */
import type { AttackWindow, Scenario, Shock } from './types.ts'

export const THREAT_PRESETS = {
  baseline: 'Baseline: no attack campaigns, no key-yield shocks',
  coordinated: 'Coordinated attack: three campaigns 30 minutes apart on different processes',
  'long-outage': 'Long fibre outage: the busiest control-centre link down for six hours',
} as const

export type ThreatPreset = keyof typeof THREAT_PRESETS

export function isThreatPreset(name: string): name is ThreatPreset {
  return Object.hasOwn(THREAT_PRESETS, name)
}

function slotAt(scenario: Scenario, hour: number): number {
  const slot = Math.round((hour * 60) / scenario.horizon.slotMinutes)
  return Math.max(0, Math.min(scenario.horizon.slots, slot))
}

function window(
  scenario: Scenario,
  label: string,
  from: number,
  to: number,
  multiplier: number,
  processes?: string[],
): AttackWindow[] {
  const startSlot = slotAt(scenario, from)
  const endSlot = Math.max(startSlot + 1, slotAt(scenario, to))
  if (startSlot >= scenario.horizon.slots || endSlot > scenario.horizon.slots) return []
  const w: AttackWindow = { label, startSlot, endSlot, multiplier }
  if (processes !== undefined && processes.length > 0) w.processes = processes
  return [w]
}

/** The shortest link at the control node: the highest-rate trunk, which most flows cross. */
function busiestControlLink(scenario: Scenario): string | undefined {
  const control = scenario.qkd.nodes.find((n) => n.role === 'control')?.id
  const atControl = scenario.qkd.links.filter((l) => l.a === control || l.b === control)
  return [...atControl].sort((x, y) => x.lengthKm - y.lengthKm)[0]?.id
}

/** A copy of `scenario` with the preset's windows and shocks. */
export function applyThreatPreset(scenario: Scenario, preset: ThreatPreset): Scenario {
  // A JSON copy: the domain compiles without DOM or Node types, which is where structuredClone lives.
  const next = JSON.parse(JSON.stringify(scenario)) as Scenario
  const ids = scenario.processes.map((p) => p.id)
  let windows: AttackWindow[] = []
  let shocks: Shock[] = []
  if (preset === 'coordinated') {
    // Like the December 2015 attacks on Ukrainian utilities: campaigns about 30 minutes apart.
    windows = [
      ...window(scenario, 'Campaign 1', 8, 9, 10, ids.slice(0, 2)),
      ...window(scenario, 'Campaign 2', 9.5, 10.5, 10, ids.slice(1, 3)),
      ...window(scenario, 'Campaign 3', 11, 12, 10, ids.slice(2)),
    ]
  } else if (preset === 'long-outage') {
    windows = scenario.threat.windows
    const link = busiestControlLink(scenario)
    const startSlot = slotAt(scenario, 10)
    const endSlot = Math.max(startSlot + 1, slotAt(scenario, 16))
    if (link !== undefined && endSlot <= scenario.horizon.slots) {
      shocks = [{ label: `Fibre outage on ${link}`, startSlot, endSlot, links: [link], factor: 0 }]
    }
  }
  next.threat.windows = windows
  next.shocks = shocks
  return next
}
