/**
 * Why there is no (fresh) plan: every validation problem at its field path, or an infeasible
 * scenario explained in domain words with the fixes the solver checked as one-click buttons, or
 * a solve that ended without a trustworthy plan, in the domain's words. Never a blank chart.
 */
import type { Infeasibility } from '../../domain/solve/infeasibility.ts'
import { useAppStore } from '../../store/index.ts'
import type { ProblemReport } from '../../store/resultSlice.ts'
import type { NoPlanStatus } from '../../worker/api.ts'

const NO_PLAN_HEADINGS: Record<NoPlanStatus, string> = {
  'numerical-failure': 'The solver found no plan it can trust',
  'time-limit': 'The solver stopped at its limit before finding a plan',
  unbounded: 'The solver reports the model as unbounded',
}

function heading(problem: ProblemReport): string {
  switch (problem.kind) {
    case 'invalid':
      return 'The scenario has problems'
    case 'infeasible':
      return 'No plan can meet this scenario'
    case 'no-plan':
      return NO_PLAN_HEADINGS[problem.status]
    case 'cancelled':
      return 'Solve cancelled'
    case 'timeout':
      return 'The solve took too long'
    case 'crash':
    case 'crashed':
      return 'The solver stopped'
  }
}

export function ProblemPanel() {
  const problem = useAppStore((s) => s.problem)
  if (problem === undefined) return null
  return (
    <section
      className="problem"
      role="alert"
      data-testid="problem-panel"
      data-kind={problem.kind}
      data-status={problem.kind === 'no-plan' ? problem.status : undefined}
    >
      <h2>{heading(problem)}</h2>
      <p>{problem.message} The charts show the last plan that solved.</p>
      {problem.kind === 'invalid' && (
        <ul className="problem__list">
          {problem.issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {problem.kind === 'infeasible' && <InfeasibilityDetails why={problem.infeasibility} />}
    </section>
  )
}

/** "allow holding …" → "Allow holding …": the domain's fix texts are clauses, buttons start a sentence. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * The conflict in domain words, then the fixes. The report layer closes `messages` with a
 * sentence listing the working fixes (or saying none works); with buttons for them that
 * sentence would repeat them, so it is shown only when there is no fix to offer.
 */
function InfeasibilityDetails({ why }: { why: Infeasibility }) {
  const applyFix = useAppStore((s) => s.applyInfeasibilityFix)
  const fixes = why.fixes ?? []
  const explanation =
    why.fixes !== undefined && fixes.length > 0 ? why.messages.slice(0, -1) : why.messages
  return (
    <>
      <ul className="problem__list">
        {explanation.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
      {fixes.length > 0 && (
        <div className="problem__fixes" role="group" aria-labelledby="problem-fixes-title">
          <p id="problem-fixes-title" className="problem__fixes-title">
            Each of these changes was checked by a solve and makes the scenario feasible (undo takes
            it back):
          </p>
          {fixes.map((fix) => (
            <button
              key={fix.text}
              type="button"
              className="button"
              data-fix-kind={fix.kind}
              onClick={() => applyFix(fix)}
            >
              {capitalised(fix.text)}
            </button>
          ))}
        </div>
      )}
    </>
  )
}
