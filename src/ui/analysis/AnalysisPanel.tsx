/**
 * The frame every decision-support panel shares: heading, what it computes, how long it should
 * take on this scenario (estimated from its size, never a fixed promise), a Run / Re-run button,
 * progress with a cancel button while it runs, the revision and state its figures belong to
 * (`data-revision`, `data-state`, `data-stale` for tests), a stale note and dimmed figures after
 * edits, and errors as messages.
 */
import { useMemo, type ReactNode } from 'react'
import { AUTO_RUN_MAX_SOLVE_MS } from '../../store/analysisRunner.ts'
import { isStale, type AnalysisKind } from '../../store/analysisSlice.ts'
import { useAppStore } from '../../store/index.ts'
import { durationText } from '../../store/runTimeEstimate.ts'
import { useElapsed } from '../useElapsed.ts'
import { useAnalysisRunner } from './analysisContext.ts'

interface AnalysisPanelProps {
  kind: AnalysisKind
  title: string
  /** What the panel shows, with units (its run time is added from the estimate). */
  description: string
  /** Shown below the header while running, instead of the estimated progress. */
  running?: ReactNode
  children: ReactNode
}

/**
 * When the frontier and link values re-run by themselves, from the runner's own threshold (a
 * fast plan is the proxy for the many solves they need).
 */
export const AUTO_RUN_NOTE = `re-runs by itself after edits while this view is open, when the plan solved in under ${AUTO_RUN_MAX_SOLVE_MS / 1000} s`

/** The estimated run time of `kind` on the shown plan's scenario, ms. */
export function useEstimate(kind: AnalysisKind): number | undefined {
  const runner = useAnalysisRunner()
  const size = useAppStore((s) => s.oracle?.size)
  const planned = useAppStore((s) => s.plannedScenario)
  return useMemo(
    () => (size === undefined ? undefined : runner?.estimate(kind)),
    // The estimate reads the shown plan's size and scenario from the store.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runner, kind, size, planned],
  )
}

/** "about 40 s left" from an estimate and the time spent; honest once past the estimate. */
export function remainingText(estimateMs: number | undefined, elapsedMs: number): string {
  const spent = `${Math.round(elapsedMs / 1000)} s so far`
  if (estimateMs === undefined) return spent
  const left = estimateMs - elapsedMs
  return left > 1000
    ? `${spent}, ${durationText(left)} left (estimated)`
    : `${spent}, taking longer than estimated (${durationText(estimateMs)})`
}

/** Progress by the estimate, for analyses that cannot report steps, with a cancel button. */
function EstimatedProgress({ kind, title }: { kind: AnalysisKind; title: string }) {
  const entry = useAppStore((s) => s.analysis[kind])
  const runner = useAnalysisRunner()
  const elapsed = useElapsed(entry.startedAt)
  const estimate = entry.estimateMs
  return (
    <div className="analysis-progress" data-testid={`${kind}-progress`}>
      <progress
        value={estimate === undefined ? undefined : Math.min(elapsed, estimate * 0.95)}
        max={estimate}
        aria-label={`${title} progress (estimated)`}
      />
      <span>{remainingText(estimate, elapsed)}</span>
      <button type="button" className="button button--small" onClick={() => runner?.cancel(kind)}>
        Cancel<span className="visually-hidden"> {title}</span>
      </button>
    </div>
  )
}

export function AnalysisPanel({ kind, title, description, running, children }: AnalysisPanelProps) {
  const entry = useAppStore((s) => s.analysis[kind])
  const requested = useAppStore((s) => s.requestedRevision)
  const size = useAppStore((s) => s.oracle?.size)
  const runner = useAnalysisRunner()
  const estimate = useEstimate(kind)
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
      data-estimate-ms={estimate === undefined ? undefined : Math.round(estimate)}
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
      <p className="panel__hint">
        {description}{' '}
        <span data-testid={`${kind}-estimate`}>
          {estimate === undefined || size === undefined
            ? 'Its run time is estimated once the plan is in.'
            : `On this scenario (${size.flows} flows × ${size.slots} slots): ${durationText(estimate)}.`}
        </span>
      </p>
      {busy && (running ?? <EstimatedProgress kind={kind} title={title} />)}
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
        <div
          className={stale ? 'analysis-panel__figures--stale' : undefined}
          data-testid={`${kind}-figures`}
          data-revision={entry.revision}
          data-stale={stale}
        >
          {children}
        </div>
      )}
    </section>
  )
}
