/**
 * Why there is no (fresh) plan: every validation problem at its field path, or an infeasible
 * scenario explained in domain words with one-click fixes, or a solver crash or timeout. Never a
 * blank chart.
 */
import { useAppStore } from '../../store/index.ts'

export function ProblemPanel() {
  const problem = useAppStore((s) => s.problem)
  const editScenario = useAppStore((s) => s.editScenario)
  if (problem === undefined) return null
  return (
    <section className="problem" role="alert" data-testid="problem-panel" data-kind={problem.kind}>
      <h2>
        {problem.kind === 'invalid'
          ? 'The scenario has problems'
          : problem.kind === 'infeasible'
            ? 'No plan can meet this scenario'
            : problem.kind === 'cancelled'
              ? 'Solve cancelled'
              : problem.kind === 'timeout'
                ? 'The solve took too long'
                : 'The solver stopped'}
      </h2>
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
      {problem.kind === 'infeasible' && (
        <>
          <ul className="problem__list">
            {problem.infeasibility.messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
          <div className="problem__fixes">
            <button
              type="button"
              className="button"
              onClick={() => editScenario((d) => void (d.policy.holdAllowed = true))}
            >
              Allow holding messages
            </button>
            {problem.infeasibility.processes.map((id) => (
              <button
                key={id}
                type="button"
                className="button"
                onClick={() =>
                  editScenario((d) => {
                    const p = d.processes.find((x) => x.id === id)
                    if (p !== undefined) delete p.minOption
                  })
                }
              >
                Lower the floor option of {id}
              </button>
            ))}
            <button
              type="button"
              className="button"
              onClick={() =>
                editScenario((d) => void (d.qkd.vppShare = Math.min(1, d.qkd.vppShare * 2)))
              }
            >
              Double the VPP key share
            </button>
          </div>
        </>
      )}
    </section>
  )
}
