/**
 * N-1 contingency sweep: fail each QKD link, and each trusted relay node, in turn — for the whole
 * day and for the shock window — and re-plan the oracle. A failed link generates no key for the
 * period (a zero-factor key-yield shock); key already in its stores stays usable, as the key
 * managers hold it at the link's ends. A failed relay node is the failure of its QKD equipment:
 * every link it terminates stops generating key, while its key manager still serves stored key.
 * (Dropping the stored key as well makes almost every whole-day relay failure infeasible on the
 * built-in days, which hides the ranking an operator needs.)
 */
import type { Highs } from 'highs'
import { buildInstance, type Instance } from '../derive/instance.ts'
import { EVALUATION_DAY } from '../report/oracleReport.ts'
import type { Scenario } from '../scenario/types.ts'
import { OracleSession, type SolveStatus } from '../solve/oracleSession.ts'
import { nowMs } from '../util/clock.ts'
import { solveVariant, type VariantOutcome } from './solveVariant.ts'

export type OutageScope = 'day' | 'window'

export interface ContingencyCase {
  kind: 'link' | 'node'
  /** Link or node id. */
  id: string
  scope: OutageScope
  /** Slots failed, [startSlot, endSlot). */
  startSlot: number
  endSlot: number
}

export interface FirstLoss {
  processId: string
  /** First slot in which the process gets less key than in the base plan. */
  slot: number
  /** Key it loses in that slot, bits. */
  lostBits: number
}

export interface CaseOutcome {
  status: SolveStatus
  /** Oracle objective with the outage, €; null when no plan exists. */
  objectiveEur: number | null
  residualRiskEur: number | null
  slaViolations: number | null
  /** Objective minus the base objective, € (≥ 0 up to solver tolerance); null when infeasible. */
  deltaObjectiveEur: number | null
  /** The process that loses key earliest in the day, or null when none loses any. */
  firstLoss: FirstLoss | null
}

export interface ContingencyRow extends CaseOutcome {
  /** Outcome of the same element failing only during the shock window (absent without one). */
  window?: CaseOutcome
}

export interface LinkContingency extends ContingencyRow {
  linkId: string
}

export interface NodeContingency extends ContingencyRow {
  nodeId: string
}

export interface BaseOutcome {
  status: SolveStatus
  objectiveEur: number | null
  residualRiskEur: number | null
  slaViolations: number | null
}

export interface ContingencyReport {
  base: BaseOutcome
  /** The shock window used for window cases, slots [start, end); null when the day has none. */
  window: { startSlot: number; endSlot: number } | null
  links: LinkContingency[]
  nodes: NodeContingency[]
  elapsedMs: number
}

/** The span of the scenario's key-yield shocks (else its attack windows), or null. */
export function shockWindow(scenario: Scenario): { startSlot: number; endSlot: number } | null {
  const spans = scenario.shocks.length > 0 ? scenario.shocks : scenario.threat.windows
  if (spans.length === 0) return null
  return {
    startSlot: Math.min(...spans.map((s) => s.startSlot)),
    endSlot: Math.min(scenario.horizon.slots, Math.max(...spans.map((s) => s.endSlot))),
  }
}

/**
 * Trusted relay nodes: nodes declared `relay`, and every node that key is relayed through on some
 * flow's candidate path (an interior node of the path decrypts and re-encrypts the key).
 */
export function trustedRelays(
  scenario: Scenario,
  instance: Instance = buildInstance(scenario, EVALUATION_DAY),
): string[] {
  const relays = new Set(scenario.qkd.nodes.filter((n) => n.role === 'relay').map((n) => n.id))
  for (const flow of instance.flows)
    for (const path of flow.paths) for (const node of path.nodes.slice(1, -1)) relays.add(node)
  return scenario.qkd.nodes.map((n) => n.id).filter((id) => relays.has(id))
}

/**
 * Every N-1 case: each link and each relay node, for the day and (if any) the shock window.
 * `instance` (the evaluation day's, built when not given) supplies the flows' relay paths; a
 * caller that has it already passes it, so the paths are not searched twice.
 */
export function contingencyCases(scenario: Scenario, instance?: Instance): ContingencyCase[] {
  const window = shockWindow(scenario)
  const scopes: { scope: OutageScope; startSlot: number; endSlot: number }[] = [
    { scope: 'day', startSlot: 0, endSlot: scenario.horizon.slots },
  ]
  if (window !== null) scopes.push({ scope: 'window', ...window })
  const cases: ContingencyCase[] = []
  for (const link of scenario.qkd.links)
    for (const s of scopes) cases.push({ kind: 'link', id: link.id, ...s })
  for (const id of trustedRelays(scenario, instance))
    for (const s of scopes) cases.push({ kind: 'node', id, ...s })
  return cases
}

/** The scenario with the case's element failed. */
export function applyOutage(scenario: Scenario, outage: ContingencyCase): Scenario {
  const failed =
    outage.kind === 'link'
      ? [outage.id]
      : scenario.qkd.links.filter((l) => l.a === outage.id || l.b === outage.id).map((l) => l.id)
  if (failed.length === 0) return scenario
  const shock = {
    label: `N-1: ${outage.kind} ${outage.id} down`,
    startSlot: outage.startSlot,
    endSlot: outage.endSlot,
    links: failed,
    factor: 0,
  }
  return { ...scenario, shocks: [...scenario.shocks, shock] }
}

