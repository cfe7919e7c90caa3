/**
 * Residual risk over the day for each policy, with attack windows and shocks shaded, drawn on a
 * canvas (TimeCanvas).
 */
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatEur } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { windowSlotBands } from './timeOfDay.ts'
import { POLICY_SERIES } from './chartConfig.ts'
import { riskByPolicy, slotRows, slotTickInterval, waitingRows } from './transforms.ts'
import { TimeCanvas } from './TimeCanvas.tsx'
import { linearAxis, type TimeSeries } from './timePlot.ts'
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
  const lines = keys.map((k): TimeSeries => ({
    key: k,
    name: POLICY_SERIES[k]?.label ?? k,
    colour: POLICY_SERIES[k]?.colour ?? '#333',
    values: series[k] ?? [],
    kind: 'line',
    shape: 'step',
    width: k === 'oracle' ? 2 : 1.5,
  }))
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
      <TimeCanvas
        times={rows.map((r) => r.time)}
        tickEvery={slotTickInterval(rows.length) + 1}
        series={lines}
        axis={linearAxis(lines, rows.length)}
        bands={windowSlotBands(scenario)}
        yLabel="€ per slot"
        format={(v) => formatEur(v, 0)}
        formatValue={(v) => formatEur(v ?? 0)}
        slotTitle={(time) => `Slot starting ${time}`}
        height={236}
        label="Residual risk per slot for each policy, €."
      />
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
