/**
 * The four policies side by side on the evaluation day: objective, regret against the oracle,
 * risk, missed deadlines, key use and risk inside the attack windows and shocks.
 */
import type { AppState } from '../../store/index.ts'
import { chartWithState } from './chartWithState.tsx'
import { ChartFrame } from './ChartFrame.tsx'
import { POLICY_SERIES } from './chartConfig.ts'
import { POLICY_ORDER, POLICY_COLUMNS, policyRows } from './transforms.ts'

const colour = (p: keyof typeof POLICY_SERIES | undefined): string =>
  p === undefined ? 'transparent' : POLICY_SERIES[p].colour

const select = (s: AppState) => ({
  comparison: s.comparison,
  staleComparison: s.staleComparison,
  comparisonRevision: s.comparisonRevision,
  oracleRevision: s.oracleRevision,
  solveState: s.solveState,
  progress: s.comparisonProgress,
})

/** What the table says while its rows are not the shown plan's (or there are none yet). */
function pendingText(
  solveState: AppState['solveState'],
  progress: AppState['comparisonProgress'],
): string {
  if (solveState === 'error') return 'The policy comparison for this plan did not finish.'
  return progress === undefined
    ? 'Comparing policies…'
    : `Comparing policies: ${progress.label} (step ${progress.done + 1} of ${progress.total})…`
}

function PolicyTableView({
  comparison: current,
  staleComparison,
  comparisonRevision,
  oracleRevision,
  solveState,
  progress,
}: ReturnType<typeof select>) {
  // The rows: the shown plan's comparison, else the last older one, marked stale.
  const comparison = current ?? staleComparison?.comparison
  const revision = current !== undefined ? comparisonRevision : (staleComparison?.revision ?? -1)
  const stale = comparison !== undefined && revision !== oracleRevision
  const rows = comparison === undefined ? [] : policyRows(comparison)
  const days = comparison?.policies.oracle?.robustness.days ?? 1
  const present = POLICY_ORDER.filter((p) => comparison?.policies[p] !== undefined)
  const pending = pendingText(solveState, progress)
  const staleNote = `${pending} The figures below are from an earlier version of the scenario (revision ${revision}), not from the plan shown.`
  return (
    <ChartFrame
      id="policies"
      title="Policies compared"
      subtitle={`Oracle (perfect foresight) against the online policies on the realised day: € for money, messages for SLA violations, Mbit of key counted per link; regret is the objective above the oracle's; CVaR95 over ${days} realised day${days === 1 ? '' : 's'}.`}
      revision={revision}
      empty={comparison === undefined ? pending : undefined}
      table={() => ({ columns: POLICY_COLUMNS, rows })}
    >
      {stale && (
        <p className="chart__note chart__note--stale" role="status" data-testid="policies-stale">
          {staleNote}
        </p>
      )}
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Policies compared (table)"
      >
        <table
          className={`data-table policy-table${stale ? ' policy-table--stale' : ''}`}
          data-revision={revision}
          data-stale={stale}
        >
          <caption className="policy-table__caption">
            One row per policy on the evaluation day (realised day 0)
          </caption>
          <thead>
            <tr>
              {POLICY_COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={present[i] ?? i} data-policy={present[i]}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      <span
                        className="swatch"
                        aria-hidden="true"
                        style={{ background: colour(present[i]) }}
                      />
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  )
}

export const PolicyTable = chartWithState(select, PolicyTableView)
