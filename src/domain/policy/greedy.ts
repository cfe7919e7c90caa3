/**
 * Greedy (MODEL.md §5): each slot, myopically spend the key available now — supply plus the whole
 * store above the reserve — on upgrades in order of marginal security value per bit. No look-ahead
 * and no banking for later windows.
 */
import { fillSteps, outcomeOfFill } from './fill.ts'
import { laddersForSlot, stepsByValue } from './ladders.ts'
import type { OnlineController } from './simulate.ts'

export function greedyController(): OnlineController {
  return {
    name: 'greedy',
    plan: ({ t, forecast }) => {
      const ladders = laddersForSlot(forecast, t)
      const steps = stepsByValue(ladders)
      return {
        execute: (available) =>
          outcomeOfFill(
            forecast,
            ladders,
            fillSteps({ instance: forecast, ladders, steps, available }),
          ),
      }
    },
  }
}
