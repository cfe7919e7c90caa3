/**
 * Ladders and their steps for one slot, shared by the ladder-based controllers.
 */
import type { Instance } from '../derive/instance.ts'
import type { Step } from './fill.ts'
import { buildLadder, stepValue, type Ladder } from './hull.ts'

/** Every flow's ladder in slot t, from the given (forecast) instance. */
export function laddersForSlot(instance: Instance, t: number): Ladder[] {
  return instance.flows.map((f) => buildLadder(instance, f, t))
}

/** Every step that reduces cost, highest marginal value per bit first (ties: flow order). */
export function stepsByValue(ladders: readonly Ladder[]): Step[] {
  const steps: Step[] = []
  ladders.forEach((ladder, flow) => {
    for (let index = 0; index + 1 < ladder.points.length; index++) {
      const valuePerBit = stepValue(ladder, index)
      if (valuePerBit > 0) steps.push({ flow, index, fraction: 1, valuePerBit })
    }
  })
  // Stable sort keeps each flow's steps in ladder order when values tie.
  return steps.sort((a, b) => b.valuePerBit - a.valuePerBit)
}
