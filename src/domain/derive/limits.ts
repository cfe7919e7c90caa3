/**
 * Bounds that keep every derived number finite and inside the range the solver resolves
 * (issue 13). The checks live beside the derivation they guard; the validator calls them in its
 * semantic pass, and the solver layer can call `numericSpanProblems` on any instance it solves
 * (a realised day's noise can widen the forecast's span).
 *
 * - Overlapping attack windows multiply (MODEL.md §8): the product on any slot and process is at
 *   most `MAX_WINDOW_PRODUCT`, the bound of one multiplier.
 * - Overlapping shocks multiply: the product on any slot and link is at most `MAX_SHOCK_PRODUCT`,
 *   the bound of one factor. A zero factor (an outage) makes the product exactly 0.
 * - A scenario expands into at most `MAX_FLOWS` flows.
 * - Key: no allowed option may need more than `MAX_KEY_SPAN` times the largest store or slot
 *   supply in one slot. The key unit is sized from the stores and supplies, so such an option's
 *   coefficient would dwarf every bound of the model.
 * - Money: no SLA penalty (per late message, times `slaWeight`) may exceed `MAX_COST_SPAN` times
 *   the smallest impact (per successful attack). Small costs are not refused: a choice between two
 *   nearly equal strong options decides nothing, and the solver may settle it either way at no
 *   visible cost; the money unit discounts extreme ones (`model/scaling.ts`).
 */
import type { ValidationIssue } from '../scenario/issues.ts'
import type { Scenario } from '../scenario/types.ts'
import { windowMultipliers } from './attacks.ts'
import { endpointPairs } from './flows.ts'
import type { FlowData, Instance } from './instance.ts'
import { shockFactors } from './supply.ts'

/** Flows a scenario may expand into (processes × endpoint pairs). */
export const MAX_FLOWS = 5000
/** Largest product of overlapping attack-window multipliers on one slot (one window's bound). */
export const MAX_WINDOW_PRODUCT = 1e6
/** Largest product of overlapping shock factors on one slot (one shock's bound). */
export const MAX_SHOCK_PRODUCT = 10
/** Largest ratio of one option's key per slot to the largest store or slot supply. */
export const MAX_KEY_SPAN = 1e9
/**
 * Largest ratio of an SLA penalty per late message (times `slaWeight`) to the smallest impact per
 * successful attack. Past it the money unit, pulled up by the penalties, puts the risk choices
 * that make up the optimum below the solver's tolerance. Measured on the representative day with
 * dispatch's penalty at 1e9 € (impacts from 1e3 €): ratio 1e6 and 1e8 (slaWeight 1 and 100) solve
 * to the right optimum (€466); 1e10 gives €467 and 1e12 gives €922, both reported optimal.
 */
export const MAX_COST_SPAN = 1e9

/** A number in short scientific form for messages: 1e+18 → "1e18", 45000 → "4.5e4". */
export function sci(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (value === 0) return '0'
  const abs = Math.abs(value)
  if (abs >= 0.01 && abs < 1e4) return String(Number(value.toPrecision(3)))
  const [mantissa, exponent] = value.toExponential(2).split('e')
  return `${Number(mantissa)}e${Number(exponent)}`
}

/** Clock time at the start of slot `t` ("10:00"), counting from midnight. */
export function slotClock(t: number, slotMinutes: number): string {
  const minutes = Math.round(t * slotMinutes) % (24 * 60)
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = String(minutes % 60).padStart(2, '0')
  return `${hh}:${mm}`
}

/** Number of flows the scenario's processes expand into, without expanding them. */
export function countFlows(scenario: Scenario): number {
  return scenario.processes.reduce((n, p) => n + endpointPairs(p, scenario).length, 0)
}

/**
 * Products of overlapping windows and shocks (the first slot where each exceeds its bound). Needs
 * a scenario whose references and slot ranges are valid.
 */
export function overlapProblems(scenario: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const at = (t: number): string => `slot ${t} (${slotClock(t, scenario.horizon.slotMinutes)})`
  if (scenario.threat.windows.length > 1) {
    for (const process of scenario.processes) {
      const product = windowMultipliers(scenario, process.id)
      const t = product.findIndex((m) => !(m <= MAX_WINDOW_PRODUCT))
      if (t < 0) continue
      issues.push({
        path: 'threat.windows',
        message: `multipliers of overlapping windows multiply to ${sci(product[t] as number)} on ${at(t)} for process "${process.id}"; at most ${sci(MAX_WINDOW_PRODUCT)}`,
      })
      break
    }
  }
  if (scenario.shocks.length > 1) {
    for (const link of scenario.qkd.links) {
      const product = shockFactors(scenario, link.id)
      const t = product.findIndex((f) => !(f <= MAX_SHOCK_PRODUCT))
      if (t < 0) continue
      issues.push({
        path: 'shocks',
        message: `factors of overlapping shocks multiply to ${sci(product[t] as number)} on ${at(t)} for link "${link.id}"; at most ${sci(MAX_SHOCK_PRODUCT)}`,
      })
      break
    }
  }
  return issues
}

