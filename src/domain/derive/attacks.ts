/**
 * Attack attempts and impact (MODEL.md §3, §8).
 */
import { lognormalFactors } from '../util/rng.ts'
import type { Process, Scenario } from '../scenario/types.ts'
import type { Flow } from './flows.ts'

/**
 * Product of the multipliers of every window covering `processId` in each slot (1 when none). A
 * zero multiplier makes the product exactly 0, whatever the others (never 0 × ∞ = NaN). The
 * validator bounds the product (`MAX_WINDOW_PRODUCT` in `limits.ts`).
 */
export function windowMultipliers(scenario: Scenario, processId: string): number[] {
  const out = new Array<number>(scenario.horizon.slots).fill(1)
  for (const w of scenario.threat.windows) {
    if (w.processes !== undefined && !w.processes.includes(processId)) continue
    for (let t = w.startSlot; t < Math.min(w.endSlot, out.length); t++)
      out[t] = w.multiplier === 0 ? 0 : (out[t] ?? 1) * w.multiplier
  }
  return out
}

/**
 * Attack attempts on a whole process per slot: `attacksPerHour × slotHours × window multiplier`,
 * times seeded log-normal noise on realised day `day` (`undefined` is the forecast).
 */
export function processAttempts(scenario: Scenario, process: Process, day?: number): number[] {
  const slotHours = scenario.horizon.slotMinutes / 60
  const windows = windowMultipliers(scenario, process.id)
  const noise =
    day === undefined
      ? undefined
      : lognormalFactors(
          scenario.seed,
          `attack:${process.id}:${day}`,
          windows.length,
          scenario.uncertainty.attackSigma,
        )
  return windows.map((m, t) => process.attacksPerHour * slotHours * m * (noise?.[t] ?? 1))
}

/**
 * Share of a process's attempts that falls on one flow: proportional to message rate (equal shares
 * when the process sends nothing, so attempts are never lost).
 */
export function flowAttackShare(flow: Flow, processFlows: readonly Flow[]): number {
  const total = processFlows.reduce((s, f) => s + f.messagesPerSecond, 0)
  if (total > 0) return flow.messagesPerSecond / total
  return processFlows.length > 0 ? 1 / processFlows.length : 0
}

/** Loss per successful attack on a flow, Eur: `impactEur + impactEurPerMw × MW behind the flow`. */
export function flowImpactEur(process: Process, flow: Flow): number {
  return process.impactEur + process.impactEurPerMw * flow.capacityMw
}
