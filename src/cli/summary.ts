/**
 * The readable (non-JSON) solve summary.
 */
import type { Comparison } from '../domain/report/comparisonReport.ts'
import type { OracleRun } from '../domain/report/oracleReport.ts'
import type { Scenario } from '../domain/scenario/types.ts'

const eur = (v: number | null): string =>
  v === null ? 'n/a' : `€${v.toLocaleString('en-GB', { maximumFractionDigits: v < 10 ? 4 : 0 })}`
const mbit = (v: number | null): string =>
  v === null ? 'n/a' : `${(v / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} Mbit`
const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(2)}%`)

const count = (v: number): string => v.toLocaleString('en-GB', { maximumFractionDigits: 0 })

/** Where the late messages and the residual risk come from (causes.ts), as indented lines. */
function causeLines(r: OracleRun['report']): string[] {
  const sla = r.slaViolationsByCause
  const risk = r.residualRiskByCause
  if (sla === null || risk === null) return []
  return [
    `  late by cause             ${count(sla.deadlineUnreachable)} no allowed option meets the deadline, ${count(sla.lateByChoice)} late option chosen, ${count(sla.heldForKey)} held for lack of key, ${count(sla.outage)} held in a link outage`,
    `  risk by cause             ${eur(risk.floor)} left by the strongest allowed options, ${eur(risk.keyScarcity)} from scarce key, ${eur(risk.outage)} in link outages`,
  ]
}

/** A short report of the oracle run for a terminal. */
export function formatOracleSummary(scenario: Scenario, run: OracleRun, integer: boolean): string {
  const r = run.report
  const lines = [
    `Scenario: ${scenario.name} (${scenario.horizon.slots} slots × ${scenario.horizon.slotMinutes} min, ${run.instance.flows.length} flows, ${run.instance.links.length} links)`,
    `Policy:   oracle ${integer ? 'MILP' : 'LP'} (perfect foresight), solved by ${r.algorithm ?? 'HiGHS'} in ${r.solveMs.toFixed(0)} ms`,
    `Status:   ${r.status}`,
  ]
  if (r.objectiveEur !== null) {
    lines.push(
      '',
      `Objective (risk + SLA)      ${eur(r.objectiveEur)}${r.terminalChargeEur !== null && r.terminalChargeEur >= 0.005 ? `   (incl. ${eur(r.terminalChargeEur)} for ${mbit(r.endShortfallBits)} left below the starting stores)` : ''}`,
      `Residual risk               ${eur(r.residualRiskEur)}   (all-classical day: ${eur(run.metrics?.classicalRiskEur ?? null)})`,
      `SLA violations              ${(r.slaViolations ?? 0).toLocaleString('en-GB', { maximumFractionDigits: 0 })} messages (${pct(r.slaViolationRate)})`,
      ...causeLines(r),
      `Key generated / used        ${mbit(r.keyGeneratedBits)} / ${mbit(r.keyUsedBits)}  (utilization ${pct(r.keyUtilization)}, spilled ${mbit(r.keySpilledBits)})`,
      `Key efficiency              ${eur(r.keyEfficiencyEurPerMbit)} of risk removed per Mbit`,
      `Threshold certificate       ${(r.thresholdViolation ?? 0).toExponential(2)} (largest relative violation of the price-threshold rule)`,
    )
    if (r.lpBoundEur !== undefined) {
      lines.push(
        `LP bound / integrality gap  ${eur(r.lpBoundEur)} / ${pct(r.integralityGap ?? 0)} (${r.status === 'time-limit' ? `MILP stopped at its time limit with a gap of ${pct(r.mipGap ?? 1)} to its bound: the best plan found, not a proven optimum` : `MILP stopped within ${pct(r.mipGap ?? 0)} of optimal`})`,
      )
    }
    lines.push('', 'Link         binding slots   peak shadow price (€/Mbit)   used key')
    for (const [id, link] of Object.entries(r.links)) {
      const binding = link.shadowPriceEurPerBit.filter((p) => p > 0).length
      const peak = Math.max(0, ...link.shadowPriceEurPerBit) * 1e6
      const used = link.usedBits.reduce((a, b) => a + b, 0)
      lines.push(
        `${id.padEnd(12)} ${String(binding).padStart(13)}   ${peak.toExponential(3).padStart(26)}   ${mbit(used)}`,
      )
    }
  }
  return `${lines.join('\n')}\n`
}

/** The policy comparison as a table, best policies first as listed. */
export function formatComparison(scenario: Scenario, comparison: Comparison, days: number): string {
  const rows = Object.entries(comparison.policies)
  const header = [
    'policy',
    'status',
    'objective',
    'regret',
    'residual risk',
    'SLA violations',
    'key used',
    'utilization',
    'window risk',
    `mean risk (${days} d)`,
    'CVaR95 risk',
  ]
  const table = rows.map(([name, r]) => [
    name,
    r.status,
    eur(r.objectiveEur),
    r.regretVsOracle === null ? 'n/a' : `${(r.regretVsOracle * 100).toFixed(1)}%`,
    eur(r.residualRiskEur),
    r.slaViolations === null ? 'n/a' : count(r.slaViolations),
    mbit(r.keyUsedBits),
    pct(r.keyUtilization),
    eur(r.inWindows.riskEur),
    eur(r.robustness.meanRiskEur),
    eur(r.robustness.cvar95RiskEur),
  ])
  const widths = header.map((h, i) =>
    Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)),
  )
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
  return `${[
    `Scenario: ${scenario.name}; realised day 0, robustness over ${days} day(s); day-ahead planning ${comparison.planningMs.toFixed(0)} ms`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...table.map(line),
    '',
    'Window risk: residual risk inside the attack windows and key-yield shocks.',
    'Status: optimal or infeasible (oracle); feasible, or forced-hold when a policy had to hold messages although holding is not allowed (online policies).',
  ].join('\n')}\n`
}
