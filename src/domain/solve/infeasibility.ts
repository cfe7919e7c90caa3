/**
 * Infeasibility in domain words: the solver's irreducible infeasible subsystem (IIS) mapped back to
 * links, processes and slots, so a user reads "link CC-RS2 cannot carry the key dispatch needs in
 * slots 64–65" instead of row numbers.
 */
import type { Model } from 'highs'
import type { Instance, OptionData } from '../derive/instance.ts'
import type { OracleModel } from '../model/buildOracleModel.ts'
import type { InfeasibilityFix } from './fixes.ts'

export interface Infeasibility {
  /** Link ids whose key balance or store bounds are in the conflict. */
  links: string[]
  /** Process ids whose flows are in the conflict. */
  processes: string[]
  /** Flow ids in the conflict. */
  flows: string[]
  /** Slots (0-based) in the conflict. */
  slots: number[]
  /** One sentence per conflicting element, in domain words. */
  messages: string[]
  /** Whether the solver proved the subsystem irreducible (false: a best-effort candidate set). */
  proven: boolean
  /**
   * Changes known to make the scenario feasible, each checked by a solve (see fixes.ts); set by
   * the report layer, which also closes `messages` with them.
   */
  fixes?: InfeasibilityFix[]
}

type Member =
  | { kind: 'balance' | 'store'; link: number; slot: number }
  | { kind: 'assign' | 'split' | 'option' | 'hold' | 'path'; flow: number; slot: number }

/** Locates which constraint a row index belongs to. */
function rowMember(built: OracleModel, instance: Instance, row: number): Member | undefined {
  const { layout } = built
  const T = instance.slots
  for (let e = 0; e < instance.links.length; e++) {
    const b = layout.balanceBase[e] as number
    if (b >= 0 && row >= b && row < b + T) return { kind: 'balance', link: e, slot: row - b }
    if (row === layout.terminalRow[e]) return { kind: 'store', link: e, slot: T - 1 }
  }
  for (let k = 0; k < instance.flows.length; k++) {
    const a = layout.assignBase[k] as number
    if (row >= a && row < a + T) return { kind: 'assign', flow: k, slot: row - a }
    const s = layout.splitBase[k] as number
    if (s >= 0 && row >= s && row < s + T) return { kind: 'split', flow: k, slot: row - s }
  }
  return undefined
}

/** Locates which variable a column index belongs to. */
function colMember(built: OracleModel, instance: Instance, col: number): Member | undefined {
  const { layout } = built
  const T = instance.slots
  for (let e = 0; e < instance.links.length; e++) {
    const b = layout.sBase[e] as number
    if (b >= 0 && col >= b && col < b + T) return { kind: 'store', link: e, slot: col - b }
    if (col === layout.terminalCol[e]) return { kind: 'store', link: e, slot: T - 1 }
  }
  for (let k = 0; k < instance.flows.length; k++) {
    const nO = instance.flows[k]?.options.length ?? 0
    const x = layout.xBase[k] as number
    if (col >= x && col < x + T * nO)
      return { kind: 'option', flow: k, slot: Math.floor((col - x) / nO) }
    const h = layout.hBase[k] as number
    if (h >= 0 && col >= h && col < h + T) return { kind: 'hold', flow: k, slot: col - h }
    const z = layout.zBase[k] as number
    const nP = instance.flows[k]?.paths.length ?? 1
    if (z >= 0 && col >= z && col < z + T * nP)
      return { kind: 'path', flow: k, slot: Math.floor((col - z) / nP) }
  }
  return undefined
}

