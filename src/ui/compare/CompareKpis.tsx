/**
 * A's and B's headline figures side by side with B − A and its share of A, coloured by whether
 * B is better or worse (and said in words, so colour is never the only signal).
 */
import { useMemo } from 'react'
import type { OraclePlan } from '../../worker/api.ts'
import { formatCount, formatEur, formatMbit, formatPercent } from '../format.ts'
import { kpiDeltas, type KpiDelta, type KpiUnit } from './compareModel.ts'

function formatValue(unit: KpiUnit, value: number | null): string {
  switch (unit) {
    case 'eur':
      return formatEur(value)
    case 'count':
      return formatCount(value)
    case 'mbit':
      return formatMbit(value)
    case 'share':
      return formatPercent(value)
    case 'eurPerMbit':
      return value === null ? '–' : `${formatEur(value)}/Mbit`
  }
}

function formatDelta(row: KpiDelta): string {
  if (row.delta === null) return '–'
  const sign = row.delta > 0 ? '+' : row.delta < 0 ? '−' : '±'
  const magnitude = Math.abs(row.delta)
  // A utilization difference is in percentage points, not percent.
  if (row.unit === 'share') return `${sign}${(magnitude * 100).toFixed(1)} pp`
  return `${sign}${formatValue(row.unit, magnitude)}`
}

function formatRelative(relative: number | null): string {
  if (relative === null) return '–'
  const sign = relative > 0 ? '+' : relative < 0 ? '−' : '±'
  const magnitude = Math.abs(relative)
  // A change below 0.05 % would read "0.0 %"; two significant digits keep it visible.
  if (magnitude > 0 && magnitude < 5e-4) return `${sign}${(magnitude * 100).toPrecision(2)} %`
  return `${sign}${formatPercent(magnitude)}`
}

const VERDICT_TEXT: Record<KpiDelta['verdict'], string> = {
  better: 'B better',
  worse: 'B worse',
  same: 'same',
  neutral: '',
  unknown: '',
}

interface CompareKpisProps {
  a: OraclePlan | undefined
  b: OraclePlan | undefined
  aRevision: number
  bRevision: number
}

export function CompareKpis({ a, b, aRevision, bRevision }: CompareKpisProps) {
  const rows = useMemo(() => (a === undefined || b === undefined ? [] : kpiDeltas(a, b)), [a, b])
  return (
    <section
      className="panel compare-kpis"
      aria-labelledby="compare-kpis-title"
      data-testid="compare-kpis"
      data-revision={aRevision}
      data-compare-revision={bRevision}
    >
      <h2 id="compare-kpis-title">Key figures: B against A</h2>
      {rows.length === 0 ? (
        <p className="chart__empty">
          {a === undefined ? 'Waiting for A’s plan…' : 'Waiting for B’s plan…'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compare-kpis__table">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
                <th scope="col">B − A</th>
                <th scope="col">% of A</th>
                <th scope="col">
                  <span className="visually-hidden">Verdict</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  className={`compare-delta compare-delta--${row.verdict}`}
                  data-testid={`kpi-delta-${row.id}`}
                  data-verdict={row.verdict}
                  data-delta={row.delta ?? ''}
                >
                  <th scope="row">{row.label}</th>
                  <td>{formatValue(row.unit, row.a)}</td>
                  <td>{formatValue(row.unit, row.b)}</td>
                  <td className="compare-delta__value">{formatDelta(row)}</td>
                  <td className="compare-delta__value">{formatRelative(row.relative)}</td>
                  <td className="compare-delta__verdict">{VERDICT_TEXT[row.verdict]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
