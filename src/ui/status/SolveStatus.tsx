/**
 * The solve status: one element carries `data-solve-state` (solving, ready, error) and
 * `data-revision` for tests and tools, plus a live region so screen readers hear when results
 * change. Long solves show a progress bar and a cancel button; the policy comparison says how far
 * it has got (nominal plan, robust plan sample k of n, oracle day, online policies). A wait
 * longer than a second also shows how long it has lasted, outside the live region so a screen
 * reader is not told every second. Once the state is `ready`, every figure on screen is from
 * `data-revision` and stays until the next edit.
 */
import { useAppStore } from '../../store/index.ts'
import { useSolveRunner } from '../solverContext.ts'
import { useElapsed } from '../useElapsed.ts'

/** Waits shorter than this show no elapsed time (most plans are in by then), ms. */
const SHOW_ELAPSED_AFTER_MS = 1000

export function SolveStatus() {
  const solveState = useAppStore((s) => s.solveState)
  const requested = useAppStore((s) => s.requestedRevision)
  const oracleRevision = useAppStore((s) => s.oracleRevision)
  const comparisonRevision = useAppStore((s) => s.comparisonRevision)
  const problem = useAppStore((s) => s.problem)
  const lastSolveMs = useAppStore((s) => s.lastSolveMs)
  const progress = useAppStore((s) => s.comparisonProgress)
  const solvingSince = useAppStore((s) => s.solvingSince)
  const elapsed = useElapsed(solveState === 'solving' ? solvingSince : undefined)
  const runner = useSolveRunner()
  const shownRevision = solveState === 'ready' ? comparisonRevision : oracleRevision
  const message =
    solveState === 'solving'
      ? oracleRevision === requested
        ? progress === undefined
          ? 'Plan updated; comparing policies…'
          : `Plan updated; comparing policies: ${progress.label} (step ${progress.done + 1} of ${progress.total})…`
        : 'Solving…'
      : solveState === 'ready'
        ? `Plan ready${lastSolveMs === undefined ? '' : ` (oracle in ${Math.round(lastSolveMs)} ms)`}`
        : (problem?.message ?? 'Something went wrong.')
  return (
    <div
      className={`solve-status solve-status--${solveState}`}
      data-testid="solve-status"
      data-solve-state={solveState}
      data-revision={shownRevision}
      data-requested-revision={requested}
    >
      <span className="solve-status__dot" aria-hidden="true" />
      <span
        role="status"
        aria-live="polite"
        className="solve-status__text"
        data-testid="solve-message"
      >
        {message}
      </span>
      {solveState === 'solving' && (
        <>
          {progress !== undefined && oracleRevision === requested ? (
            <progress
              className="solve-status__progress"
              aria-label="Policy comparison progress"
              value={progress.done}
              max={progress.total}
            />
          ) : (
            <progress className="solve-status__progress" aria-label="Solve in progress" />
          )}
          {elapsed >= SHOW_ELAPSED_AFTER_MS && (
            <span className="solve-status__elapsed" data-testid="solve-elapsed">
              {Math.round(elapsed / 1000)} s
            </span>
          )}
          <button type="button" className="button button--small" onClick={() => runner?.cancel()}>
            Cancel
          </button>
        </>
      )}
    </div>
  )
}
