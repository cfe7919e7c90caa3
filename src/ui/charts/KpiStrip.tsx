/**
 * Headline figures of the oracle plan for the current revision.
 */
import { useAppStore } from '../../store/index.ts'
import { formatCount, formatEur, formatMbit, formatPercent } from '../format.ts'

export function KpiStrip() {
  const plan = useAppStore((s) => s.oracle)
  const revision = useAppStore((s) => s.oracleRevision)
  const proposed = useAppStore((s) => s.comparison?.policies.proposed)
  if (plan === undefined) return <div className="kpi-strip kpi-strip--empty">Solving the plan…</div>
  const items: Array<[string, string, string]> = [
    [
      'Residual risk',
      formatEur(plan.residualRiskEur),
      `all-classical day: ${formatEur(plan.classicalRiskEur)}`,
    ],
    [
      'SLA violations',
      formatCount(plan.slaViolations),
      `${formatPercent(plan.slaViolationRate, 2)} of messages`,
    ],
    [
      'Key used',
      formatMbit(plan.keyUsedBits),
      `${formatPercent(plan.keyUtilization)} of ${formatMbit(plan.keyGeneratedBits)}`,
    ],
    ['Key spilled', formatMbit(plan.keySpilledBits), 'lost to full stores'],
    ['Key efficiency', `${formatEur(plan.keyEfficiencyEurPerMbit)}/Mbit`, 'risk removed per Mbit'],
    [
      'Proposed regret',
      proposed?.regretVsOracle === undefined || proposed.regretVsOracle === null
        ? '…'
        : formatPercent(proposed.regretVsOracle, 2),
      'objective above the oracle',
    ],
  ]
  return (
    <dl className="kpi-strip" data-testid="kpi-strip" data-revision={revision}>
      {items.map(([label, value, note]) => (
        <div key={label} className="kpi">
          <dt>{label}</dt>
          <dd>
            <span className="kpi__value">{value}</span>
            <span className="kpi__note">{note}</span>
          </dd>
        </div>
      ))}
    </dl>
  )
}
