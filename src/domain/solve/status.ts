/**
 * How a solve ended, in words: every HiGHS model status maps to the session's vocabulary
 * (optimal | infeasible | unbounded | time-limit | numerical-failure) with a sentence for each one
 * that is not a plain optimum or a proof of infeasibility.
 */
import type { Highs } from 'highs'

/**
 * How a solve ended. `numerical-failure`: the solver stopped without a trustworthy optimum (a
 * solver error, an unknown status, or a plan whose replay spends key the links never had);
 * `failure` then says why in domain words.
 */
export type SolveStatus =
  'optimal' | 'infeasible' | 'unbounded' | 'time-limit' | 'numerical-failure'

/** HiGHS model statuses that end without a plan, in words, by their name in `highs.constants`. */
const MODEL_STATUS_WORDS: Readonly<Record<string, string>> = {
  notSet: 'no status was set',
  loadError: 'the model could not be loaded',
  modelError: 'the model was rejected as invalid',
  presolveError: 'presolve failed',
  solveError: 'the solve failed',
  postsolveError: 'postsolve failed',
  empty: 'the model is empty',
  unbounded: 'the model was reported unbounded, which every cost being non-negative rules out',
  objectiveBound: 'it stopped at an objective bound',
  objectiveTarget: 'it stopped at an objective target',
  unknown: 'it stopped without proving optimality (status unknown)',
}

/**
 * Maps a HiGHS model status to the session's status, with words for every one that is not a
 * plain optimum or proof of infeasibility.
 */
export function mapStatus(
  code: number,
  codes: Highs['constants']['modelStatus'],
): { status: SolveStatus; failure?: string } {
  switch (code) {
    case codes.optimal:
      return { status: 'optimal' }
    case codes.infeasible:
    case codes.unboundedOrInfeasible:
      // "Unbounded or infeasible": with non-negative costs on bounded choices the objective
      // cannot be unbounded, so it is infeasible.
      return { status: 'infeasible' }
    case codes.timeLimit:
      return { status: 'time-limit', failure: 'the solver reached its time limit' }
    case codes.iterationLimit:
      return { status: 'time-limit', failure: 'the solver reached its iteration limit' }
    case codes.solutionLimit:
    case codes.interrupted:
      return { status: 'time-limit', failure: 'the solve was interrupted' }
    default: {
      const name = Object.entries(codes).find(([, c]) => c === code)?.[0]
      const words = (name !== undefined && MODEL_STATUS_WORDS[name]) || 'an unexpected status'
      return { status: 'numerical-failure', failure: `HiGHS ended with status ${code}: ${words}` }
    }
  }
}
