/**
 * Key use against supply: (a) key drawn by each process per slot, stacked, against the links'
 * summed supply; (b) every link's key store over the day, the selected link highlighted.
 */
import { useId } from 'react'
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  YAxis,
} from 'recharts'
import { useAppStore } from '../../store/index.ts'
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatPercent, formatNumber } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { timeOfDayAxis, windowAreas } from './timeOfDay.tsx'
import { HORIZONTAL_GRID, NO_ANIMATION } from './chartConfig.ts'
import {
  drawnLinksNote,
  keyUseData,
  keyUseTable,
  linkSeries,
  linksToDraw,
  MAX_DRAWN_LINKS,
  storeData,
  type SeriesMeta,
  waitingRows,
} from './transforms.ts'
import { plainTick, verticalAxisLabel } from './axisText.tsx'
import { LazyTooltip } from './lazyTooltip.tsx'
import { ChartLegend } from './ChartLegend.tsx'

const mbit = (v: unknown): string => `${formatNumber(Number(v), { maximumFractionDigits: 3 })} Mbit`
const SUPPLY = 'Supply of all links'
const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 }

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

/** The key stores, a chart of its own in the render queue: each recharts chart is a turn. */
function StoreChartView({ plan, scenario, selected }: ReturnType<typeof selectStore>) {
  const ids = plan === undefined ? [] : linksToDraw(scenario, plan.links, selected, MAX_DRAWN_LINKS)
  const store = plan === undefined ? { series: [], rows: [] } : storeData(plan, scenario, ids)
  const bands = windowAreas(scenario)
  const xAxis = timeOfDayAxis(plan?.slots ?? scenario.horizon.slots)
  const highlighted = store.series.some((s) => s.id === selected) ? selected : undefined
  const shown = store.series.filter((s) => highlighted === undefined || s.id === highlighted)
  const buffer = scenario.qkd.links.find((l) => l.id === highlighted)?.bufferBits
  return (
    <>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={plan === undefined ? waitingRows(scenario) : store.rows} margin={MARGIN}>
          <CartesianGrid {...HORIZONTAL_GRID} />
          {bands}
          {xAxis}
          <YAxis
            interval={0}
            tick={plainTick}
            width={64}
            label={verticalAxisLabel('Store, Mbit')}
          />
          <LazyTooltip
            contentStyle={{ fontSize: 12 }}
            formatter={(v, name) => [mbit(v), `Store of link ${String(name)}`]}
            labelFormatter={(l) => `End of slot starting ${String(l)}`}
          />
          {buffer !== undefined && (
            <ReferenceLine
              y={buffer / 1e6}
              stroke="#5b6b7b"
              strokeDasharray="4 3"
              label={{ value: 'Store size', position: 'insideTopRight', fontSize: 11 }}
            />
          )}
          {shown.map((s) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={s.colour}
              strokeWidth={highlighted === undefined ? 1.5 : 2.5}
              dot={false}
              {...NO_ANIMATION}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
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
  const bands = windowAreas(scenario)
  const xAxis = timeOfDayAxis(plan?.slots ?? scenario.horizon.slots)
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
      <ResponsiveContainer width="100%" height={216}>
        <ComposedChart data={plan === undefined ? waitingRows(scenario) : use.rows} margin={MARGIN}>
          <CartesianGrid {...HORIZONTAL_GRID} />
          {bands}
          {xAxis}
          <YAxis
            interval={0}
            tick={plainTick}
            width={64}
            label={verticalAxisLabel('Mbit per slot')}
          />
          <LazyTooltip
            contentStyle={{ fontSize: 12 }}
            formatter={(v, name) => [mbit(v), name === SUPPLY ? name : `${String(name)}, key used`]}
            labelFormatter={(l) => `Slot starting ${String(l)}`}
          />
          {use.series.map((s) => (
            <Area
              key={s.key}
              type="stepAfter"
              dataKey={s.key}
              name={s.label}
              stackId="used"
              stroke={s.colour}
              fill={s.colour}
              fillOpacity={0.55}
              {...NO_ANIMATION}
            />
          ))}
          <Line
            type="stepAfter"
            dataKey="supply"
            name={SUPPLY}
            stroke="#1d2733"
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            {...NO_ANIMATION}
          />
        </ComposedChart>
      </ResponsiveContainer>
      {/* Processes first, supply last, as they stack. */}
      <ChartLegend
        entries={[
          ...use.series.map((s) => ({ label: s.label, colour: s.colour, mark: 'box' as const })),
          ...(plan === undefined
            ? []
            : [{ label: SUPPLY, colour: '#1d2733', mark: 'dashed' as const }]),
        ]}
      />
      <LinkSelect links={linkSeries(scenario, allIds)} />
      <StoreChart />
    </ChartFrame>
  )
}

export const KeyUtilizationChart = chartWithState(select, KeyUtilizationChartView)
