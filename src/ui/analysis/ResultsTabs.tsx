/**
 * The results column's views: the plan (KPIs and charts, passed as children), decision
 * support, and Compare A/B. Only the chosen view is rendered, so hidden charts cost nothing while
 * re-planning.
 *
 * Decision support and Compare A/B are code-split: they (and recharts, which only they use) are
 * not in the JavaScript the page evaluates before its first plan. Their chunks are fetched when
 * the browser is idle after start-up, or as soon as the pointer or focus reaches a tab.
 */
import { lazy, Suspense, useEffect, type KeyboardEvent, type ReactNode } from 'react'
import type { ResultsView } from '../../store/analysisSlice.ts'
import { useAppStore } from '../../store/index.ts'

const loadDecisionSupport = () => import('./DecisionSupport.tsx')
const loadCompareView = () => import('../compare/CompareView.tsx')
const DecisionSupport = lazy(async () => ({
  default: (await loadDecisionSupport()).DecisionSupport,
}))
const CompareView = lazy(async () => ({ default: (await loadCompareView()).CompareView }))

/** Fetches both split views' code (the module loader fetches each chunk once). */
function preloadViews(): void {
  void loadDecisionSupport()
  void loadCompareView()
}

/** How long after start-up the split views are fetched, ms: after the first plan is usually drawn. */
const PRELOAD_AFTER_MS = 4000

const TABS: ReadonlyArray<[ResultsView, string]> = [
  ['plan', 'Plan'],
  ['analysis', 'Decision support'],
  ['compare', 'Compare A/B'],
]

export function ResultsTabs({ children }: { children: ReactNode }) {
  const view = useAppStore((s) => s.resultsView)
  const setView = useAppStore((s) => s.setResultsView)
  useEffect(() => {
    const timer = setTimeout(preloadViews, PRELOAD_AFTER_MS)
    return () => clearTimeout(timer)
  }, [])
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const at = TABS.findIndex(([value]) => value === view)
    const step = event.key === 'ArrowRight' ? 1 : TABS.length - 1
    const next = TABS[(at + step) % TABS.length]?.[0] ?? 'plan'
    setView(next)
    document.getElementById(`results-tab-${next}`)?.focus()
  }
  return (
    <div className="layout__results">
      <div
        className="results-tabs"
        role="tablist"
        aria-label="Results"
        onKeyDown={onKeyDown}
        onPointerEnter={preloadViews}
        onFocus={preloadViews}
      >
        {TABS.map(([value, text]) => (
          <button
            key={value}
            id={`results-tab-${value}`}
            type="button"
            role="tab"
            className="results-tabs__tab"
            aria-selected={view === value}
            aria-controls="results-panel"
            tabIndex={view === value ? 0 : -1}
            onClick={() => setView(value)}
          >
            {text}
          </button>
        ))}
      </div>
      <div
        id="results-panel"
        role="tabpanel"
        aria-labelledby={`results-tab-${view}`}
        className="layout__results"
      >
        {view === 'plan' ? (
          children
        ) : (
          <Suspense
            fallback={
              <p className="panel" aria-busy="true">
                Loading the view…
              </p>
            }
          >
            {view === 'analysis' ? <DecisionSupport /> : <CompareView />}
          </Suspense>
        )}
      </div>
    </div>
  )
}
