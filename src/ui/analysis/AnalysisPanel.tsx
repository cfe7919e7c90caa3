/**
 * The frame every decision-support panel shares: heading, what it computes and how long it takes,
 * a Run / Re-run button, the revision and state its figures belong to (`data-revision`,
 * `data-state` for tests), a stale note after edits, and errors as messages.
 */
import type { ReactNode } from 'react'
import { isStale, type AnalysisKind } from '../../store/analysisSlice.ts'
import { useAppStore } from '../../store/index.ts'
import { useAnalysisRunner } from './analysisContext.ts'

interface AnalysisPanelProps {
  kind: AnalysisKind
  title: string
  /** What the panel shows, with units and cost of a run. */
  description: string
  /** Shown below the header while running (progress, cancel). */
  running?: ReactNode
  children: ReactNode
}

export function AnalysisPanel({ kind, title, description, running, children }: AnalysisPanelProps) {
  const entry = useAppStore((s) => s.analysis[kind])
  const requested = useAppStore((s) => s.requestedRevision)
  const runner = useAnalysisRunner()
  const headingId = `analysis-${kind}-title`
  const stale = isStale(entry, requested)
  const busy = entry.state === 'running'
  return (
    <section
      className="panel analysis-panel"
      aria-labelledby={headingId}
      aria-busy={busy}
      data-testid={`analysis-${kind}`}
      data-revision={entry.revision}
      data-state={entry.state}
      data-stale={stale}
    >
      <header className="panel__header">
        <h2 id={headingId}>{title}</h2>
        <button
          type="button"
          className="button button--small"
          disabled={busy || runner === undefined}
          onClick={() => void runner?.run(kind)}
        >
          {busy ? 'Running…' : entry.result === undefined ? 'Run' : 'Re-run'}
          <span className="visually-hidden"> {title}</span>
        </button>
      </header>
      <p className="panel__hint">{description}</p>
      {busy && running}
      <p className="analysis-panel__status" role="status" aria-live="polite">
        {entry.message !== undefined ? (
          <span className={entry.state === 'error' ? 'analysis-panel__error' : undefined}>
            {entry.message}
          </span>
        ) : stale ? (
          <span className="chart__note--stale">
            These figures are for an earlier version of the scenario (revision {entry.revision});
            re-run for the current one.
          </span>
        ) : null}
      </p>
      {entry.result === undefined && entry.state !== 'running' ? (
        <p className="chart__empty">Not run yet for this scenario.</p>
      ) : (
        children
      )}
    </section>
  )
}
