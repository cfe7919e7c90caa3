/**
 * What every time-of-day chart shares: the attack windows and key-yield shocks, shaded.
 */
import type { Scenario } from '../../domain/scenario/types.ts'
import { WINDOW_FILL } from './chartConfig.ts'
import { windowBands } from './transforms.ts'
import type { SlotBand } from './timePlot.ts'

/** Attack windows (red) and key-yield shocks (amber) as bands over their slots. */
export function windowSlotBands(scenario: Scenario): SlotBand[] {
  return windowBands(scenario).map((w) => ({
    startSlot: w.startSlot,
    endSlot: w.endSlot,
    fill: WINDOW_FILL[w.kind],
  }))
}
