/**
 * The numeric planning instance: every derived quantity of MODEL.md §3 for one day, in plain arrays.
 * Model building, policies and metrics all read this, never the raw scenario, so they agree on
 * every number.
 */
import type { Scenario } from '../scenario/types.ts'
import { flowAttackShare, flowImpactEur, processAttempts } from './attacks.ts'
import { expandFlows, type Flow } from './flows.ts'
import { PathFinder, type CandidatePath } from './paths.ts'
import { keyCostBps, latencyMs, successBound } from './security.ts'
import { linkKeyRateBps, linkSupplyBps } from './supply.ts'

export interface OptionData {
  id: string
  label: string
  kind: string
  /** Index of the option in the process's full option list. */
  processOptionIndex: number
  /** End-to-end key cost, bits/s. */
  keyBps: number
  /** Residual success bound per attempt. */
  successBound: number
  latencyMs: number
  /** Whether a message under this option misses its deadline. */
  violatesDeadline: boolean
}

export interface FlowData {
  flow: Flow
  processId: string
  /** Candidate paths, best first (at least one for a valid scenario). */
  paths: CandidatePath[]
  /** Allowed options, weakest first (options before `minOption` are removed). */
  options: OptionData[]
  /** Loss per successful attack, Eur. */
  impactEur: number
  /** Penalty per late message, Eur. */
  slaPenaltyEur: number
  /** Messages per slot. */
  messagesPerSlot: number
  /** Attack attempts on this flow per slot. */
  attempts: number[]
}

export interface LinkData {
  id: string
  a: string
  b: string
  /** Full link secret-key rate, bits/s. */
  rateBps: number
  /** The VPP's key supply per slot, bits/s. */
  supplyBps: number[]
  bufferBits: number
  initialBits: number
  reserveBits: number
  /**
   * Store level the terminal rule measures the end of the day against, bits: the starting store,
   * clipped to the buffer and at least the reserve. Key missing below it at the end of the last
   * slot is charged at `Instance.terminalKeyEurPerBit`.
   */
  endTargetBits: number
}

export interface Instance {
  slots: number
  /** Slot length, s. */
  slotSeconds: number
  slaWeight: number
  holdAllowed: boolean
  /** Terminal rule: € per bit of key missing from a store at the end of the day (MODEL.md §8). */
  terminalKeyEurPerBit: number
  integer: boolean
  classicalSuccessBound: number
  links: LinkData[]
  flows: FlowData[]
  processIds: string[]
  /** The realised day this instance describes; `undefined` is the forecast. */
  day: number | undefined
}

export interface BuildOptions {
  /**
   * Candidate paths per flow instead of `policy.pathsPerFlow`. Validation derives with 1: every
   * number it checks (costs, key, latency from the first path's hops) is the same.
   */
  pathsPerFlow?: number
  /** A path finder over the scenario's links to reuse (its search trees are shared). */
  pathFinder?: PathFinder
}

/**
 * Derives the instance of a validated scenario. `day` selects a realised day with seeded noise on
 * supply and attacks; leave it out for the forecast.
 */
export function buildInstance(
  scenario: Scenario,
  day?: number,
  options: BuildOptions = {},
): Instance {
  const flows = expandFlows(scenario)
  const pathFinder = options.pathFinder ?? new PathFinder(scenario.qkd.links)
  const pathsPerFlow = options.pathsPerFlow ?? scenario.policy.pathsPerFlow
  const flowsByProcess = new Map<number, Flow[]>()
  for (const f of flows) {
    const list = flowsByProcess.get(f.processIndex) ?? []
    list.push(f)
    flowsByProcess.set(f.processIndex, list)
  }
  const slotSeconds = scenario.horizon.slotMinutes * 60
  const attemptsByProcess = new Map(
    scenario.processes.map((p) => [p.id, processAttempts(scenario, p, day)]),
  )
  const flowData: FlowData[] = flows.map((flow) => {
    const process = scenario.processes[flow.processIndex]
    if (process === undefined) throw new Error(`flow ${flow.id} has no process`)
    const paths = pathFinder.kShortest(flow.from, flow.to, pathsPerFlow)
    const hops = paths[0]?.links.length ?? 0
    const minIndex =
      process.minOption === undefined
        ? 0
        : process.options.findIndex((o) => o.id === process.minOption)
    const options: OptionData[] = process.options.flatMap((option, i) => {
      if (i < Math.max(0, minIndex)) return []
      const latency = latencyMs(
        option,
        hops,
        scenario.policy.kmsLatencyMs,
        scenario.policy.relayLatencyMs,
      )
      return [
        {
          id: option.id,
          label: option.label,
          kind: option.kind,
          processOptionIndex: i,
          keyBps: keyCostBps(option, process, flow.messagesPerSecond),
          successBound: successBound(option, process, scenario.threat.classicalSuccessBound),
          latencyMs: latency,
          violatesDeadline: latency > process.deadlineMs,
        },
      ]
    })
    const siblings = flowsByProcess.get(flow.processIndex) ?? []
    const share = flowAttackShare(flow, siblings)
    return {
      flow,
      processId: process.id,
      paths,
      options,
      impactEur: flowImpactEur(process, flow),
      slaPenaltyEur: process.slaPenaltyEur,
      messagesPerSlot: flow.messagesPerSecond * slotSeconds,
      attempts: (attemptsByProcess.get(process.id) ?? []).map((a) => a * share),
    }
  })
  const links: LinkData[] = scenario.qkd.links.map((link) => {
    const reserveBits = link.reserveFraction * link.bufferBits
    return {
      id: link.id,
      a: link.a,
      b: link.b,
      rateBps: linkKeyRateBps(link, scenario.qkd.rateModel),
      supplyBps: linkSupplyBps(scenario, link, day),
      bufferBits: link.bufferBits,
      initialBits: link.initialBufferBits,
      reserveBits,
      endTargetBits: Math.max(reserveBits, Math.min(link.initialBufferBits, link.bufferBits)),
    }
  })
  return {
    slots: scenario.horizon.slots,
    slotSeconds,
    slaWeight: scenario.policy.slaWeight,
    holdAllowed: scenario.policy.holdAllowed,
    terminalKeyEurPerBit: scenario.policy.terminalKeyEurPerMbit / 1e6,
    integer: scenario.policy.integer,
    classicalSuccessBound: scenario.threat.classicalSuccessBound,
    links,
    flows: flowData,
    processIds: scenario.processes.map((p) => p.id),
    day,
  }
}

/** Risk + SLA cost of one option for one flow in one slot, Eur (the LP's objective coefficient). */
export function optionCostEur(
  instance: Instance,
  f: FlowData,
  option: OptionData,
  t: number,
): number {
  const risk = (f.attempts[t] ?? 0) * f.impactEur * option.successBound
  const sla = option.violatesDeadline ? instance.slaWeight * f.messagesPerSlot * f.slaPenaltyEur : 0
  return risk + sla
}

/**
 * The terminal rule's charge for one link, Eur: key missing below the link's end target after the
 * last slot, at the scenario's terminal price. The same function charges every policy.
 */
export function terminalChargeEur(
  instance: Instance,
  link: LinkData,
  endStoreBits: number,
): number {
  return Math.max(0, link.endTargetBits - endStoreBits) * instance.terminalKeyEurPerBit
}

/** Cost of holding all of a flow's messages in one slot, Eur (they all miss their deadline). */
export function holdCostEur(instance: Instance, f: FlowData): number {
  return instance.slaWeight * f.messagesPerSlot * f.slaPenaltyEur
}
