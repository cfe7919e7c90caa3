/**
 * Why messages were late and why risk remained (issue 11, "say why in the plan's own figures").
 * Every late message and every euro of residual risk of an allocation is put under exactly one
 * cause, so the parts add up to the plan's totals:
 *
 * Late messages (`slaViolationsByCause`, messages):
 * - `deadlineUnreachable`: sent under a late option, and no allowed option of the flow meets the
 *   deadline (end-to-end latency = option + key fetch + relay hops; see `unreachableDeadlines`);
 * - `lateByChoice`: sent under a late option although a timely one was allowed (the plan judged
 *   the safer, slower option worth the penalty);
 * - `heldForKey`: held for lack of key while the flow's links were generating key;
 * - `outage`: held while every candidate path of the flow crossed a link with no supply.
 * (A flow no allowed option serves on time counts under `deadlineUnreachable` even when held.)
 *
 * Residual risk (`residualRiskByCause`, Eur):
 * - `floor`: what the strongest allowed option would leave anyway; no key can remove it;
 * - `keyScarcity`: the risk above that floor, outside outages (key was spent elsewhere or was
 *   not there);
 * - `outage`: the risk above the floor while every candidate path crossed a link with no supply.
 */
import type { Allocation } from '../allocation.ts'
import type { FlowData, Instance } from '../derive/instance.ts'
import type { Scenario } from '../scenario/types.ts'

export interface SlaViolationsByCause {
  deadlineUnreachable: number
  lateByChoice: number
  heldForKey: number
  outage: number
}

export interface ResidualRiskByCause {
  floor: number
  keyScarcity: number
  outage: number
}

export interface Causes {
  slaViolationsByCause: SlaViolationsByCause
  residualRiskByCause: ResidualRiskByCause
}

/** Whether every candidate path of flow `f` crosses a link with no supply in slot t. */
export function flowInOutage(instance: Instance, f: FlowData, t: number): boolean {
  return (
    f.paths.length > 0 &&
    f.paths.every((p) => p.links.some((e) => (instance.links[e]?.supplyBps[t] ?? 0) <= 0))
  )
}

/** Splits an allocation's late messages and residual risk by cause (see the module comment). */
export function causesOf(instance: Instance, allocation: Allocation): Causes {
  const sla: SlaViolationsByCause = {
    deadlineUnreachable: 0,
    lateByChoice: 0,
    heldForKey: 0,
    outage: 0,
  }
  const risk: ResidualRiskByCause = { floor: 0, keyScarcity: 0, outage: 0 }
  instance.flows.forEach((f, k) => {
    const shares = allocation.optionShare[k]
    const holds = allocation.holdShare[k]
    const nO = f.options.length
    const unreachable = nO > 0 && f.options.every((o) => o.violatesDeadline)
    const floorBound = Math.min(...f.options.map((o) => o.successBound))
    const keyed = f.options.some((o) => o.keyBps > 0)
    for (let t = 0; t < instance.slots; t++) {
      const out = keyed && flowInOutage(instance, f, t)
      const held = (holds?.[t] ?? 0) * f.messagesPerSlot
      // A flow no option can serve on time is late whatever it does; holding it (no risk, the
      // same penalty) is then the plan's choice, not a shortage of key.
      if (unreachable) sla.deadlineUnreachable += held
      else if (out) sla.outage += held
      else sla.heldForKey += held
      const exposure = (f.attempts[t] ?? 0) * f.impactEur
      f.options.forEach((o, oi) => {
        const x = shares?.[t * nO + oi] ?? 0
        if (x === 0) return
        if (o.violatesDeadline) {
          if (unreachable) sla.deadlineUnreachable += x * f.messagesPerSlot
          else sla.lateByChoice += x * f.messagesPerSlot
        }
        risk.floor += x * exposure * floorBound
        const excess = x * exposure * (o.successBound - floorBound)
        if (out) risk.outage += excess
        else risk.keyScarcity += excess
      })
    }
  })
  return { slaViolationsByCause: sla, residualRiskByCause: risk }
}

/** A process whose deadline no allowed option meets on some flow. */
export interface UnreachableDeadline {
  processId: string
  /** The flow with the slowest best option. */
  flowId: string
  deadlineMs: number
  /** The fastest allowed option on that flow: its id and end-to-end latency, ms. */
  optionId: string
  latencyMs: number
  /** Its parts: the option's own latency, the key fetch and the relay hops, ms. */
  optionMs: number
  keyFetchMs: number
  relayMs: number
  hops: number
}

/**
 * Processes whose deadline no allowed option can meet (every message will be late whatever key
 * there is), with the end-to-end latency of the fastest option. One entry per process, for its
 * worst flow.
 */
export function unreachableDeadlines(
  scenario: Scenario,
  instance: Instance,
): UnreachableDeadline[] {
  const processes = new Map(scenario.processes.map((p) => [p.id, p]))
  const worst = new Map<string, UnreachableDeadline>()
  for (const f of instance.flows) {
    if (f.options.length === 0 || !f.options.every((o) => o.violatesDeadline)) continue
    const fastest = f.options.reduce((a, b) => (b.latencyMs < a.latencyMs ? b : a))
    const process = processes.get(f.processId)
    const hops = f.paths[0]?.links.length ?? 0
    const keyed = fastest.kind !== 'classical'
    const entry: UnreachableDeadline = {
      processId: f.processId,
      flowId: f.flow.id,
      deadlineMs: process?.deadlineMs ?? 0,
      optionId: fastest.id,
      latencyMs: fastest.latencyMs,
      optionMs: process?.options[fastest.processOptionIndex]?.latencyMs ?? fastest.latencyMs,
      keyFetchMs: keyed ? scenario.policy.kmsLatencyMs : 0,
      relayMs: keyed ? scenario.policy.relayLatencyMs * hops : 0,
      hops: keyed ? hops : 0,
    }
    const before = worst.get(f.processId)
    if (before === undefined || entry.latencyMs > before.latencyMs) worst.set(f.processId, entry)
  }
  return [...worst.values()]
}

/** The warning sentence for an unreachable deadline, in domain words. */
export function unreachableDeadlineText(u: UnreachableDeadline): string {
  const parts = [`option ${u.optionMs} ms`]
  if (u.keyFetchMs > 0) parts.push(`key fetch ${u.keyFetchMs} ms`)
  if (u.hops > 0) parts.push(`${u.hops} relay hop${u.hops === 1 ? '' : 's'} ${u.relayMs} ms`)
  return `Process ${u.processId} cannot meet its ${u.deadlineMs} ms deadline with any allowed option: the fastest, "${u.optionId}", takes ${u.latencyMs} ms end to end on ${u.flowId} (${parts.join(' + ')}), so every message is late.`
}
