/**
 * The decision-support commands: `frontier`, `link-value`, `contingency` and `lp-vs-milp`.
 * Each prints JSON with `--json`, else a short table for a terminal.
 */
import type { Highs } from 'highs'
import { contingencySweep, type ContingencyRow } from '../domain/analysis/contingency.ts'
import {
  budgetFrontier,
  defaultFrontierRange,
  type FrontierOptions,
} from '../domain/analysis/frontier.ts'
import { lpVsMilp } from '../domain/analysis/integrality.ts'
import { linkValues, RATE_UPGRADE_KBPS, STORE_UPGRADE_MBIT } from '../domain/analysis/linkValue.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import type { ParsedArgs } from './args.ts'
import { UsageError } from './args.ts'

export interface AnalysisIo {
  stdout: (text: string) => void
}

function shareOption(args: ParsedArgs, name: 'from' | 'to'): number | undefined {
  const text = args.options[name]
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`--${name} must be a VPP share from 0 to 1, got "${text}"`)
  return value
}

/** Reads `--from`, `--to`, `--steps` and `--spacing`; throws a UsageError on a bad value. */
export function frontierOptions(args: ParsedArgs, scenario: Scenario): FrontierOptions {
  const range = defaultFrontierRange(scenario)
  const from = shareOption(args, 'from') ?? range.from
  const to = shareOption(args, 'to') ?? Math.max(range.to, from)
  if (to < from) throw new UsageError(`--to (${to}) must not be below --from (${from})`)
  const stepsText = args.options.steps ?? '20'
  const steps = Number(stepsText)
  if (!Number.isInteger(steps) || steps < 2 || steps > 500)
    throw new UsageError(`--steps must be a whole number from 2 to 500, got "${stepsText}"`)
  const spacing = args.options.spacing
  if (spacing !== undefined && spacing !== 'linear' && spacing !== 'log')
    throw new UsageError(`--spacing must be linear or log, got "${spacing}"`)
  return { from, to, steps, ...(spacing !== undefined && { spacing }) }
}

/** Euros for a terminal: cents for large sums, four significant digits for small ones. */
const eur = (v: number | null): string => {
  if (v === null) return 'infeasible'
  if (Math.abs(v) >= 10) return `€${v.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`
  return `€${Number(v.toPrecision(4))}`
}

/** Four significant digits, as in the table's other value columns. */
const sig = (v: number): string => v.toPrecision(4)

export function commandFrontier(
  highs: Highs,
  scenario: Scenario,
  args: ParsedArgs,
  io: AnalysisIo,
): void {
  const frontier = budgetFrontier(highs, scenario, frontierOptions(args, scenario))
  if (args.flags.has('json')) {
    const points = frontier.points.map((p) => ({
      vppShare: p.vppShare,
      status: p.status,
      objectiveEur: p.objectiveEur,
      residualRiskEur: p.residualRiskEur,
      slaViolations: p.slaViolations,
      slopeEurPerShare: p.slopeEurPerShare,
    }))
    io.stdout(
      `${JSON.stringify({
        currentShare: frontier.currentShare,
        points,
        breakpoints: frontier.breakpoints,
        unresolvedIntervals: frontier.unresolvedIntervals,
      })}\n`,
    )
    return
  }
  const lines = [`Budget frontier of "${scenario.name}" (oracle LP, evaluation day)`]
  lines.push('  VPP share   objective        residual risk   SLA violations')
  for (const p of frontier.points) {
    lines.push(
      `  ${(p.vppShare * 100).toFixed(4).padStart(8)} %  ${eur(p.objectiveEur).padEnd(15)}  ${eur(p.residualRiskEur).padEnd(14)}  ${p.slaViolations === null ? '-' : Math.round(p.slaViolations)}`,
    )
  }
  lines.push(
    `Breakpoints (share where shadow prices change): ${frontier.breakpoints.map((b) => `${(b * 100).toPrecision(4)} %`).join(', ') || 'none'}`,
  )
  if (frontier.unresolvedIntervals.length > 0)
    lines.push(
      `  (${frontier.unresolvedIntervals.length} intervals hold further kinks not located)`,
    )
  io.stdout(`${lines.join('\n')}\n`)
}

export function commandLinkValue(
  highs: Highs,
  scenario: Scenario,
  args: ParsedArgs,
  io: AnalysisIo,
): void {
  const values = linkValues(highs, scenario, { check: true })
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify(values)}\n`)
    return
  }
  const lines = [
    `Value of upgrading each link, "${scenario.name}" (oracle LP, evaluation day; € per day)`,
  ]
  lines.push(
    '  link        € per Mbit of store   € per kb/s of link rate   best upgrade                  € per kb/s of VPP key   re-solve checks (store, rate)',
  )
  const checkWord = (c: { agrees: boolean } | undefined): string =>
    c === undefined ? '-' : c.agrees ? 'agrees' : 'DIFFERS'
  for (const v of values.links) {
    const best =
      v.bestUpgrade.lever === 'none'
        ? 'none (key not scarce)'
        : `${v.bestUpgrade.lever === 'store' ? `+${STORE_UPGRADE_MBIT} Mbit store` : `+${RATE_UPGRADE_KBPS} kb/s rate`} ${eur(v.bestUpgrade.eurPerDay)}`
    lines.push(
      `  ${v.linkId.padEnd(10)}  ${sig(v.storeValueEurPerMbit).padStart(19)}   ${sig(v.valueEurPerKbpsLinkRate).padStart(23)}   ${best.padEnd(28)}  ${sig(v.valueEurPerKbps).padStart(21)}   ${checkWord(v.storeCheck)}, ${checkWord(v.check)}`,
    )
  }
  io.stdout(`${lines.join('\n')}\n`)
}

export function commandContingency(
  highs: Highs,
  scenario: Scenario,
  args: ParsedArgs,
  io: AnalysisIo,
): void {
  const report = contingencySweep(highs, scenario)
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify(report)}\n`)
    return
  }
  const lines = [
    `N-1 contingencies of "${scenario.name}": base objective ${eur(report.base.objectiveEur)}`,
  ]
  const row = (label: string, r: ContingencyRow): string => {
    const first =
      r.firstLoss === null ? 'none' : `${r.firstLoss.processId} (slot ${r.firstLoss.slot})`
    const window = r.window === undefined ? '' : `; window Δ ${eur(r.window.deltaObjectiveEur)}`
    return `  ${label.padEnd(14)} Δ ${eur(r.deltaObjectiveEur).padEnd(14)} first to lose key: ${first}${window}`
  }
  for (const l of report.links) lines.push(row(`link ${l.linkId}`, l))
  for (const n of report.nodes) lines.push(row(`relay ${n.nodeId}`, n))
  io.stdout(`${lines.join('\n')}\n`)
}

export function commandLpVsMilp(
  highs: Highs,
  scenario: Scenario,
  args: ParsedArgs,
  io: AnalysisIo,
): void {
  const report = lpVsMilp(highs, scenario)
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify(report)}\n`)
    return
  }
  const gap = report.integralityGap === null ? '-' : `${(report.integralityGap * 100).toFixed(2)} %`
  io.stdout(
    [
      `LP against MILP, "${scenario.name}"`,
      `  LP bound        ${eur(report.lpEur)}`,
      `  MILP value      ${eur(report.milpEur)} (${report.milpStatus})`,
      `  rounded LP      ${eur(report.roundedEur)}`,
      `  integrality gap ${gap}`,
      `  split choices   ${report.fractionalChoices} of ${report.choices} flow-slots (${report.pricedKeyRows} priced key rows)`,
    ].join('\n') + '\n',
  )
}
