/**
 * Residual risk over the day for each policy, with attack windows and shocks shaded.
 */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, YAxis } from 'recharts'
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatEur } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { timeOfDayAxis, windowAreas } from './timeOfDay.tsx'
import { HORIZONTAL_GRID, NO_ANIMATION, POLICY_SERIES } from './chartConfig.ts'
import { riskByPolicy, slotRows, waitingRows } from './transforms.ts'
import { plainTick, verticalAxisLabel } from './axisText.tsx'
import { LazyTooltip } from './lazyTooltip.tsx'
import { ChartLegend } from './ChartLegend.tsx'

const select = (s: AppState) => ({
  plan: s.oracle,
  comparison: s.comparison,
  revision: s.oracleRevision,
  scenario: plannedScenario(s),
})

function RiskChartView({ plan, comparison, revision, scenario }: ReturnType<typeof select>) {
  const series = plan === undefined ? {} : riskByPolicy(comparison, plan.series.residualRiskEur)
  const rows =
    plan === undefined ? waitingRows(scenario) : slotRows(plan.slots, plan.slotMinutes, series)
  const keys = Object.keys(series) as Array<keyof typeof POLICY_SERIES>
  return (
    <ChartFrame
      id="risk"
      title="Residual risk over the day"
      subtitle="Expected loss from successful attacks per slot, € — by policy; shaded: attack windows (red) and key-yield shocks (amber)"
      revision={revision}
      empty={plan === undefined ? 'Waiting for the first plan…' : undefined}
      table={() => ({
        columns: ['Slot start', ...keys.map((k) => `${POLICY_SERIES[k]?.label ?? k} (€)`)],
        rows: rows.map((r) => [r.time, ...keys.map((k) => Number(r[k]).toPrecision(4))]),
      })}
    >
      <ResponsiveContainer width="100%" height={236}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid {...HORIZONTAL_GRID} />
          {windowAreas(scenario)}
          {timeOfDayAxis(plan?.slots ?? scenario.horizon.slots)}
          <YAxis
            interval={0}
            tick={plainTick}
            width={64}
            tickFormatter={(v: number) => formatEur(v, 0)}
            label={verticalAxisLabel('€ per slot')}
          />
          <LazyTooltip
            formatter={(v) => formatEur(Number(v))}
            labelFormatter={(l) => `Slot starting ${String(l)}`}
          />
          {keys.map((k) => (
            <Line
              key={k}
              type="stepAfter"
              dataKey={k}
              name={POLICY_SERIES[k]?.label ?? k}
              stroke={POLICY_SERIES[k]?.colour ?? '#333'}
              dot={false}
              strokeWidth={k === 'oracle' ? 2 : 1.5}
              {...NO_ANIMATION}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend
        entries={keys.map((k) => ({
          label: POLICY_SERIES[k]?.label ?? k,
          colour: POLICY_SERIES[k]?.colour ?? '#333',
          mark: 'line',
        }))}
      />
    </ChartFrame>
  )
}

export const RiskChart = chartWithState(select, RiskChartView)
