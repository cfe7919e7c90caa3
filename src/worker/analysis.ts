/**
 * Decision-support requests the worker serves: budget frontier, link values, LP against MILP and
 * batches of N-1 contingency cases. Plain functions over an injected solver, like `plan.ts`, so
 * Node tests run them; every answer is a JSON-safe DTO.
 */
import type { Highs } from 'highs'
import {
  assembleContingency,
  baseOutcome,
  contingencyCases,
  runCases,
  solveBase,
  sweepSession,
  type BaseOutcome,
  type CaseOutcome,
  type ContingencyReport,
} from '../domain/analysis/contingency.ts'
import { budgetFrontier, type Frontier, type FrontierOptions } from '../domain/analysis/frontier.ts'
import { lpVsMilp, type IntegralityReport } from '../domain/analysis/integrality.ts'
import { linkValues, type LinkValues } from '../domain/analysis/linkValue.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import type { Failure } from './api.ts'

export interface AnalysisRequest {
  revision: number
  scenario: unknown
}

export interface FrontierRequest extends AnalysisRequest {
  options?: FrontierOptions
}

/**
 * A batch of N-1 cases by their place in `contingencyCases(scenario)`, `from` inclusive, `to`
 * exclusive. The worker builds the list itself (the same on every worker: it depends on the
 * scenario only), so the page never validates or expands a scenario on its own thread.
 */
export interface ContingencyRequest extends AnalysisRequest {
  from: number
  to: number
}

/** The sweep's report from its pieces, assembled in a worker too. */
export interface ContingencyAssembly extends AnalysisRequest {
  base: BaseOutcome | undefined
  outcomes: CaseOutcome[]
  elapsedMs: number
}

export type Answer<T> = ({ ok: true; revision: number } & T) | Failure

function withScenario<T>(request: AnalysisRequest, work: (scenario: Scenario) => T): Answer<T> {
  const validated = validateScenario(request.scenario)
  if (!validated.ok) {
    return {
      ok: false,
      revision: request.revision,
      kind: 'invalid',
      message: `The scenario has ${validated.issues.length} problem${validated.issues.length === 1 ? '' : 's'}.`,
      issues: validated.issues,
    }
  }
  return { ok: true, revision: request.revision, ...work(validated.scenario) }
}

/** The oracle LP's objective, risk and SLA violations against the VPP share. */
export function analyseFrontier(
  highs: Highs,
  request: FrontierRequest,
): Answer<{ frontier: Frontier }> {
  return withScenario(request, (scenario) => ({
    frontier: budgetFrontier(highs, scenario, request.options ?? {}),
  }))
}

/** The marginal value of key on every link, each checked by two re-solves. */
export function analyseLinkValues(
  highs: Highs,
  request: AnalysisRequest,
): Answer<{ linkValues: LinkValues }> {
  return withScenario(request, (scenario) => ({
    linkValues: linkValues(highs, scenario, { check: true }),
  }))
}

/** LP bound, MILP value, integrality gap and split choices. */
export function analyseIntegrality(
  highs: Highs,
  request: AnalysisRequest,
): Answer<{ integrality: IntegralityReport }> {
  return withScenario(request, (scenario) => ({
    integrality: lpVsMilp(highs, scenario, { timeLimitSeconds: 60 }),
  }))
}

/**
 * One batch of contingency cases. Each worker of the pool solves the base plan itself (a warm
 * start for its cases) and compares its cases with it.
 */
export function analyseContingencies(
  highs: Highs,
  request: ContingencyRequest,
): Answer<{ base: BaseOutcome; outcomes: CaseOutcome[]; total: number }> {
  return withScenario(request, (scenario) => {
    const cases = contingencyCases(scenario)
    const session = sweepSession(highs, scenario)
    try {
      const base = solveBase(session, scenario)
      return {
        base: baseOutcome(base),
        outcomes: runCases(session, scenario, base, cases.slice(request.from, request.to)),
        total: cases.length,
      }
    } finally {
      session.dispose()
    }
  })
}

/** The N-1 report from the pool's batches (the case list rebuilt from the scenario). */
export function assembleContingencyReport(
  request: ContingencyAssembly,
): Answer<{ report: ContingencyReport }> {
  return withScenario(request, (scenario) => ({
    report: assembleContingency(
      request.base ?? {
        status: 'optimal',
        objectiveEur: null,
        residualRiskEur: null,
        slaViolations: null,
      },
      scenario,
      contingencyCases(scenario),
      request.outcomes,
      request.elapsedMs,
    ),
  }))
}
