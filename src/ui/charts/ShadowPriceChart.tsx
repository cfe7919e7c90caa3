/**
 * Shadow price of key on every link over the day (log scale), with the proposed controller's
 * corrected prices for the focused link dashed, and attack windows and shocks shaded; drawn on a
 * canvas (TimeCanvas).
 */
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatPricePerMbit } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { windowSlotBands } from './timeOfDay.ts'
import { POLICY_SERIES } from './chartConfig.ts'
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
  slotTickInterval,
  waitingRows,
} from './transforms.ts'
import { TimeCanvas } from './TimeCanvas.tsx'
import type { TimeSeries } from './timePlot.ts'
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
  const rows = plan === undefined ? waitingRows(scenario) : data.rows
  const values = (key: string): Array<number | null> =>
    rows.map((r) => (typeof r[key] === 'number' ? r[key] : null))
  const lines: TimeSeries[] = [
    ...data.series.map((s): TimeSeries => ({
      key: s.key,
      name: `Link ${s.label}`,
      colour: s.colour,
      values: values(s.key),
      kind: 'line',
      shape: 'step',
      width: s.id === highlighted ? 3 : 1.5,
      opacity: highlighted === undefined || s.id === highlighted ? 1 : 0.25,
    })),
    ...(data.hasProposed
      ? [
          {
            key: 'proposed',
            name: proposedName,
            colour: '#1d2733',
            values: values('proposed'),
            kind: 'line',
            shape: 'step',
            width: 2,
            dashed: true,
          } satisfies TimeSeries,
        ]
      : []),
  ]
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
      <TimeCanvas
        times={rows.map((r) => r.time)}
        tickEvery={slotTickInterval(rows.length) + 1}
        series={lines}
        axis={{ scale: 'log', domain: axis?.domain ?? [1, 10], ticks: axis?.ticks ?? [] }}
        bands={windowSlotBands(scenario)}
        yLabel="€ per Mbit"
        format={formatDecadeEur}
        formatValue={perMbit}
        slotTitle={(time) => `Slot starting ${time}`}
        height={256}
        label="Shadow price of key on each link per slot, € per Mbit, log scale."
      />
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