/** The largest store, starting store or slot supply of any link, bits. */
export function largestKeyBits(instance: Instance): number {
  let max = 0
  for (const link of instance.links) {
    max = Math.max(max, link.bufferBits, link.initialBits)
    for (const r of link.supplyBps) max = Math.max(max, r * instance.slotSeconds)
  }
  return max
}

/**
 * Problems that no power-of-two scaling can bring within the solver's tolerances, each with the
 * path of the field that sets it. Empty for a sound instance. Also reports any derived number
 * that is not finite (which the bounds above are meant to rule out).
 */
export function numericSpanProblems(instance: Instance): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const dt = instance.slotSeconds
  // Finite derived numbers.
  for (const link of instance.links) {
    if (!link.supplyBps.every(Number.isFinite)) {
      issues.push({
        path: 'shocks',
        message: `key supply of link "${link.id}" is not a finite number`,
      })
      return issues
    }
  }
  for (const f of instance.flows) {
    const p = `processes[${f.flow.processIndex}]`
    const badOption = f.options.find(
      (o) => !Number.isFinite(o.keyBps) || !Number.isFinite(o.successBound),
    )
    if (badOption !== undefined) {
      issues.push({
        path: `${p}.options[${badOption.processOptionIndex}]`,
        message: `key cost or success bound of option "${badOption.id}" on flow ${f.flow.id} is not a finite number`,
      })
      return issues
    }
    if (
      !Number.isFinite(f.impactEur) ||
      !Number.isFinite(f.messagesPerSlot) ||
      !f.attempts.every(Number.isFinite)
    ) {
      issues.push({
        path: p,
        message: `impact, message count or attack attempts of flow ${f.flow.id} are not finite numbers`,
      })
      return issues
    }
  }
  // Key: the dearest option against the largest store or slot supply.
  const largest = largestKeyBits(instance)
  if (largest > 0) {
    let worst: { bits: number; f: FlowData; option: number; id: string } | undefined
    for (const f of instance.flows) {
      for (const o of f.options) {
        const bits = dt * o.keyBps
        if (bits > MAX_KEY_SPAN * largest && (worst === undefined || bits > worst.bits)) {
          worst = { bits, f, option: o.processOptionIndex, id: o.id }
        }
      }
    }
    if (worst !== undefined) {
      issues.push({
        path: `processes[${worst.f.flow.processIndex}].options[${worst.option}]`,
        message: `numerically too wide: option "${worst.id}" needs ${sci(worst.bits)} bits of key per slot on flow ${worst.f.flow.id}, more than ${sci(MAX_KEY_SPAN)} times the largest key store or slot supply (${sci(largest)} bits); lower the process's message rate or size, or remove the option`,
      })
    }
  }
  // Money: the dearest SLA penalty against the cheapest impact.
  let sla: { eur: number; f: FlowData } | undefined
  let impact: { eur: number; f: FlowData } | undefined
  for (const f of instance.flows) {
    const penalty = instance.slaWeight * f.slaPenaltyEur
    const late = instance.holdAllowed || f.options.some((o) => o.violatesDeadline)
    if (late && penalty > 0 && (sla === undefined || penalty > sla.eur)) sla = { eur: penalty, f }
    if (f.impactEur > 0 && (impact === undefined || f.impactEur < impact.eur))
      impact = { eur: f.impactEur, f }
  }
  if (sla !== undefined && impact !== undefined && sla.eur > MAX_COST_SPAN * impact.eur) {
    const ps = `processes[${sla.f.flow.processIndex}]`
    const pi = `processes[${impact.f.flow.processIndex}]`
    const weight = instance.slaWeight === 1 ? '' : ` × slaWeight ${sci(instance.slaWeight)}`
    issues.push({
      path: `${ps}.slaPenaltyEur`,
      message: `numerically too wide: SLA penalty ${sci(sla.f.slaPenaltyEur)} €${weight} per late message (${ps}.slaPenaltyEur) next to impacts of ${sci(impact.eur)} € per successful attack (${pi}.impactEur); the ratio ${sci(sla.eur / impact.eur)} is beyond ${sci(MAX_COST_SPAN)}, and no scaling resolves both within the solver's tolerance (1e-7)`,
    })
  }
  return issues
}
