/**
 * Binds a chart's view to its slice of the store through the render queue (useChartState).
 */
import { memo, type ComponentType, type JSX } from 'react'
import type { AppState } from '../../store/index.ts'
import { useChartStateMountedInTurn } from './useChartState.ts'

/**
 * A chart whose figure is drawn by `View` from the state `selector` picks: the view re-renders
 * only when that state changes and the chart's turn has come. Until its first turn
 * `placeholder` (an empty section) holds its place.
 */
export function chartWithState<T extends object>(
  selector: (state: AppState) => T,
  View: ComponentType<T>,
  placeholder: JSX.Element = <section className="chart" aria-busy="true" />,
): () => JSX.Element {
  const Memo = memo(View) as unknown as ComponentType<T>
  return function Chart() {
    const state = useChartStateMountedInTurn(selector)
    return state === undefined ? placeholder : <Memo {...state} />
  }
}
