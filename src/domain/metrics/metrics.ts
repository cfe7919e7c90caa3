/**
 * The per-policy measures of MODEL.md §6, computed from an allocation alone.
 */
import { flowKeyBits, linkUseBits, type Allocation } from '../allocation.ts'
import { holdCostEur, optionCostEur, terminalChargeEur, type Instance } from '../derive/instance.ts'
import { causesOf, type ResidualRiskByCause, type SlaViolationsByCause } from './causes.ts'
import { idRecord } from '../util/idRecord.ts'
import { replayStores } from './stores.ts'

export interface LinkSeries {
  /** Store level at the end of each slot, bits (replayed with the chosen use). */
  storeBits: number[]
  /** Key drawn from the link per slot, bits. */
  usedBits: number[]
  /** Key lost because the store was full, per slot, bits. */
  spilledBits: number[]
}

export interface Metrics {
  /** Risk plus weighted SLA penalties plus the terminal charge over the day, Eur. */
  objectiveEur: number
  /**
   * The terminal rule's charge (MODEL.md §8): key left below each store's starting level at the
   * end of the day, at the scenario's terminal price, Eur. Part of `objectiveEur`.
   */
  terminalChargeEur: number
  /** Key missing below the starting stores at the end of the day, over all links, bits. */
  endShortfallBits: number
  /** Expected loss from successful attacks over the day, Eur. */
  residualRiskEur: number
  /** The same for an all-classical day, Eur (the reference for key efficiency). */
  classicalRiskEur: number
  /** SLA penalties over the day (unweighted), Eur. */
  slaPenaltyEur: number
  /** Messages that miss their deadline (late option or held). */
  slaViolations: number
  /** The same split by cause (see causes.ts); the parts add up to `slaViolations`. */
  slaViolationsByCause: SlaViolationsByCause
  /** Residual risk split by cause (see causes.ts); the parts add up to `residualRiskEur`. */
  residualRiskByCause: ResidualRiskByCause
  /** slaViolations / all messages, 0..1. */
  slaViolationRate: number
  keyGeneratedBits: number
  keyUsedBits: number
  keySpilledBits: number
  /** Key drawn beyond what the store held (0 for any feasible policy), bits. */
  keyShortfallBits: number
  /**
   * used / (generated + starting stores), 0..1: the share of the key the links had that went to
   * use. (Used / generated alone exceeds 1 when a policy spends its starting stores.)
   */
  keyUtilization: number
  /** Risk removed versus the all-classical day per Mbit of key used, Eur/Mbit (0 below one bit). */
  keyEfficiencyEurPerMbit: number
  series: {
    residualRiskEur: number[]
    slaViolations: number[]
    keyUsedBits: number[]
    /** Key used per process per slot, bits (per-link basis: relays count on each hop). */
    keyUsedByProcessBits: Record<string, number[]>
    /** SLA violations per process per slot, messages. */
    slaViolationsByProcess: Record<string, number[]>
  }
  links: Record<string, LinkSeries>
}

