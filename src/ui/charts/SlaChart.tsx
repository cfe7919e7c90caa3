/**
 * Late messages per slot, stacked by business process, with attack windows and shocks shaded;
 * drawn on a canvas (TimeCanvas).
 */
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatCount } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { windowSlotBands } from './timeOfDay.ts'
import { slaData, slotTickInterval, waitingRows } from './transforms.ts'
import { TimeCanvas } from './TimeCanvas.tsx'
import { linearAxis, type TimeSeries, type ValueAxis } from './timePlot.ts'
import { ChartLegend } from './ChartLegend.tsx'

/** Message counts are whole: the axis keeps only whole ticks (at least 0 and 1). */
function countAxis(bars: readonly TimeSeries[], slots: number): ValueAxis {
  const axis = linearAxis(bars, slots)
  const top = Math.max(1, Math.ceil(axis.domain[1]))
  return { ...axis, domain: [0, top], ticks: axis.ticks.filter(Number.isInteger) }
}

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
  const shownRows = plan === undefined ? waitingRows(scenario) : rows
  const bars = late.map((s): TimeSeries => ({
    key: s.key,
    name: s.label,
    colour: s.colour,
    values: shownRows.map((r) => Number(r[s.key] ?? 0)),
    kind: 'bar',
    shape: 'step',
  }))
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
      <TimeCanvas
        times={shownRows.map((r) => r.time)}
        tickEvery={slotTickInterval(shownRows.length) + 1}
        series={bars}
        axis={countAxis(bars, shownRows.length)}
        bands={windowSlotBands(scenario)}
        yLabel="Late messages per slot"
        format={formatCount}
        formatValue={(v) => `${formatCount(v ?? 0)} late messages`}
        slotTitle={(time) => `Slot starting ${time}`}
        height={236}
        label="Late messages per slot, stacked by process."
      />
      <ChartLegend entries={late.map((s) => ({ label: s.label, colour: s.colour, mark: 'box' }))} />
    </ChartFrame>
  )
}

export const SlaChart = chartWithState(select, SlaChartView)
