/**
 * Chart state: a shallow selection from the store, shown to the chart when its turn comes in the
 * render queue (one chart per task, rendered at transition priority), so that drawing thousands
 * of SVG nodes never blocks typing or dragging. Charts render their figure in a memoised view,
 * so the store's update itself costs nothing until the chart's turn.
 */
import { startTransition, useEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore, type AppState } from '../../store/index.ts'
import { enqueueRender, renderDone, type RenderJob } from './renderQueue.ts'

export function useChartState<T extends object>(selector: (state: AppState) => T): T {
  const latest = useAppStore(useShallow(selector))
  return useInTurn(latest, latest) ?? latest
}

/**
 * As useChartState, but the first value too waits for the chart's turn (undefined until then),
 * so that mounting the charts at start-up is spread over several tasks as well.
 */
export function useChartStateMountedInTurn<T extends object>(
  selector: (state: AppState) => T,
): T | undefined {
  return useInTurn(useAppStore(useShallow(selector)), undefined)
}

function useInTurn<T>(latest: T, initial: T | undefined): T | undefined {
  const [shown, setShown] = useState(initial)
  const wanted = useRef(latest)
  const current = useRef(shown)
  const [job] = useState<RenderJob>(() => ({
    run: () => {
      const next = wanted.current
      if (next === current.current) return false
      startTransition(() => setShown(next))
      return true
    },
  }))
  useEffect(() => {
    current.current = shown
    wanted.current = latest
    renderDone(job)
    if (latest !== shown) enqueueRender(job)
  }, [job, latest, shown])
  useEffect(() => () => renderDone(job), [job])
  return shown
}

/** The scenario the shown plan belongs to (the live one until the first plan arrives). */
export const plannedScenario = (s: AppState) => s.plannedScenario ?? s.scenario
