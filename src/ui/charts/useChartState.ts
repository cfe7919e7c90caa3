/**
 * Chart state: a shallow selection from the store, rendered at transition priority so that
 * drawing thousands of SVG nodes never blocks typing or dragging (React slices the work).
 */
import { useDeferredValue } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore, type AppState } from '../../store/index.ts'

export function useChartState<T extends object>(selector: (state: AppState) => T): T {
  return useDeferredValue(useAppStore(useShallow(selector)))
}

/** The scenario the shown plan belongs to (the live one until the first plan arrives). */
export const plannedScenario = (s: AppState) => s.plannedScenario ?? s.scenario
