/**
 * Key use against supply: (a) key drawn by each process per slot, stacked, against the links'
 * summed supply; (b) every link's key store over the day, the selected link highlighted. Both are
 * drawn on canvases (TimeCanvas): as recharts SVG, this panel's two charts were the longest tasks
 * of the first render.
 */
import { useId } from 'react'
import { useAppStore } from '../../store/index.ts'
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatPercent, formatNumber } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { windowSlotBands } from './timeOfDay.ts'
import {
  drawnLinksNote,
  keyUseData,
  keyUseTable,
  linkSeries,
  linksToDraw,
  MAX_DRAWN_LINKS,
  slotTickInterval,
  storeData,
  type SeriesMeta,
  type SlotRow,
  waitingRows,
} from './transforms.ts'
import { ChartLegend } from './ChartLegend.tsx'
import { TimeCanvas } from './TimeCanvas.tsx'
import { linearAxis, type TimeSeries } from './timePlot.ts'

const mbit = (v: number | null): string =>
  `${formatNumber(v ?? 0, { maximumFractionDigits: 3 })} Mbit`
const tick = (v: number): string => formatNumber(v, { maximumFractionDigits: 3 })
const slotStart = (time: string): string => `Slot starting ${time}`
const slotEnd = (time: string): string => `End of slot starting ${time}`
const SUPPLY = 'Supply of all links'
const SUPPLY_COLOUR = '#1d2733'

/** A series' values, slot by slot, from the chart rows. */
const column = (rows: readonly SlotRow[], key: string): number[] =>
  rows.map((r) => Number(r[key] ?? 0))
/** Picks the highlighted link (shared with the map and the price chart). */
export function LinkSelect({ links }: { links: readonly SeriesMeta[] }) {
  const id = useId()
  const selected = useAppStore((s) => s.selectedLinkId)
  const selectLink = useAppStore((s) => s.selectLink)
  return (
    <div className="chart__control">
      <label htmlFor={id}>Highlight link</label>
      <select
        id={id}
        value={selected ?? ''}
        onChange={(e) => selectLink(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">All links</option>
        {links.map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  )
}

const selectStore = (s: AppState) => ({
  plan: s.oracle,
  scenario: plannedScenario(s),
  selected: s.selectedLinkId,
})

/** The key stores, a chart of its own in the render queue: each chart is a turn. */
function StoreChartView({ plan, scenario, selected }: ReturnType<typeof selectStore>) {
  const ids = plan === undefined ? [] : linksToDraw(scenario, plan.links, selected, MAX_DRAWN_LINKS)
  const store = plan === undefined ? { series: [], rows: [] } : storeData(plan, scenario, ids)
  const rows = plan === undefined ? waitingRows(scenario) : store.rows
  const highlighted = store.series.some((s) => s.id === selected) ? selected : undefined
  const shown = store.series.filter((s) => highlighted === undefined || s.id === highlighted)
  const buffer = scenario.qkd.links.find((l) => l.id === highlighted)?.bufferBits
  const series: TimeSeries[] = shown.map((s) => ({
    key: s.key,
    name: `Store of link ${s.label}`,
    colour: s.colour,
    values: column(rows, s.key),
    kind: 'line',
    shape: 'linear',
    width: highlighted === undefined ? 1.5 : 2.5,
  }))
  const reference = buffer === undefined ? undefined : { value: buffer / 1e6, label: 'Store size' }
  return (
    <>
      <TimeCanvas
        times={rows.map((r) => r.time)}
        tickEvery={slotTickInterval(rows.length) + 1}
        series={series}
        axis={linearAxis(series, rows.length, reference === undefined ? [] : [reference.value])}
        bands={windowSlotBands(scenario)}
        reference={reference}
        yLabel="Store, Mbit"
        format={tick}
        formatValue={mbit}
        slotTitle={slotEnd}
        height={180}
        label="Key store of each link at the end of each slot, Mbit."
      />
      <ChartLegend
        entries={shown.map((s) => ({ label: s.label, colour: s.colour, mark: 'line' }))}
      />
    </>
  )
}

const StoreChart = chartWithState(selectStore, StoreChartView, <div style={{ height: 200 }} />)

const select = (s: AppState) => ({
  plan: s.oracle,
  revision: s.oracleRevision,
  scenario: plannedScenario(s),
  selected: s.selectedLinkId,
})

function KeyUtilizationChartView({
  plan,
  revision,
  scenario,
  selected,
}: ReturnType<typeof select>) {
  const use = plan === undefined ? { series: [], rows: [] } : keyUseData(plan, scenario)
  const allIds = plan === undefined ? [] : linksToDraw(scenario, plan.links)
  const ids = plan === undefined ? [] : linksToDraw(scenario, plan.links, selected, MAX_DRAWN_LINKS)
  const rows = plan === undefined ? waitingRows(scenario) : use.rows
  // Processes first, supply last, as they stack.
  const series: TimeSeries[] = [
    ...use.series.map((s): TimeSeries => ({
      key: s.key,
      name: `${s.label}, key used`,
      colour: s.colour,
      values: column(rows, s.key),
      kind: 'area',
      shape: 'step',
    })),
    ...(plan === undefined
      ? []
      : [
          {
            key: 'supply',
            name: SUPPLY,
            colour: SUPPLY_COLOUR,
            values: column(rows, 'supply'),
            kind: 'line',
            shape: 'step',
            width: 2,
            dashed: true,
          } satisfies TimeSeries,
        ]),
  ]
  return (
    <ChartFrame
      id="key-use"
      title="Key use against supply"
      subtitle={`Top: key used per slot by each process, Mbit, counted on every link a relayed bit crosses, against the links' total supply (${formatPercent(plan?.keyUtilization)} used over the day). Bottom: key store at the end of each slot, Mbit — every link, or the picked link against its store size.${drawnLinksNote(ids.length, allIds.length)}`}
      revision={revision}
      empty={plan === undefined ? 'Waiting for the first plan…' : undefined}
      table={() =>
        keyUseTable(
          use,
          plan === undefined ? { series: [], rows: [] } : storeData(plan, scenario, allIds),
        )
      }
    >
      <TimeCanvas
        times={rows.map((r) => r.time)}
        tickEvery={slotTickInterval(rows.length) + 1}
        series={series}
        axis={linearAxis(series, rows.length)}
        bands={windowSlotBands(scenario)}
        yLabel="Mbit per slot"
        format={tick}
        formatValue={mbit}
        slotTitle={slotStart}
        height={216}
        label="Key used per slot by each process, stacked, against the links' total supply, Mbit."
      />
      <ChartLegend
        entries={[
          ...use.series.map((s) => ({ label: s.label, colour: s.colour, mark: 'box' as const })),
          ...(plan === undefined
            ? []
            : [{ label: SUPPLY, colour: SUPPLY_COLOUR, mark: 'dashed' as const }]),
        ]}
      />
      <LinkSelect links={linkSeries(scenario, allIds)} />
      <StoreChart />
    </ChartFrame>
  )
}

export const KeyUtilizationChart = chartWithState(select, KeyUtilizationChartView)
