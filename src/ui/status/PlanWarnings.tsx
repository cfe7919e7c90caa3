/**
 * What the shown plan warns about without failing: processes whose deadline no allowed option
 * meets (each sentence names the process, the fastest option's end-to-end latency and the
 * deadline), and a solve cut short by a limit. Next to the KPI strip, because these explain its
 * late-message figure.
 */
import { useAppStore } from '../../store/index.ts'

export function PlanWarnings() {
  const plan = useAppStore((s) => s.oracle)
  const revision = useAppStore((s) => s.oracleRevision)
  if (plan === undefined) return null
  const lines = plan.failure === undefined ? plan.warnings : [...plan.warnings, plan.failure]
  if (lines.length === 0) return null
  return (
    <section
      className="plan-warnings"
      aria-labelledby="plan-warnings-title"
      data-testid="plan-warnings"
      data-revision={revision}
      data-count={lines.length}
    >
      <h2 id="plan-warnings-title">
        {lines.length === 1
          ? 'Warning about this plan'
          : `${lines.length} warnings about this plan`}
      </h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  )
}
