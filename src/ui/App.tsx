/**
 * The dashboard: editors on the left, the plan's figures and charts on the right.
 */
import { ResultsTabs } from './analysis/ResultsTabs.tsx'
import { KeyUtilizationChart } from './charts/KeyUtilizationChart.tsx'
import { KpiStrip } from './charts/KpiStrip.tsx'
import { PolicyTable } from './charts/PolicyTable.tsx'
import { RiskChart } from './charts/RiskChart.tsx'
import { ShadowPriceChart } from './charts/ShadowPriceChart.tsx'
import { SlaChart } from './charts/SlaChart.tsx'
import { ThresholdChart } from './charts/ThresholdChart.tsx'
import { FleetTable } from './editors/FleetTable.tsx'
import { HistoryPanel } from './editors/HistoryPanel.tsx'
import { ProcessEditor } from './editors/ProcessEditor.tsx'
import { ShareSlider } from './editors/ShareSlider.tsx'
import { ThreatTimeline } from './editors/ThreatTimeline.tsx'
import { TopologyMap } from './editors/TopologyMap.tsx'
import { ImportProblem } from './io/FileControls.tsx'
import { Header } from './layout/Header.tsx'
import { MountInTurn } from './layout/MountInTurn.tsx'
import { OtherTabNotice } from './status/OtherTabNotice.tsx'
import { PlanWarnings } from './status/PlanWarnings.tsx'
import { ProblemPanel } from './status/ProblemPanel.tsx'

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="layout">
        <aside className="layout__editors" aria-label="Scenario editors">
          <ShareSlider />
          <HistoryPanel />
          <TopologyMap />
          <MountInTurn placeholderHeight={500}>
            <ThreatTimeline />
          </MountInTurn>
          <MountInTurn placeholderHeight={390}>
            <FleetTable />
          </MountInTurn>
          <MountInTurn placeholderHeight={480}>
            <ProcessEditor />
          </MountInTurn>
        </aside>
        <ResultsTabs>
          <OtherTabNotice />
          <ImportProblem />
          <ProblemPanel />
          <PlanWarnings />
          <KpiStrip />
          <PolicyTable />
          <div className="chart-grid">
            <RiskChart />
            <SlaChart />
            <KeyUtilizationChart />
            <ShadowPriceChart />
            <ThresholdChart />
          </div>
        </ResultsTabs>
      </main>
    </div>
  )
}
