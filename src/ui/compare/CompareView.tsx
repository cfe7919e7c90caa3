/**
 * The Compare A/B view: A is the scenario being edited, B a second one kept beside it. Shows the
 * compare operations, B's solve status, KPI deltas, overlaid charts and the assumptions diff.
 * `data-compare-revision` / `data-compare-state` / `data-has-b` let tests wait on B's plan.
 */
import './compare.css'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/index.ts'
import { useChartState } from '../charts/useChartState.ts'
import { AssumptionsDiff } from './AssumptionsDiff.tsx'
import { CompareKpis } from './CompareKpis.tsx'
import { CompareToolbar } from './CompareToolbar.tsx'
import { KeyUsedOverlayChart, RiskOverlayChart } from './OverlayCharts.tsx'

function CompareStatus() {
  const s = useAppStore(
    useShallow((st) => ({
      aName: st.scenario.name,
      aSolving: st.solveState === 'solving',
      bName: st.compareB?.name,
      source: st.compareSource,
      state: st.compareSolveState,
      problem: st.compareProblem,
      solveBAgain: st.solveBAgain,
    })),
  )
  return (
    <div className="compare-status">
      <p>
        <span className="compare-status__side compare-status__side--a">A</span> the scenario you
        edit: <strong>{s.aName}</strong>
        {s.aSolving && <span className="chart__note--stale"> (re-solving…)</span>}
      </p>
      <p>
        <span className="compare-status__side compare-status__side--b">B</span> kept for comparison:{' '}
        <strong>{s.bName}</strong> <span className="panel__hint">({s.source})</span>
      </p>
      <p role="status" aria-live="polite" className="compare-status__solve">
        {s.state === 'solving' && 'Solving B…'}
        {s.state === 'error' && (
          <>
            <span className="analysis-panel__error">{s.problem}</span>{' '}
            <button type="button" className="button button--small" onClick={s.solveBAgain}>
              Solve B again
            </button>
          </>
        )}
      </p>
    </div>
  )
}

export function CompareView() {
  const v = useChartState((s) => ({
    a: s.oracle,
    aRevision: s.oracleRevision,
    scenarioA: s.scenario,
    b: s.compareOracle,
    bRevision: s.compareOracleRevision,
    scenarioB: s.compareB,
  }))
  const { revision, state } = useAppStore(
    useShallow((s) => ({ revision: s.compareRevision, state: s.compareSolveState })),
  )
  // B's plan is shown only when it belongs to the B on screen.
  const b = v.bRevision === revision ? v.b : undefined
  return (
    <div
      className="compare-view"
      data-testid="compare-view"
      data-has-b={v.scenarioB !== undefined}
      data-compare-revision={revision}
      data-compare-plan-revision={v.bRevision}
      data-compare-state={state}
    >
      <section className="panel" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare A/B</h2>
        <p className="panel__hint">
          Keep a scenario as B, then edit A and watch the difference. Swap exchanges them (A’s
          change is also a step of the normal undo); Undo here reverts the last copy, swap, clear or
          load.
        </p>
        <CompareToolbar />
        {v.scenarioB !== undefined && <CompareStatus />}
      </section>
      {v.scenarioB === undefined ? (
        <p className="panel chart__empty" data-testid="compare-empty">
          No scenario B yet. “Pin current as B” keeps a copy of the scenario as it is now, to
          compare against while you edit; or load a preset or a file into B.
        </p>
      ) : (
        <>
          <CompareKpis a={v.a} b={b} aRevision={v.aRevision} bRevision={v.bRevision} />
          <div className="chart-grid">
            <RiskOverlayChart a={v.a} b={b} revision={v.aRevision} />
            <KeyUsedOverlayChart a={v.a} b={b} revision={v.aRevision} />
          </div>
          <AssumptionsDiff a={v.scenarioA} b={v.scenarioB} />
        </>
      )}
    </div>
  )
}
