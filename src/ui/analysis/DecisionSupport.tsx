/**
 * The decision-support view: budget frontier, link values, N-1 contingencies and LP vs MILP.
 */
import './analysis.css'
import { ContingencyPanel } from './ContingencyPanel.tsx'
import { FrontierPanel } from './FrontierPanel.tsx'
import { IntegralityPanel } from './IntegralityPanel.tsx'
import { LinkValuePanel } from './LinkValuePanel.tsx'

export function DecisionSupport() {
  return (
    <div className="analysis-view" data-testid="decision-support">
      <FrontierPanel />
      <LinkValuePanel />
      <ContingencyPanel />
      <IntegralityPanel />
    </div>
  )
}
