/**
 * The results column's views: the plan (KPIs and charts, passed as children), decision
 * support, and Compare A/B. Only the chosen view is rendered, so hidden charts cost nothing while re-planning.
 */
import type { KeyboardEvent, ReactNode } from 'react'
import type { ResultsView } from '../../store/analysisSlice.ts'
import { useAppStore } from '../../store/index.ts'
import { CompareView } from '../compare/CompareView.tsx'
import { DecisionSupport } from './DecisionSupport.tsx'

const TABS: ReadonlyArray<[ResultsView, string]> = [
  ['plan', 'Plan'],
  ['analysis', 'Decision support'],
  ['compare', 'Compare A/B'],
]

export function ResultsTabs({ children }: { children: ReactNode }) {
  const view = useAppStore((s) => s.resultsView)
  const setView = useAppStore((s) => s.setResultsView)
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
      <div className="results-tabs" role="tablist" aria-label="Results" onKeyDown={onKeyDown}>
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
        {view === 'plan' ? children : view === 'analysis' ? <DecisionSupport /> : <CompareView />}
      </div>
    </div>
  )
}
