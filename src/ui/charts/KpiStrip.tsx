/**
 * Headline figures of the oracle plan for the current revision. Residual risk and SLA violations
 * open to their split by cause (a native disclosure, so it is reachable and operable from the
 * keyboard); each part carries its raw value in `data-value`, as the headline does, so tests
 * can check that the parts add up.
 */
import type { ReactNode } from 'react'
import { useAppStore } from '../../store/index.ts'
import { formatCount, formatEur, formatMbit, formatPercent } from '../format.ts'
import { riskCauseLines, slaCauseLines, type CauseLine } from './kpiCauses.ts'

interface Kpi {
  label: string
  value: string
  note: string
  /** The headline's raw number, for tests. */
  raw?: number | null
  /** Test id of the headline. */
  id?: string
  causes?: ReactNode
}

export function KpiStrip() {
  const plan = useAppStore((s) => s.oracle)
  const revision = useAppStore((s) => s.oracleRevision)
  const proposed = useAppStore((s) => s.comparison?.policies.proposed)
  if (plan === undefined) return <div className="kpi-strip kpi-strip--empty">Solving the plan…</div>
  const items: Kpi[] = [
    {
      label: 'Residual risk',
      value: formatEur(plan.residualRiskEur),
      note: `all-classical day: ${formatEur(plan.classicalRiskEur)}`,
      raw: plan.residualRiskEur,
      id: 'kpi-risk',
      causes: (
        <Causes
          id="risk"
          of="residual risk"
          lines={riskCauseLines(plan.residualRiskByCause)}
          format={(v) => formatEur(v)}
        />
      ),
    },
    {
      label: 'SLA violations',
      value: formatCount(plan.slaViolations),
      note: `${formatPercent(plan.slaViolationRate, 2)} of messages`,
      raw: plan.slaViolations,
      id: 'kpi-sla',
      causes: (
        <Causes
          id="sla"
          of="late messages"
          lines={slaCauseLines(plan.slaViolationsByCause)}
          format={formatCount}
        />
      ),
    },
    {
      label: 'Key used',
      value: formatMbit(plan.keyUsedBits),
      note: `${formatPercent(plan.keyUtilization)} of ${formatMbit(plan.keyGeneratedBits)}`,
    },
    { label: 'Key spilled', value: formatMbit(plan.keySpilledBits), note: 'lost to full stores' },
    {
      label: 'Key efficiency',
      value: `${formatEur(plan.keyEfficiencyEurPerMbit)}/Mbit`,
      note: 'risk removed per Mbit',
    },
    {
      label: 'Proposed regret',
      value:
        proposed?.regretVsOracle === undefined || proposed.regretVsOracle === null
          ? '…'
          : formatPercent(proposed.regretVsOracle, 2),
      note: 'objective above the oracle',
    },
  ]
  return (
    <dl className="kpi-strip" data-testid="kpi-strip" data-revision={revision}>
      {items.map((kpi) => (
        <div key={kpi.label} className="kpi">
          <dt>{kpi.label}</dt>
          <dd>
            <span className="kpi__value" data-testid={kpi.id} data-value={kpi.raw ?? undefined}>
              {kpi.value}
            </span>
            <span className="kpi__note">{kpi.note}</span>
            {kpi.causes}
          </dd>
        </div>
      ))}
    </dl>
  )
}

interface CausesProps {
  id: string
  /** What is split, for the disclosure's accessible name ("By cause of residual risk"). */
  of: string
  lines: CauseLine[]
  format: (value: number) => string
}

function Causes({ id, of, lines, format }: CausesProps) {
  if (lines.length === 0) return null
  return (
    <details className="kpi__causes" data-testid={`kpi-causes-${id}`}>
      <summary>
        By cause<span className="visually-hidden"> of {of}</span>
      </summary>
      <ul>
        {lines.map((line) => (
          <li key={line.cause} data-cause={line.cause} data-value={line.value}>
            <span>{line.words}</span> <span className="kpi__cause-value">{format(line.value)}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}