/**
 * Share of a slot's base key a process must lose to count: when key is plentiful the LP may move
 * key between equally good uses, and such reshuffles should not read as losses.
 */
const LOSS_TOLERANCE = 0.01

/** The process whose key use first drops below the base plan's, from slot `fromSlot` on. */
export function firstKeyLoss(
  base: Record<string, number[]>,
  outage: Record<string, number[]>,
  fromSlot = 0,
): FirstLoss | null {
  let best: FirstLoss | null = null
  for (const [processId, baseBits] of Object.entries(base)) {
    const bits = outage[processId] ?? []
    for (let t = fromSlot; t < baseBits.length; t++) {
      const before = baseBits[t] ?? 0
      const lost = before - (bits[t] ?? 0)
      if (lost <= LOSS_TOLERANCE * Math.max(1, before)) continue
      if (best === null || t < best.slot || (t === best.slot && lost > best.lostBits))
        best = { processId, slot: t, lostBits: lost }
      break
    }
  }
  return best
}

/** Solves the base scenario (kept for comparisons) in `session`. */
export function solveBase(session: OracleSession, scenario: Scenario): VariantOutcome {
  return solveVariant(session, scenario)
}

/**
 * Solves each case in `session`, warm from the base plan's basis, and compares it with `base`.
 * Every case restarts from that same basis, so its answer does not depend on the order of the
 * cases or on how a pool splits them between workers: degenerate LPs have many equally good
 * plans, and "which process loses key first" must not change with the batch.
 */
export function runCases(
  session: OracleSession,
  scenario: Scenario,
  base: VariantOutcome,
  cases: readonly ContingencyCase[],
): CaseOutcome[] {
  let checkpoint = session.checkpoint()
  return cases.map((outage) => {
    if (checkpoint !== undefined && !session.resume(checkpoint)) {
      // A previous case rebuilt the model in other units: rebuild the base cold (deterministic)
      // and restart from its basis again.
      session.reset()
      solveVariant(session, scenario)
      checkpoint = session.checkpoint()
      if (checkpoint !== undefined) session.resume(checkpoint)
    }
    const outcome = solveVariant(session, applyOutage(scenario, outage))
    return {
      status: outcome.status,
      objectiveEur: outcome.objectiveEur,
      residualRiskEur: outcome.residualRiskEur,
      slaViolations: outcome.slaViolations,
      deltaObjectiveEur:
        outcome.objectiveEur === null || base.objectiveEur === null
          ? null
          : outcome.objectiveEur - base.objectiveEur,
      firstLoss:
        outcome.objectiveEur === null
          ? null
          : firstKeyLoss(base.keyUsedByProcessBits, outcome.keyUsedByProcessBits, outage.startSlot),
    }
  })
}

/** A fresh LP session for sweeps (the scenario's MILP flag is ignored: sweeps compare LPs). */
export function sweepSession(highs: Highs, scenario: Scenario): OracleSession {
  return new OracleSession(highs, buildInstance(scenario, EVALUATION_DAY), { integer: false })
}

/** Groups case outcomes (in `contingencyCases` order or any order) into the report's rows. */
export function assembleContingency(
  base: BaseOutcome,
  scenario: Scenario,
  cases: readonly ContingencyCase[],
  outcomes: readonly CaseOutcome[],
  elapsedMs: number,
): ContingencyReport {
  const rows = new Map<string, ContingencyRow>()
  cases.forEach((c, i) => {
    const outcome = outcomes[i]
    if (outcome === undefined) return
    const key = `${c.kind}:${c.id}`
    const row = rows.get(key)
    if (c.scope === 'day') rows.set(key, { ...outcome, ...(row?.window && { window: row.window }) })
    else if (row !== undefined) row.window = outcome
    else rows.set(key, { ...emptyOutcome(), window: outcome })
  })
  const links: LinkContingency[] = []
  const nodes: NodeContingency[] = []
  for (const link of scenario.qkd.links) {
    const row = rows.get(`link:${link.id}`)
    if (row !== undefined) links.push({ linkId: link.id, ...row })
  }
  for (const node of scenario.qkd.nodes) {
    const row = rows.get(`node:${node.id}`)
    if (row !== undefined) nodes.push({ nodeId: node.id, ...row })
  }
  return { base, window: shockWindow(scenario), links, nodes, elapsedMs }
}

function emptyOutcome(): CaseOutcome {
  return {
    status: 'infeasible',
    objectiveEur: null,
    residualRiskEur: null,
    slaViolations: null,
    deltaObjectiveEur: null,
    firstLoss: null,
  }
}

/** The whole N-1 sweep in one warm session (CLI, tests; the browser splits cases over workers). */
export function contingencySweep(highs: Highs, scenario: Scenario): ContingencyReport {
  const started = nowMs()
  const session = sweepSession(highs, scenario)
  try {
    const base = solveBase(session, scenario)
    const cases = contingencyCases(scenario)
    const outcomes = runCases(session, scenario, base, cases)
    return assembleContingency(baseOutcome(base), scenario, cases, outcomes, nowMs() - started)
  } finally {
    session.dispose()
  }
}

/** The base plan's headline figures. */
export function baseOutcome(base: VariantOutcome): BaseOutcome {
  return {
    status: base.status,
    objectiveEur: base.objectiveEur,
    residualRiskEur: base.residualRiskEur,
    slaViolations: base.slaViolations,
  }
}
