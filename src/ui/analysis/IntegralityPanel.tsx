/**
 * LP against MILP: the LP bound, the MILP's value, the LP rounded to whole choices, and how many
 * flow-slots the LP split, with the fractional-knapsack bound on how many choices need rounding.
 */
import { useAppStore } from '../../store/index.ts'
import { MILP_LIMIT_MS } from '../../store/runTimeEstimate.ts'
import { formatCount, formatEur, formatPercent } from '../format.ts'
import { AnalysisPanel } from './AnalysisPanel.tsx'

export function IntegralityPanel() {
  return (
    <AnalysisPanel
      kind="integrality"
      title="LP vs MILP"
      description={`The planner solves the LP, which may split a flow’s messages between options in a slot; the MILP makes one choice per flow and slot (it stops at a 0.5 % gap, or after ${MILP_LIMIT_MS / 1000} s). It runs on a worker of its own, only on request.`}
    >
      <IntegralityFacts />
    </AnalysisPanel>
  )
}

function IntegralityFacts() {
  const report = useAppStore((s) => s.analysis.integrality.result)
  if (report === undefined) return <p className="chart__empty">Solving the LP and the MILP…</p>
  return (
    <>
      <dl className="analysis-facts" data-testid="integrality-facts">
        <dt>LP bound (lower bound on any plan)</dt>
        <dd data-testid="integrality-lp" data-value={report.lpEur ?? ''}>
          {formatEur(report.lpEur)} per day
        </dd>
        <dt>MILP value (one choice per flow-slot)</dt>
        <dd data-testid="integrality-milp" data-value={report.milpEur ?? ''}>
          {report.milpStatus === 'not-run' ? 'not run' : `${formatEur(report.milpEur)} per day`}
          {report.milpStatus !== 'optimal' && report.milpStatus !== 'not-run'
            ? ` (${report.milpStatus})`
            : ''}
        </dd>
        <dt>Rounded LP (split choices rounded toward less key)</dt>
        <dd>{formatEur(report.roundedEur)} per day</dd>
        <dt>Integrality gap, (MILP − LP) / MILP</dt>
        <dd data-testid="integrality-gap" data-value={report.integralityGap ?? ''}>
          {formatPercent(report.integralityGap, 3)}
        </dd>
        <dt>MIP gap HiGHS proved</dt>
        <dd>{formatPercent(report.mipGap, 2)}</dd>
        <dt>Split choices in the LP</dt>
        <dd data-testid="integrality-fractional">
          {formatCount(report.fractionalChoices)} of {formatCount(report.choices)} flow-slots (
          {formatCount(report.pricedKeyRows)} binding key constraints)
        </dd>
        <dt>Solve times</dt>
        <dd>
          LP {Math.round(report.lpMs)} ms, MILP {Math.round(report.milpMs)} ms
        </dd>
      </dl>
      <p className="chart__note">
        Why LP ≤ MILP ≤ rounded LP: like the fractional knapsack, a basic LP optimum splits at most
        one choice per binding key constraint (here {formatCount(report.fractionalChoices)} ≤{' '}
        {formatCount(report.pricedKeyRows)}), and rounding each split choice toward less key keeps
        every key store at least as full, so the rounded plan is always feasible. Few choices are
        split, but each whole choice can still cost much: a message batch the LP half-holds must be
        held, or sent, in full. The gap is what those {formatCount(report.fractionalChoices)}{' '}
        choices cost.
      </p>
    </>
  )
}
