/**
 * The budget frontier: the best plan's cost, residual risk and late messages against the VPP key
 * share (log axis, as the sweep is log-spaced), with the shares where shadow prices change as
 * dashed lines and the scenario's own share highlighted.
 */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { useAppStore } from '../../store/index.ts'
import { NO_ANIMATION } from '../charts/chartConfig.ts'
import { ChartFrame } from '../charts/ChartFrame.tsx'
import { formatEur } from '../format.ts'
import { AnalysisPanel, AUTO_RUN_NOTE } from './AnalysisPanel.tsx'
import {
  formatPercentTick,
  formatShare,
  frontierRows,
  frontierSentence,
  frontierTable,
  listSome,
  percentLogTicks,
  unresolvedText,
} from './transforms.ts'
import { plainTick, verticalAxisLabel } from '../charts/axisText.tsx'

const SERIES = {
  objectiveEur: { label: 'Plan cost (objective)', colour: '#1b6ca8' },
  residualRiskEur: { label: 'Residual risk', colour: '#d1495b' },
  slaViolations: { label: 'Late messages', colour: '#8d6a9f' },
} as const

export function FrontierPanel() {
  return (
    <AnalysisPanel
      kind="frontier"
      title="Budget frontier"
      description={`How the best plan’s cost (€), residual risk (€) and late messages change with the VPP’s share of every link’s key, from a tenth of today’s share to ten times it. 20 LP solves and up to 60 more to place the breakpoints; ${AUTO_RUN_NOTE}.`}
    >
      <FrontierChart />
    </AnalysisPanel>
  )
}

function FrontierChart() {
  const entry = useAppStore((s) => s.analysis.frontier)
  const frontier = entry.result
  if (frontier === undefined) return <p className="chart__empty">Computing the frontier…</p>
  const rows = frontierRows(frontier)
  const shares = rows.map((r) => r.sharePct)
  const min = Math.min(...shares)
  const max = Math.max(...shares)
  const unresolved = unresolvedText(frontier)
  const infeasible = frontier.points.filter((p) => p.objectiveEur === null)
  return (
    <>
      <p
        className="chart__note"
        data-testid="frontier-breakpoints"
        data-count={frontier.breakpoints.length}
      >
        {frontier.breakpoints.length === 0
          ? 'The shadow prices do not change within the swept range (no breakpoints).'
          : `Shadow prices change at ${frontier.breakpoints.length} share${frontier.breakpoints.length === 1 ? '' : 's'}: ${listSome(frontier.breakpoints.map(formatShare), 8)} (dashed lines); between breakpoints each extra share saves the same amount.`}{' '}
        Today’s share: {formatShare(frontier.currentShare)} (solid line).
      </p>
      {infeasible.length > 0 && (
        <p className="chart__note">
          No plan meets every hard constraint at{' '}
          {listSome(
            infeasible.map((p) => formatShare(p.vppShare)),
            6,
          )}
          .
        </p>
      )}
      {unresolved !== undefined && (
        <p className="chart__note chart__note--stale" data-testid="frontier-unresolved">
          {unresolved}
        </p>
      )}
      <ChartFrame
        id="frontier"
        title="Cost, risk and late messages against VPP share"
        subtitle="x: VPP key share, % (log scale); left axis: € over the day; right axis: late messages per day"
        revision={entry.revision}
        table={() => frontierTable(frontier)}
      >
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e5e8ec" />
            <XAxis
              type="number"
              dataKey="sharePct"
              scale="log"
              domain={[min, max]}
              ticks={percentLogTicks(min, max)}
              tickFormatter={formatPercentTick}
              tick={plainTick}
              allowDataOverflow
              label={{
                value: 'VPP key share, % (log)',
                position: 'bottom',
                fontSize: 12,
                offset: 4,
              }}
            />
            <YAxis
              yAxisId="eur"
              tick={plainTick}
              width={72}
              tickFormatter={(v: number) => formatEur(v, 0)}
              label={verticalAxisLabel('€ per day')}
            />
            <YAxis
              yAxisId="count"
              orientation="right"
              tick={plainTick}
              width={56}
              allowDecimals={false}
              label={verticalAxisLabel('late messages', 'right')}
            />
            <Tooltip
              content={({ active, label }) => {
                const point = frontier.points.find(
                  (p) => Math.abs(p.vppShare * 100 - Number(label)) < 1e-9,
                )
                if (active !== true || point === undefined) return null
                return <p className="chart__tooltip">{frontierSentence(point)}</p>
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12, paddingTop: 16 }} />
            {frontier.breakpoints.map((b) => (
              <ReferenceLine
                key={b}
                x={b * 100}
                yAxisId="eur"
                stroke="#9aa5b1"
                strokeOpacity={0.6}
                strokeDasharray="4 3"
                className="frontier-breakpoint"
              />
            ))}
            <ReferenceLine
              x={frontier.currentShare * 100}
              yAxisId="eur"
              stroke="#2a9d5c"
              strokeWidth={2}
              className="frontier-current"
              label={{ value: 'today', position: 'top', fontSize: 11, fill: '#2a9d5c' }}
            />
            {(['objectiveEur', 'residualRiskEur'] as const).map((k) => (
              <Line
                key={k}
                yAxisId="eur"
                dataKey={k}
                name={`${SERIES[k].label} (€)`}
                stroke={SERIES[k].colour}
                strokeWidth={k === 'objectiveEur' ? 2 : 1.5}
                dot={{ r: 2 }}
                connectNulls={false}
                {...NO_ANIMATION}
              />
            ))}
            <Line
              yAxisId="count"
              dataKey="slaViolations"
              name={`${SERIES.slaViolations.label} (count)`}
              stroke={SERIES.slaViolations.colour}
              strokeDasharray="2 2"
              dot={{ r: 2 }}
              {...NO_ANIMATION}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
    </>
  )
}
