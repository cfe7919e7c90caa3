/**
 * The parts every time-of-day chart shares: shaded attack windows and shocks, and the clock axis.
 * They are plain functions returning recharts elements (not components), because recharts reads
 * its own element types among a chart's children.
 */
import { ReferenceArea, XAxis } from 'recharts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { WINDOW_FILL } from './chartConfig.ts'
import { slotTickInterval, windowBands } from './transforms.ts'
import { bottomAxisLabel, plainTick } from './axisText.tsx'

/** Attack windows (red) and key-yield shocks (amber) as shaded bands. */
export function windowAreas(scenario: Scenario) {
  return windowBands(scenario).map((w) => (
    <ReferenceArea
      key={`${w.kind}-${w.startSlot}-${w.label}`}
      x1={w.from}
      x2={w.to}
      fill={WINDOW_FILL[w.kind]}
      ifOverflow="hidden"
    />
  ))
}

/** The x axis over the slots' start times, labelled "Time of day". */
export function timeOfDayAxis(slots: number, height = 44) {
  return (
    <XAxis
      dataKey="time"
      interval={slotTickInterval(slots)}
      tick={plainTick}
      label={bottomAxisLabel('Time of day')}
      height={height}
    />
  )
}