/** Clock time of the start of a slot, `hh:mm` (day-relative; wraps past 24 h). */
export function slotClock(slot: number, slotSeconds: number): string {
  const minutes = Math.round((slot * slotSeconds) / 60) % (24 * 60)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** Slot ranges with their clock times, e.g. "64–67 (16:00–17:00)". */
function slotText(slots: readonly number[], slotSeconds: number): string {
  const sorted = [...new Set(slots)].sort((a, b) => a - b)
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  if (first === undefined || last === undefined) return ''
  return `${slotRanges(sorted)} (${slotClock(first, slotSeconds)}–${slotClock(last + 1, slotSeconds)})`
}

/** Compresses sorted slots into ranges such as "12–15, 40". */
export function slotRanges(slots: readonly number[]): string {
  const sorted = [...new Set(slots)].sort((a, b) => a - b)
  const parts: string[] = []
  let i = 0
  while (i < sorted.length) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`)
    i = j + 1
  }
  return parts.join(', ')
}

/** Asks HiGHS for an IIS and describes it; falls back to a generic account when none is found. */
export function explainInfeasibility(
  model: Model,
  instance: Instance,
  built: OracleModel,
): Infeasibility {
  let members: Member[] = []
  let proven = false
  try {
    // The light strategy often returns nothing on this model; row priority finds the key-balance
    // rows, which are what a user can act on.
    model.options.set({ iis_strategy: 6 })
    const iis = model.getIis()
    for (const r of iis.rowIndex) {
      const m = rowMember(built, instance, r)
      if (m !== undefined) members.push(m)
    }
    for (const c of iis.colIndex) {
      const m = colMember(built, instance, c)
      if (m !== undefined) members.push(m)
    }
    proven = members.length > 0
  } catch {
    members = []
  }
  return describeMembers(instance, members, proven)
}

function describeMembers(
  instance: Instance,
  members: readonly Member[],
  proven: boolean,
): Infeasibility {
  const linkSlots = new Map<number, number[]>()
  const flowSlots = new Map<number, number[]>()
  const storeLinks = new Set<number>()
  for (const m of members) {
    if ('link' in m) {
      linkSlots.set(m.link, [...(linkSlots.get(m.link) ?? []), m.slot])
      if (m.kind === 'store') storeLinks.add(m.link)
    } else {
      flowSlots.set(m.flow, [...(flowSlots.get(m.flow) ?? []), m.slot])
    }
  }
  const links = [...linkSlots.keys()].map((e) => instance.links[e]?.id ?? `#${e}`)
  const flows = [...flowSlots.keys()].map((k) => instance.flows[k]?.flow.id ?? `#${k}`)
  const processes = [
    ...new Set([...flowSlots.keys()].map((k) => instance.flows[k]?.processId ?? '')),
  ].filter((p) => p !== '')
  const slots = [...new Set(members.map((m) => m.slot))].sort((a, b) => a - b)
  const messages: string[] = []
  for (const [e, s] of linkSlots) {
    const link = instance.links[e]
    if (link === undefined) continue
    const supplyKbps = (Math.min(...s.map((t) => link.supplyBps[t] ?? 0)) / 1000).toFixed(2)
    const storeNote = storeLinks.has(e)
      ? ` and its store must stay between the reserve (${(link.reserveBits / 1e6).toFixed(2)} Mbit) and the buffer (${(link.bufferBits / 1e6).toFixed(2)} Mbit)`
      : ''
    messages.push(
      `Link ${link.id} (${link.a}–${link.b}) cannot supply enough key in slots ${slotText(s, instance.slotSeconds)}: its VPP supply is as low as ${supplyKbps} kb/s${storeNote}.`,
    )
  }
  for (const [k, s] of flowSlots) {
    const f = instance.flows[k]
    if (f === undefined) continue
    // A flow that may go without key cannot be what breaks feasibility; the IIS only lists it
    // because its assignment row touches the conflicting columns.
    const cheapest = f.options.reduce<OptionData | undefined>(
      (best, o) => (best === undefined || o.keyBps < best.keyBps ? o : best),
      undefined,
    )
    if (cheapest === undefined || cheapest.keyBps <= 0) continue
    const needKbps = (cheapest.keyBps / 1000).toFixed(2)
    const holdNote = instance.holdAllowed
      ? ''
      : ' and holding messages is not allowed (policy.holdAllowed is false)'
    messages.push(
      `Process ${f.processId}, flow ${f.flow.from} -> ${f.flow.to}, needs at least ${needKbps} kb/s of key in slots ${slotText(s, instance.slotSeconds)} even with its cheapest allowed option "${cheapest.id}"${holdNote}.`,
    )
  }
  return { links, processes, flows, slots, messages, proven }
}
