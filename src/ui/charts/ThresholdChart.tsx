/**
 * The price-threshold property: every upgrade step of every flow-slot as value per key bit
 * against the flow's path price (log-log), taken steps above the diagonal, untaken below.
 */
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { plannedScenario } from './useChartState.ts'
import { formatCount, formatPercent, formatPricePerMbit, slotClock } from '../format.ts'
import { ChartFrame } from './ChartFrame.tsx'
import { ScatterCanvas } from './ScatterCanvas.tsx'
import { formatDecadeEur, thresholdData, type ThresholdDot } from './transforms.ts'

const TAKEN = '#2a9d5c'
const NOT_TAKEN = '#d1495b'
const eur = (perMbit: number): string => formatPricePerMbit(perMbit / 1e6)
const priceOf = (d: ThresholdDot): number => d.price
const valueOf = (d: ThresholdDot): number => d.value

const select = (s: AppState) => ({
  plan: s.oracle,
  revision: s.oracleRevision,
  scenario: plannedScenario(s),
})

function ThresholdChartView({ plan, revision, scenario }: ReturnType<typeof select>) {
  const data =
    plan === undefined
      ? { taken: [], notTaken: [], dropped: 0, axis: undefined }
      : thresholdData(plan.threshold)
  const slotMinutes = plan?.slotMinutes ?? scenario.horizon.slotMinutes
  const processName = (id: string): string =>
    scenario.processes.find((p) => p.id === id)?.label ?? id
  const certificate =
    plan?.thresholdViolation === null || plan?.thresholdViolation === undefined
      ? 'not available'
      : plan.thresholdViolation.toExponential(1)
  const dropped =
    data.dropped > 0
      ? ` ${formatCount(data.dropped)} steps with path price 0 (key not scarce) are left out.`
      : ''
  const [lo, hi] = data.axis?.domain ?? [1, 10]
  const tip = (d: ThresholdDot): string =>
    `${processName(d.processId)}, flow ${d.flowId}, slot starting ${slotClock(d.slot, slotMinutes)}: ${d.from} → ${d.to}`
  return (
    <ChartFrame
      id="threshold"
      title="Price-threshold check"
      subtitle={`Each dot is one upgrade step of one flow in one slot: path price π (x) against the step's security value per key bit (y), both € per Mbit, log-log. Upgrades above the line are bought, below are not: the paper's price-threshold property. Largest relative violation (certificate): ${certificate}.${dropped}`}
      revision={revision}
      empty={
        plan === undefined
          ? 'Waiting for the first plan…'
          : data.axis === undefined
            ? `No step can be drawn: every path price is 0 (key is not scarce).${dropped}`
            : undefined
      }
      table={() => ({
        columns: [
          'Process',
          'Flow',
          'Slot start',
          'Step',
          'Path price π (€/Mbit)',
          'Value per key bit (€/Mbit)',
          'Taken (%)',
        ],
        rows: [...data.taken, ...data.notTaken]
          .sort((a, b) => a.slot - b.slot || a.flowId.localeCompare(b.flowId))
          .map((d) => [
            processName(d.processId),
            d.flowId,
            slotClock(d.slot, slotMinutes),
            `${d.from} → ${d.to}`,
            d.price.toPrecision(4),
            d.value.toPrecision(4),
            formatPercent(d.taken, 0),
          ]),
      })}
    >
      <ScatterCanvas
        series={[
          { name: `Taken (${formatCount(data.taken.length)})`, colour: TAKEN, points: data.taken },
          {
            name: `Not taken (${formatCount(data.notTaken.length)})`,
            colour: NOT_TAKEN,
            points: data.notTaken,
          },
        ]}
        x={priceOf}
        y={valueOf}
        domain={[lo, hi]}
        ticks={data.axis?.ticks ?? []}
        format={formatDecadeEur}
        xLabel="Path price π, €/Mbit"
        yLabel="Value per key bit, €/Mbit"
        diagonalLabel="value = price"
        // With the legend below, 300 px in all, as the SVG chart was.
        height={276}
        label={`Scatter of ${formatCount(data.taken.length)} taken and ${formatCount(data.notTaken.length)} untaken upgrade steps, value per key bit against path price; use Show table for the figures.`}
        tooltip={(d) => (
          <>
            <strong>{tip(d)}</strong>
            <div>Path price π: {eur(d.price)}</div>
            <div>Value per key bit: {eur(d.value)}</div>
            <div>Taken: {formatPercent(d.taken, 0)} of the step</div>
          </>
        )}
      />
    </ChartFrame>
  )
}

export const ThresholdChart = chartWithState(select, ThresholdChartView)
