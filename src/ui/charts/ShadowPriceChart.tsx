/**
 * Shadow price of key on every link over the day (log scale), with the proposed controller's
 * corrected prices for the focused link dashed, and attack windows and shocks shaded.
 */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, YAxis } from 'recharts'
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatPricePerMbit } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { timeOfDayAxis, windowAreas } from './timeOfDay.tsx'
import { HORIZONTAL_GRID, NO_ANIMATION, POLICY_SERIES } from './chartConfig.ts'
import { LinkSelect } from './KeyUtilizationChart.tsx'
import {
  focusLink,
  formatDecadeEur,
  drawnLinksNote,
  linkLabel,
  linkSeries,
  linksToDraw,
  MAX_DRAWN_LINKS,
  logAxis,
  priceData,
  priceTable,
  waitingRows,
} from './transforms.ts'
import { plainTick, verticalAxisLabel } from './axisText.tsx'
import { LazyTooltip } from './lazyTooltip.tsx'
import { ChartLegend } from './ChartLegend.tsx'

const perMbit = (v: number | null): string =>
  v === null ? '€0/Mbit (key not scarce)' : formatPricePerMbit(v / 1e6)

const select = (s: AppState) => ({
  plan: s.oracle,
  revision: s.oracleRevision,
  scenario: plannedScenario(s),
  selected: s.selectedLinkId,
  // The proposed controller's prices only when they belong to the plan shown.
  proposedLinks:
    s.comparisonRevision === s.oracleRevision ? s.comparison?.policies.proposed?.links : undefined,
})

function ShadowPriceChartView({
  plan,
  revision,
  scenario,
  selected,
  proposedLinks,
}: ReturnType<typeof select>) {
  const focus = plan === undefined ? undefined : focusLink(plan.links, selected)
  const allIds = plan === undefined ? [] : linksToDraw(scenario, plan.links)
  const ids = plan === undefined ? [] : linksToDraw(scenario, plan.links, selected, MAX_DRAWN_LINKS)
  const price = (linkIds: readonly string[]) =>
    plan === undefined
      ? { series: [], rows: [], hasProposed: false }
      : priceData(plan, scenario, proposedLinks, focus, linkIds)
  const data = price(ids)
  const keys = [...data.series.map((s) => s.key), ...(data.hasProposed ? ['proposed'] : [])]
  const axis = logAxis(data.rows.flatMap((r) => keys.map((k) => r[k] as number | null)))
  const highlighted = data.series.some((s) => s.id === selected) ? selected : undefined
  const focusName = focus === undefined ? '' : linkLabel(scenario, focus)
  const proposedName = `${POLICY_SERIES.proposed.label}, link ${focusName}`
  return (
    <ChartFrame
      id="shadow-price"
      title="Shadow price of key"
      subtitle={`Value of one more Mbit of key on each link per slot, € per Mbit, log scale (0 = key not scarce, not drawn); oracle solid, ${data.hasProposed ? `proposed controller dashed for ${focusName}` : 'proposed controller’s prices appear once the comparison is done'}; shaded: attack windows (red) and key-yield shocks (amber).${drawnLinksNote(ids.length, allIds.length)}`}
      revision={revision}
      empty={
        plan === undefined
          ? 'Waiting for the first plan…'
          : axis === undefined
            ? 'Every shadow price is 0: key is not scarce on any link in any slot.'
            : undefined
      }
      table={() => priceTable(price(allIds), proposedName)}
    >
      <LinkSelect links={linkSeries(scenario, allIds)} />
      <ResponsiveContainer width="100%" height={256}>
        <LineChart
          data={plan === undefined ? waitingRows(scenario) : data.rows}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid {...HORIZONTAL_GRID} />
          {windowAreas(scenario)}
          {timeOfDayAxis(plan?.slots ?? scenario.horizon.slots)}
          <YAxis
            interval={0}
            scale="log"
            domain={axis?.domain ?? ['auto', 'auto']}
            ticks={axis?.ticks ?? []}
            allowDataOverflow
            tick={plainTick}
            width={72}
            tickFormatter={(v: number) => formatDecadeEur(v)}
            label={verticalAxisLabel('€ per Mbit')}
          />
          <LazyTooltip
            contentStyle={{ fontSize: 12 }}
            formatter={(v, name) => [perMbit(typeof v === 'number' ? v : null), name]}
            labelFormatter={(l) => `Slot starting ${String(l)}`}
          />
          {data.series.map((s) => (
            <Line
              key={s.key}
              type="stepAfter"
              dataKey={s.key}
              name={`Link ${s.label}`}
              stroke={s.colour}
              strokeWidth={s.id === highlighted ? 3 : 1.5}
              strokeOpacity={highlighted === undefined || s.id === highlighted ? 1 : 0.25}
              dot={false}
              {...NO_ANIMATION}
            />
          ))}
          {data.hasProposed && (
            <Line
              type="stepAfter"
              dataKey="proposed"
              name={proposedName}
              stroke="#1d2733"
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
              {...NO_ANIMATION}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend
        entries={[
          ...data.series.map((s) => ({
            label: `Link ${s.label}`,
            colour: s.colour,
            mark: 'line' as const,
          })),
          ...(data.hasProposed
            ? [{ label: proposedName, colour: '#1d2733', mark: 'dashed' as const }]
            : []),
        ]}
      />
    </ChartFrame>
  )
}

export const ShadowPriceChart = chartWithState(select, ShadowPriceChartView)
