/**
 * The N-1 sweep: each QKD link and trusted relay failed for the day and for the shock window, as
 * a tornado of how much the best plan's cost rises, with the process that loses key first. Runs
 * on its own worker pool with progress and cancel.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { ContingencyReport } from '../../domain/analysis/contingency.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { useAppStore } from '../../store/index.ts'
import { durationText } from '../../store/runTimeEstimate.ts'
import { NO_ANIMATION } from '../charts/chartConfig.ts'
import { ChartFrame } from '../charts/ChartFrame.tsx'
import { formatEur, slotClock } from '../format.ts'
import { useAnalysisRunner } from './analysisContext.ts'
import { useElapsed } from '../useElapsed.ts'
import { AnalysisPanel } from './AnalysisPanel.tsx'
import { deltaText, tornadoRows, type TornadoRow } from './transforms.ts'

const DAY = { label: 'Failed all day', colour: '#1b6ca8' }
const WINDOW = { label: 'Failed in the shock window', colour: '#e09f3e' }
const INFEASIBLE = '#a4262c'

export function ContingencyPanel() {
  return (
    <AnalysisPanel
      kind="contingency"
      title="N-1 contingencies"
      description="Each QKD link and each trusted relay fails in turn, for the whole day and for the shock window, and the day is re-planned: how much the best plan’s cost rises (€ per day), and which process loses key first. Runs on separate workers; the planner stays responsive."
      running={<SweepProgress />}
    >
      <ContingencyChart />
    </AnalysisPanel>
  )
}

function SweepProgress() {
  const entry = useAppStore((s) => s.analysis.contingency)
  const progress = entry.progress
  const runner = useAnalysisRunner()
  const elapsed = useElapsed(entry.startedAt)
  // Once cases come in, the time left follows the measured pace; before, the estimate.
  const left =
    progress !== undefined && progress.done > 0
      ? ((progress.total - progress.done) * elapsed) / progress.done
      : entry.estimateMs === undefined
        ? undefined
        : entry.estimateMs - elapsed
  return (
    <div className="analysis-progress" data-testid="contingency-progress">
      <progress
        value={progress?.done ?? 0}
        max={progress?.total ?? 1}
        aria-label="N-1 sweep progress"
      />
      <span>
        {progress === undefined
          ? 'Starting the workers…'
          : `${progress.done} of ${progress.total} cases`}
        {left !== undefined && left > 1000 ? `, ${durationText(left)} left` : ''}
      </span>
      <button type="button" className="button button--small" onClick={() => runner?.cancelSweep()}>
        Cancel sweep
      </button>
    </div>
  )
}

function windowText(report: ContingencyReport, scenario: Scenario): string {
  if (report.window === null)
    return 'This day has no shock window, so only whole-day outages are run.'
  const m = scenario.horizon.slotMinutes
  return `Shock window: ${slotClock(report.window.startSlot, m)}–${slotClock(report.window.endSlot, m)}.`
}

function ContingencyChart() {
  const entry = useAppStore((s) => s.analysis.contingency)
  const report = entry.result
  const scenario = entry.scenario
  if (report === undefined || scenario === undefined) {
    return <p className="chart__empty">Sweeping the contingencies…</p>
  }
  const rows = tornadoRows(report, scenario)
  const hasWindow = report.window !== null
  const infeasible = rows.filter((r) => !r.dayFeasible || r.windowFeasible === false)
  return (
    <>
      <p className="chart__note">
        Base plan: {formatEur(report.base.objectiveEur)} per day. {windowText(report, scenario)}{' '}
        {infeasible.length === 0
          ? 'Every single failure still has a feasible plan.'
          : `${infeasible.length} failure${infeasible.length === 1 ? '' : 's'} leave no plan that meets every hard constraint (red bars at full width): ${infeasible.map((r) => r.detail).join(', ')}.`}
      </p>
      <ChartFrame
        id="contingency"
        title="Cost of each single failure"
        subtitle="Rise of the best plan’s cost over the base plan, € per day — worst first; red: no feasible plan"
        revision={entry.revision}
        table={() => contingencyTable(rows, hasWindow)}
      >
        <ResponsiveContainer width="100%" height={Math.max(160, 34 * rows.length + 60)}>
          <BarChart
            layout="vertical"
            data={rows}
            margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
            barCategoryGap={4}
          >
            <CartesianGrid stroke="#e5e8ec" horizontal={false} />
            <XAxis
              type="number"
              tick={{ fontSize: 12 }}
              tickFormatter={(v: number) => formatEur(v, 0)}
              label={{
                value: 'Δ plan cost, € per day',
                position: 'bottom',
                fontSize: 12,
                offset: 4,
              }}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={180}
              tick={{ fontSize: 12 }}
              interval={0}
            />
            <Tooltip
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as TornadoRow | undefined
                if (active !== true || row === undefined) return null
                return (
                  <div className="chart__tooltip">
                    <strong>{row.detail} fails</strong>
                    <p>
                      All day: {deltaText(row.dayEur, row.dayFeasible)}; {row.dayLoss}.
                    </p>
                    {hasWindow && (
                      <p>
                        Shock window: {deltaText(row.windowEur, row.windowFeasible)};{' '}
                        {row.windowLoss}.
                      </p>
                    )}
                  </div>
                )
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12, paddingTop: 16 }} />
            <Bar dataKey="dayBar" name={DAY.label} fill={DAY.colour} {...NO_ANIMATION}>
              {rows.map((r) => (
                <Cell key={r.key} fill={r.dayFeasible ? DAY.colour : INFEASIBLE} />
              ))}
            </Bar>
            {hasWindow && (
              <Bar dataKey="windowBar" name={WINDOW.label} fill={WINDOW.colour} {...NO_ANIMATION}>
                {rows.map((r) => (
                  <Cell
                    key={r.key}
                    fill={r.windowFeasible === false ? INFEASIBLE : WINDOW.colour}
                  />
                ))}
              </Bar>
            )}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </>
  )
}

function contingencyTable(rows: TornadoRow[], hasWindow: boolean) {
  return {
    columns: [
      'Failed element',
      'Δ cost, all day (€)',
      'First to lose key, all day',
      ...(hasWindow ? ['Δ cost, shock window (€)', 'First to lose key, shock window'] : []),
    ],
    rows: rows.map((r) => [
      r.detail,
      deltaText(r.dayEur, r.dayFeasible),
      r.dayLoss,
      ...(hasWindow ? [deltaText(r.windowEur, r.windowFeasible), r.windowLoss] : []),
    ]),
  }
}
