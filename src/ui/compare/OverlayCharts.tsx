/**
 * A's and B's per-slot series drawn over each other on one clock axis: residual risk and key
 * used. Each sits in the shared chart frame (table view, CSV, PNG).
 */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { OraclePlan } from '../../worker/api.ts'
import { ChartFrame } from '../charts/ChartFrame.tsx'
import { HORIZONTAL_GRID, NO_ANIMATION } from '../charts/chartConfig.ts'
import { slotTickInterval } from '../charts/transforms.ts'
import { formatEur, formatNumber } from '../format.ts'
import { overlayRows } from './compareModel.ts'
import { bottomAxisLabel, plainTick, verticalAxisLabel } from '../charts/axisText.tsx'

/** A keeps the planner's oracle colour; B is drawn dashed in a contrasting one. */
export const SIDE_STYLE = {
  a: { label: 'A (edited)', colour: '#1b6ca8', dash: '0' },
  b: { label: 'B (kept)', colour: '#c2571a', dash: '6 3' },
} as const

interface OverlayChartProps {
  id: string
  title: string
  subtitle: string
  /** Value axis label with its unit. */
  axis: string
  /** Table column unit, e.g. `€`. */
  unit: string
  a: OraclePlan | undefined
  b: OraclePlan | undefined
  revision: number
  values: (plan: OraclePlan) => readonly number[]
  scale?: number
  format: (value: number) => string
}

function OverlayChart(props: OverlayChartProps) {
  const { id, title, subtitle, axis, unit, a, b, revision, values, scale, format } = props
  const rows = overlayRows(a, b, values, scale)
  const cell = (v: number | undefined): string | number =>
    v === undefined ? '' : Number(v.toPrecision(6))
  return (
    <ChartFrame
      id={id}
      title={title}
      subtitle={subtitle}
      revision={revision}
      empty={a === undefined && b === undefined ? 'Waiting for the plans…' : undefined}
      table={() => ({
        columns: ['Slot start', `A (${unit})`, `B (${unit})`],
        rows: rows.map((r) => [r.time, cell(r.a), cell(r.b)]),
      })}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid {...HORIZONTAL_GRID} />
          <XAxis
            dataKey="time"
            interval={slotTickInterval(rows.length)}
            tick={plainTick}
            label={bottomAxisLabel('Time of day')}
            height={44}
          />
          <YAxis
            tick={plainTick}
            width={64}
            tickFormatter={(v: number) => format(v)}
            label={verticalAxisLabel(axis)}
          />
          <Tooltip
            formatter={(v) => format(Number(v))}
            labelFormatter={(l) => `Slot starting ${String(l)}`}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {(['a', 'b'] as const).map((side) => (
            <Line
              key={side}
              type="stepAfter"
              dataKey={side}
              name={SIDE_STYLE[side].label}
              stroke={SIDE_STYLE[side].colour}
              strokeDasharray={SIDE_STYLE[side].dash}
              strokeWidth={2}
              dot={false}
              connectNulls
              {...NO_ANIMATION}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  )
}

interface PlansProps {
  a: OraclePlan | undefined
  b: OraclePlan | undefined
  revision: number
}

const mbit = (v: number): string => `${formatNumber(v, { maximumFractionDigits: 3 })} Mbit`

export function RiskOverlayChart({ a, b, revision }: PlansProps) {
  return (
    <OverlayChart
      id="compare-risk"
      title="Residual risk over the day, A and B"
      subtitle="Oracle plan's expected loss from successful attacks per slot, € — A solid, B dashed"
      axis="€ per slot"
      unit="€"
      a={a}
      b={b}
      revision={revision}
      values={(p) => p.series.residualRiskEur}
      format={(v) => formatEur(v, 0)}
    />
  )
}

export function KeyUsedOverlayChart({ a, b, revision }: PlansProps) {
  return (
    <OverlayChart
      id="compare-key-used"
      title="Key used per slot, A and B"
      subtitle="QKD key the oracle plan draws per slot, summed over links, Mbit — A solid, B dashed"
      axis="Mbit per slot"
      unit="Mbit"
      a={a}
      b={b}
      revision={revision}
      values={(p) => p.series.keyUsedBits}
      scale={1e-6}
      format={mbit}
    />
  )
}
