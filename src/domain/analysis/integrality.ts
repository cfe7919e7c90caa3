/**
 * LP against MILP. The LP lets a flow split its messages between options in a slot; the MILP
 * makes one choice per flow and slot. Like the fractional knapsack, a basic LP optimum has few
 * split choices — at most one per binding key constraint — so rounding them costs little. This
 * reports the LP bound, the MILP value, the integrality gap, how many choices the LP split, and
 * the value of the LP rounded toward less key (always feasible, so an upper bound on the MILP).
 */
import type { Highs } from 'highs'
import type { Allocation } from '../allocation.ts'
import { buildInstance, type Instance } from '../derive/instance.ts'
import { computeMetrics } from '../metrics/metrics.ts'
import { EVALUATION_DAY } from '../report/oracleReport.ts'
import type { Scenario } from '../scenario/types.ts'
import { OracleSession, type SolveStatus } from '../solve/oracleSession.ts'

export interface IntegralityReport {
  lpStatus: SolveStatus
  milpStatus: SolveStatus | 'not-run'
  /** LP optimum, €: a lower bound on any plan. */
  lpEur: number | null
  /** Cost of the MILP's plan, €. */
  milpEur: number | null
  /** The LP with every split choice rounded to its least-key part, €: a feasible integer plan. */
  roundedEur: number | null
  /** (MILP − LP) / MILP, dimensionless. */
  integralityGap: number | null
  /** Relative gap HiGHS proved when it stopped. */
  mipGap: number | null
  /** Flow-slots where the LP splits messages between options (or hold). */
  fractionalChoices: number
  /** All flow-slots. */
  choices: number
  /** Link-slots with a positive key price (binding key constraints). */
  pricedKeyRows: number
  lpMs: number
  milpMs: number
}

/** A choice counts as split when no single option (or hold) takes more than this share. */
const WHOLE = 1 - 1e-6

/** Solves the LP and (unless `milp` is false) the MILP on the evaluation day. */
export function lpVsMilp(
  highs: Highs,
  scenario: Scenario,
  options: { milp?: boolean; timeLimitSeconds?: number; mipRelativeGap?: number } = {},
): IntegralityReport {
  const instance = buildInstance(scenario, EVALUATION_DAY)
  const lpSession = new OracleSession(highs, instance, { integer: false })
  let lp
  try {
    lp = lpSession.solve()
  } finally {
    lpSession.dispose()
  }
  const allocation = lp.status === 'optimal' ? lp.allocation : undefined
  // Every cost is non-negative, so an LP value below 0 is the solver's tolerance: the bound is 0
  // (a value of −1e-5 against a MILP worth 1e-300 € made a gap of 1e303; fuzz suite).
  const lpEur = Math.max(0, lp.objectiveEur)
  const report: IntegralityReport = {
    lpStatus: lp.status,
    milpStatus: 'not-run',
    lpEur: allocation === undefined ? null : lpEur,
    milpEur: null,
    roundedEur: allocation === undefined ? null : roundedCostEur(instance, allocation),
    integralityGap: null,
    mipGap: null,
    fractionalChoices: allocation === undefined ? 0 : countSplitChoices(instance, allocation),
    choices: instance.flows.length * instance.slots,
    pricedKeyRows: lp.shadowPriceEurPerBit.reduce(
      (n, row) => n + row.filter((price) => price > 0).length,
      0,
    ),
    lpMs: lp.solveMs,
    milpMs: 0,
  }
  if (options.milp === false || allocation === undefined) return report
  const milpSession = new OracleSession(highs, instance, {
    integer: true,
    ...(options.timeLimitSeconds !== undefined && { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.mipRelativeGap !== undefined && { mipRelativeGap: options.mipRelativeGap }),
  })
  try {
    const milp = milpSession.solve()
    report.milpStatus = milp.status
    report.milpMs = milp.solveMs
    if (milp.allocation !== undefined && Number.isFinite(milp.objectiveEur)) {
      // The plan's own cost, as every report charges it: the solver's objective can sit a
      // tolerance below it (even below €0; fuzz suite).
      const milpEur = computeMetrics(instance, milp.allocation).objectiveEur
      report.milpEur = milpEur
      report.mipGap = milp.mipGap ?? null
      report.integralityGap = milpEur > 0 ? Math.max(0, milpEur - lpEur) / milpEur : 0
    }
  } finally {
    milpSession.dispose()
  }
  return report
}

/** Flow-slots whose messages the allocation splits between several options or hold. */
export function countSplitChoices(instance: Instance, allocation: Allocation): number {
  let split = 0
  instance.flows.forEach((f, k) => {
    const nO = f.options.length
    const shares = allocation.optionShare[k]
    const holds = allocation.holdShare[k]
    for (let t = 0; t < instance.slots; t++) {
      let largest = holds?.[t] ?? 0
      for (let o = 0; o < nO; o++) largest = Math.max(largest, shares?.[t * nO + o] ?? 0)
      if (largest < WHOLE) split++
    }
  })
  return split
}

/**
 * The allocation with each split choice replaced by its least-key part (hold counts as no key):
 * every link then draws no more key than in `allocation`, so a feasible plan stays feasible.
 */
export function roundedAllocation(instance: Instance, allocation: Allocation): Allocation {
  const rounded: Allocation = {
    optionShare: instance.flows.map((f) => new Float64Array(instance.slots * f.options.length)),
    holdShare: instance.flows.map(() => new Float64Array(instance.slots)),
    pathShare: allocation.pathShare.map((row) => Float64Array.from(row)),
  }
  instance.flows.forEach((f, k) => {
    const nO = f.options.length
    const shares = allocation.optionShare[k]
    const holds = allocation.holdShare[k]
    const toShares = rounded.optionShare[k] as Float64Array
    const toHolds = rounded.holdShare[k] as Float64Array
    for (let t = 0; t < instance.slots; t++) {
      let pick = -1
      for (let o = 0; o < nO; o++) {
        if ((shares?.[t * nO + o] ?? 0) <= 1e-9) continue
        if (pick < 0 || (f.options[o]?.keyBps ?? 0) < (f.options[pick]?.keyBps ?? 0)) pick = o
      }
      const option = f.options[Math.max(0, pick)]
      const held = (holds?.[t] ?? 0) > 1e-9
      // Holding draws no key; an option drawing none (classical) is as cheap in key and kept.
      if (option === undefined || (held && (pick < 0 || option.keyBps > 0))) toHolds[t] = 1
      else toShares[t * nO + Math.max(0, pick)] = 1
    }
  })
  return rounded
}

/**
 * Cost of the rounded allocation (`roundedAllocation`), €, as the metrics charge it: risk, SLA
 * penalties and the terminal charge of its own store replay. (Without the terminal charge the
 * "upper bound" fell below the LP on days that end a store below its start; fuzz suite.)
 */
export function roundedCostEur(instance: Instance, allocation: Allocation): number {
  return computeMetrics(instance, roundedAllocation(instance, allocation)).objectiveEur
}
