/**
 * Late messages per slot, stacked by business process, with attack windows and shocks shaded.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, YAxis } from 'recharts'
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatCount } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { timeOfDayAxis, windowAreas } from './timeOfDay.tsx'
import { HORIZONTAL_GRID, NO_ANIMATION } from './chartConfig.ts'
import { slaData, waitingRows } from './transforms.ts'
import { plainTick, verticalAxisLabel } from './axisText.tsx'
import { LazyTooltip } from './lazyTooltip.tsx'
import { ChartLegend } from './ChartLegend.tsx'

const select = (s: AppState) => ({
  plan: s.oracle,
  revision: s.oracleRevision,
  scenario: plannedScenario(s),
})

function SlaChartView({ plan, revision, scenario }: ReturnType<typeof select>) {
  const { series, rows } = plan === undefined ? { series: [], rows: [] } : slaData(plan, scenario)
  const total = rows.reduce((acc, r) => acc + Number(r.total), 0)
  // A process with no late message all day adds 96 empty bars and nothing to read; drawing only
  // the others keeps this chart's render (one task) short. The table still lists every process.
  const late = series.filter((s) => rows.some((r) => Number(r[s.key]) > 0))
  return (
    <ChartFrame
      id="sla"
      title="Missed deadlines (SLA violations)"
      subtitle={`Late messages per slot, stacked by process (processes with none left out) — ${formatCount(total)} over the day (oracle plan); shaded: attack windows (red) and key-yield shocks (amber)`}
      revision={revision}
      empty={plan === undefined ? 'Waiting for the first plan…' : undefined}
      table={() => ({
        columns: [
          'Slot start',
          ...series.map((s) => `${s.label} (late messages)`),
          'All processes (late messages)',
        ],
        rows: rows.map((r) => [
          r.time,
          ...series.map((s) => formatCount(Number(r[s.key]))),
          formatCount(Number(r.total)),
        ]),
      })}
    >
      <ResponsiveContainer width="100%" height={236}>
        <BarChart
          data={plan === undefined ? waitingRows(scenario) : rows}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          barCategoryGap={1}
        >
          <CartesianGrid {...HORIZONTAL_GRID} />
          {windowAreas(scenario)}
          {timeOfDayAxis(plan?.slots ?? scenario.horizon.slots)}
          <YAxis
            interval={0}
            tick={plainTick}
            width={64}
            allowDecimals={false}
            tickFormatter={(v: number) => formatCount(v)}
            label={verticalAxisLabel('Late messages per slot')}
          />
          <LazyTooltip
            contentStyle={{ fontSize: 12 }}
            formatter={(v, name) => [`${formatCount(Number(v))} late messages`, name]}
            labelFormatter={(l) => `Slot starting ${String(l)}`}
          />
          {late.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="late"
              fill={s.colour}
              {...NO_ANIMATION}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <ChartLegend entries={late.map((s) => ({ label: s.label, colour: s.colour, mark: 'box' }))} />
    </ChartFrame>
  )
}

export const SlaChart = chartWithState(select, SlaChartView)