/** Computes every metric of an allocation on an instance. */
export function computeMetrics(instance: Instance, allocation: Allocation): Metrics {
  const T = instance.slots
  const risk = new Array<number>(T).fill(0)
  const viol = new Array<number>(T).fill(0)
  const byProcessKey = idRecord<number[]>()
  const byProcessViol = idRecord<number[]>()
  for (const id of instance.processIds) {
    byProcessKey[id] = new Array<number>(T).fill(0)
    byProcessViol[id] = new Array<number>(T).fill(0)
  }
  let objective = 0
  let classicalRisk = 0
  let slaPenalty = 0
  let messages = 0
  instance.flows.forEach((f, k) => {
    const shares = allocation.optionShare[k]
    const holds = allocation.holdShare[k]
    const nO = f.options.length
    const pViol = byProcessViol[f.processId] as number[]
    const pKey = byProcessKey[f.processId] as number[]
    const split = allocation.pathShare[k]
    for (let t = 0; t < T; t++) {
      const attempts = f.attempts[t] ?? 0
      classicalRisk += attempts * f.impactEur * instance.classicalSuccessBound
      messages += f.messagesPerSlot
      const h = holds?.[t] ?? 0
      let late = h
      objective += h * holdCostEur(instance, f)
      f.options.forEach((o, oi) => {
        const x = shares?.[t * nO + oi] ?? 0
        if (x === 0) return
        risk[t] = (risk[t] ?? 0) + x * attempts * f.impactEur * o.successBound
        objective += x * optionCostEur(instance, f, o, t)
        if (o.violatesDeadline) late += x
      })
      const lateMessages = late * f.messagesPerSlot
      viol[t] = (viol[t] ?? 0) + lateMessages
      pViol[t] = (pViol[t] ?? 0) + lateMessages
      slaPenalty += lateMessages * f.slaPenaltyEur
      const bits = flowKeyBits(instance, allocation, k, t)
      if (bits > 0) {
        f.paths.forEach((p, pi) => {
          pKey[t] = (pKey[t] ?? 0) + bits * (split?.[t * f.paths.length + pi] ?? 0) * p.links.length
        })
      }
    }
  })
  const use = linkUseBits(instance, allocation)
  const stores = replayStores(instance, use)
  const links = idRecord<LinkSeries>()
  let generated = 0
  let used = 0
  let spilled = 0
  let shortfall = 0
  let terminalCharge = 0
  let starting = 0
  let endShortfall = 0
  const usedPerSlot = new Array<number>(T).fill(0)
  instance.links.forEach((link, e) => {
    const u = use[e] as Float64Array
    const s = stores[e]
    for (let t = 0; t < T; t++) {
      generated += instance.slotSeconds * (link.supplyBps[t] ?? 0)
      used += u[t] ?? 0
      usedPerSlot[t] = (usedPerSlot[t] ?? 0) + (u[t] ?? 0)
    }
    starting += link.initialBits
    const endStore = T > 0 ? (s?.storeBits[T - 1] ?? link.initialBits) : link.initialBits
    endShortfall += Math.max(0, link.endTargetBits - endStore)
    terminalCharge += terminalChargeEur(instance, link, endStore)
    spilled += s?.spilledBits.reduce((a, b) => a + b, 0) ?? 0
    shortfall += s?.shortfallBits.reduce((a, b) => a + b, 0) ?? 0
    links[link.id] = {
      storeBits: s?.storeBits ?? [],
      usedBits: Array.from(u),
      spilledBits: s?.spilledBits ?? [],
    }
  })
  const residual = risk.reduce((a, b) => a + b, 0)
  const totalViol = viol.reduce((a, b) => a + b, 0)
  return {
    objectiveEur: objective + terminalCharge,
    terminalChargeEur: terminalCharge,
    endShortfallBits: endShortfall,
    residualRiskEur: residual,
    classicalRiskEur: classicalRisk,
    slaPenaltyEur: slaPenalty,
    slaViolations: totalViol,
    ...causesOf(instance, allocation),
    slaViolationRate: messages > 0 ? totalViol / messages : 0,
    keyGeneratedBits: generated,
    keyUsedBits: used,
    keySpilledBits: spilled,
    keyShortfallBits: shortfall,
    keyUtilization: generated + starting > 0 ? used / (generated + starting) : 0,
    keyEfficiencyEurPerMbit: keyEfficiency(classicalRisk - residual, used),
    series: {
      residualRiskEur: risk,
      slaViolations: viol,
      keyUsedBits: usedPerSlot,
      keyUsedByProcessBits: byProcessKey,
      slaViolationsByProcess: byProcessViol,
    },
    links,
  }
}

/**
 * Risk removed per Mbit of key used, Eur/Mbit; 0 below one bit of key used, where the ratio only
 * measures solver noise (and a subnormal amount of key made it infinite; found by the fuzz suite).
 */
export function keyEfficiency(removedRiskEur: number, usedBits: number): number {
  return usedBits >= 1 ? removedRiskEur / (usedBits / 1e6) : 0
}
