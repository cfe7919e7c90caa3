import '@fontsource/inter/400.css'
import '@fontsource/inter/600.css'
import './styles.css'
import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { contingencyPoolSize, startAnalysisRunner } from '../store/analysisRunner.ts'
import { startAutosave } from '../store/autosave.ts'
import { startCompareAutosave } from '../store/compareAutosave.ts'
import { startCompareRunner } from '../store/compareRunner.ts'
import { startSolveRunner } from '../store/solveRunner.ts'
import { createSolverClient } from '../worker/client.ts'
import { AnalysisProvider } from './analysis/analysisContext.ts'
import { App } from './App.tsx'
import { warmNumberFormats } from './format.ts'
import { openShareLink } from './io/FileControls.tsx'
import { SolverProvider } from './solverContext.ts'

// `?solveTimeoutMs=N` shortens the solve timeout (for trying it out, and for the e2e test).
const timeoutParam = Number(new URLSearchParams(window.location.search).get('solveTimeoutMs'))
const client = createSolverClient()
const runner = startSolveRunner(client, timeoutParam > 0 ? { timeoutMs: timeoutParam } : {})
// Frontier, link values and LP vs MILP share the planner's worker; the N-1 sweep gets its own pool.
const analysis = startAnalysisRunner(client, {
  createPoolClient: createSolverClient,
  poolSize: contingencyPoolSize(navigator.hardwareConcurrency),
})
// Scenario B (Compare A/B) gets a worker of its own, started on B's first solve, so B never
// disturbs the planner's warm models; it still solves only while A is idle.
startCompareRunner(createSolverClient(), timeoutParam > 0 ? { timeoutMs: timeoutParam } : {})
void openShareLink()
startAutosave()
startCompareAutosave()
const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
// The first number format loads the locale's data (tens of ms); doing that in a task of its own,
// before React's first render, keeps both tasks short. The first render is a transition, so
// React builds the page's DOM in short slices that yield to the browser, instead of one task
// of 60-120 ms while the solver warms up in the worker.
setTimeout(() => {
  warmNumberFormats()
  const app = createRoot(root)
  startTransition(() =>
    app.render(
      <StrictMode>
        <SolverProvider value={runner}>
          <AnalysisProvider value={analysis}>
            <App />
          </AnalysisProvider>
        </SolverProvider>
      </StrictMode>,
    ),
  )
}, 0)
