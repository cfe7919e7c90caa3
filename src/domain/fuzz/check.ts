/**
 * One fuzz case through the whole pipeline — validate → oracle LP → MILP with a short time limit
 * → the four policies → the analyses — and the properties every stage must keep (issue 13):
 *
 * - a refusal names a path for every problem (and, for a mutated case, the mutated field);
 * - every number a result promises is finite, before and after JSON (no NaN, no Infinity, no
 *   `null` where a plan's figure belongs);
 * - every reported plan passes the store replay (`keyShortfallBits` 0);
 * - the oracle LP bounds every feasible policy (1e-9 relative or €1e-9), the MILP and the
 *   rounded plan from below;
 * - every status is one of the known words, and one without a plan says why (`failure` or
 *   `infeasibility`);
 * - ids survive into the JSON result (a link `__proto__` is a key of `links`);
 * - no exception escapes.
 *
 * Nothing here works around a defect: a failure is reported as found.
 */
import type { Highs } from 'highs'
import { contingencyCases, contingencySweep } from '../analysis/contingency.ts'
import { budgetFrontier } from '../analysis/frontier.ts'
import { lpVsMilp } from '../analysis/integrality.ts'
import { linkValues } from '../analysis/linkValue.ts'
import { POLICY_NAMES } from '../policy/evaluate.ts'
import { comparePolicies } from '../report/comparisonReport.ts'
import { runOracle, type PolicyReport } from '../report/oracleReport.ts'
import type { ValidationIssue } from '../scenario/issues.ts'
import type { Scenario } from '../scenario/types.ts'
import { validateScenario } from '../derive/validateScenario.ts'
import { buildInstance } from '../derive/instance.ts'
import { buildOracleModel } from '../model/buildOracleModel.ts'
import { EVALUATION_DAY } from '../report/evaluationDay.ts'
import { FACE_TOLERANCE } from '../solve/tieBreak.ts'
import { PLAN_COST_TOLERANCE } from '../solve/oracleSession.ts'
import { nowMs } from '../util/clock.ts'
import type { FuzzCase } from './generate.ts'
import { numberProblems, viaJson } from './walk.ts'

/** Every status an oracle solve may end in (`solve/status.ts`). */
export const SOLVE_STATUSES = [
  'optimal',
  'infeasible',
  'unbounded',
  'time-limit',
  'numerical-failure',
] as const
/** Every status a policy may end in (`policy/evaluate.ts`). */
export const POLICY_STATUSES = [...SOLVE_STATUSES, 'feasible', 'forced-hold'] as const

/** How much solving one case may do. */
export interface FuzzBudget {
  /** Time limit of the MILP stage, s. */
  milpSeconds: number
  /** Time limit of the MILP inside lp-vs-milp, s. */
  lpVsMilpSeconds: number
  frontierSteps: number
  frontierRefinements: number
  /** Re-solve checks of link values only up to this many links. */
  linkValueCheckMaxLinks: number
  /** The N-1 sweep only up to this many cases. */
  contingencyMaxCases: number
  /** Run the analyses (frontier, link values, N-1, LP against MILP); false keeps a case short. */
  analyses: boolean
}

/** The budget of `npm run fuzz`: short MILP limits, small sweeps, every analysis. */
export const DEFAULT_BUDGET: FuzzBudget = {
  milpSeconds: 0.5,
  lpVsMilpSeconds: 0.2,
  frontierSteps: 3,
  frontierRefinements: 2,
  linkValueCheckMaxLinks: 4,
  contingencyMaxCases: 16,
  analyses: true,
}

/** What one case did: refused or solved, each stage's status, its time and its failures. */
export interface CaseResult {
  refused: boolean
  /** Status of the oracle LP, the MILP stage, and each policy of the comparison. */
  statuses: Record<string, string>
  ms: number
  failures: string[]
}

/** Slack of the bound and agreement checks on one scenario, €. */
export interface Slack {
  /** How far a plan may fall below the oracle's bound. */
  bound: (a: number, b: number) => number
  /** How far two solves of the same LP (or of neighbouring variants) may differ. */
  agree: (a: number, b: number) => number
}

/**
 * The slack on a generated day: `PLAN_COST_TOLERANCE` (1e-6) relative, plus the solver's
 * resolution. The solver decides to 1e-7 of the model's money unit per decision (the tie-break
 * takes reduced costs below that as ties, `solve/tieBreak.ts`), and the unit is the geometric
 * mean of the day's costs, so a day whose costs reach 1e12 € beside an optimum of 1e-300 € is
 * resolved to about 1e-7 unit per flow-slot, not to 1e-9 €. (The property test on ordinary days,
 * `policy/likeForLike.test.ts`, holds the bound at 1e-9 relative.)
 */
export function slackFor(scenario: Scenario): Slack {
  const instance = buildInstance(scenario, EVALUATION_DAY)
  const unitEur = buildOracleModel(instance).scaling.objectiveUnitEur
  const decisions = Math.max(1, instance.flows.length * instance.slots)
  const floor = Math.max(1e-6, 10 * FACE_TOLERANCE * unitEur * decisions)
  const relative = (a: number, b: number) =>
    PLAN_COST_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + floor
  return { bound: relative, agree: relative }
}

/** Runs one case and collects every property it breaks (an empty list: it passed). */
export function runCase(highs: Highs, c: FuzzCase, budget = DEFAULT_BUDGET): CaseResult {
  const started = nowMs()
  const result: CaseResult = { refused: false, statuses: {}, ms: 0, failures: [] }
  const fail = (message: string) => result.failures.push(message)
  try {
    const v = validateScenario(c.doc)
    if (!v.ok) {
      result.refused = true
      checkRefusal(v.issues, c.mustRefuseAt, fail)
    } else if (c.mustRefuseAt !== undefined) {
      fail(`accepted although ${c.mustRefuseAt} was set outside the format`)
    } else {
      solveAll(highs, v.scenario, budget, result.statuses, fail)
    }
  } catch (error) {
    fail(`exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
  result.ms = nowMs() - started
  return result
}

function checkRefusal(
  issues: readonly ValidationIssue[],
  mustRefuseAt: string | undefined,
  fail: (m: string) => void,
): void {
  if (issues.length === 0) fail('refused without a single issue')
  for (const issue of issues) {
    if (typeof issue.path !== 'string' || issue.path.length === 0)
      fail(`issue without a path: ${issue.message}`)
    if (typeof issue.message !== 'string' || issue.message.length < 4)
      fail(`issue without a message at ${issue.path}`)
  }
  if (mustRefuseAt !== undefined && !issues.some((i) => i.path === mustRefuseAt))
    fail(`mutated ${mustRefuseAt} but no issue names it: ${issues.map((i) => i.path).join(', ')}`)
}

/** Figures a plan's report may leave null: threshold figures of plans without prices. */
const ONLINE_NULLABLE = new Set(['thresholdViolation', 'thresholdViolationEur', 'regretVsOracle'])
const ORACLE_NULLABLE = new Set(['regretVsOracle'])

function sortedKeys(record: object): string[] {
  return Object.keys(record).sort()
}

/** Checks one policy report (oracle or online); returns its objective when it has a plan. */
function checkReport(
  what: string,
  report: PolicyReport | undefined,
  scenario: Scenario,
  online: boolean,
  fail: (m: string) => void,
): number | null {
  if (report === undefined) {
    fail(`${what}: no report`)
    return null
  }
  const known: readonly string[] = online ? POLICY_STATUSES : SOLVE_STATUSES
  if (!known.includes(report.status)) fail(`${what}: unknown status "${report.status}"`)
  const plan = report.objectiveEur !== null
  const planStatus = ['optimal', 'feasible', 'forced-hold'].includes(report.status)
  if (planStatus && !plan) fail(`${what}: status ${report.status} without an objective`)
  if (!planStatus) {
    const explained =
      report.status === 'infeasible'
        ? (report.infeasibility?.messages.length ?? 0) > 0
        : typeof report.failure === 'string' && report.failure.length > 0
    if (!explained) fail(`${what}: status ${report.status} without an explanation`)
  }
  if (plan && report.keyShortfallBits !== 0)
    fail(`${what}: plan (${report.status}) overdraws the stores by ${report.keyShortfallBits} bits`)
  const nullable = plan ? (online ? ONLINE_NULLABLE : ORACLE_NULLABLE) : undefined
  for (const p of nullable === undefined
    ? numberProblems(report, 'any', what)
    : numberProblems(report, nullable, what))
    fail(p)
  const ids = scenario.qkd.links.map((l) => l.id).sort()
  const liveKeys = sortedKeys(report.links)
  const jsonKeys = sortedKeys(viaJson(report).links)
  if (liveKeys.join('\u0000') !== ids.join('\u0000'))
    fail(`${what}: links ${JSON.stringify(liveKeys)}, expected ${JSON.stringify(ids)}`)
  else if (jsonKeys.join('\u0000') !== ids.join('\u0000'))
    fail(`${what}: JSON links ${JSON.stringify(jsonKeys)}, expected ${JSON.stringify(ids)}`)
  return report.objectiveEur
}

function solveAll(
  highs: Highs,
  scenario: Scenario,
  budget: FuzzBudget,
  statuses: Record<string, string>,
  fail: (m: string) => void,
): void {
  const slack = slackFor(scenario)
  // Oracle LP and MILP.
  const lp = runOracle(highs, scenario, { integer: false })
  statuses.lp = lp.report.status
  const lpEur = checkReport('oracle LP', lp.report, scenario, false, fail)
  const milp = runOracle(highs, scenario, { integer: true, timeLimitSeconds: budget.milpSeconds })
  statuses.milp = milp.report.status
  const milpEur = checkReport('oracle MILP', milp.report, scenario, false, fail)
  if (lpEur !== null && milpEur !== null && milpEur < lpEur - slack.bound(milpEur, lpEur))
    fail(`MILP €${milpEur} below the LP bound €${lpEur}`)
  if (lp.report.status === 'infeasible' && milpEur !== null)
    fail(`MILP found a plan (€${milpEur}) where the LP is infeasible`)

  // The four policies.
  const comparison = comparePolicies(highs, scenario, POLICY_NAMES, 1)
  const oracle = comparison.policies.oracle
  const oracleEur = checkReport('policies.oracle', oracle, scenario, false, fail)
  statuses.oracle = oracle?.status ?? 'missing'
  if (!scenario.policy.integer && lpEur !== null && oracleEur !== null) {
    if (Math.abs(oracleEur - lpEur) > slack.agree(oracleEur, lpEur))
      fail(`policies.oracle €${oracleEur} differs from the oracle LP €${lpEur}`)
  }
  if (!scenario.policy.integer && (lpEur === null) !== (oracleEur === null))
    fail(`oracle LP is ${lp.report.status} but policies.oracle is ${oracle?.status}`)
  for (const name of POLICY_NAMES) {
    if (name === 'oracle') continue
    const report = comparison.policies[name]
    const eur = checkReport(`policies.${name}`, report, scenario, true, fail)
    statuses[name] = report?.status ?? 'missing'
    if (report?.status === 'forced-hold' && scenario.policy.holdAllowed)
      fail(`policies.${name}: forced-hold although holding is allowed`)
    if (report?.status === 'feasible' && lp.report.status === 'infeasible')
      fail(`policies.${name}: feasible on a day the oracle LP proves infeasible`)
    if (report?.status !== 'feasible' || eur === null) continue
    if (lpEur !== null && eur < lpEur - slack.bound(eur, lpEur))
      fail(`policies.${name}: €${eur} below the oracle LP €${lpEur}`)
    // An integer oracle bounds integer plans only; the online policies may split messages.
    if (
      !scenario.policy.integer &&
      oracleEur !== null &&
      eur < oracleEur - slack.bound(eur, oracleEur)
    )
      fail(`policies.${name}: €${eur} below policies.oracle €${oracleEur}`)
  }
  for (const p of numberProblems(comparison.planningMs, new Set(), 'planningMs')) fail(p)

  if (budget.analyses) checkAnalyses(highs, scenario, budget, lpEur, slack, fail)
}

function checkAnalyses(
  highs: Highs,
  scenario: Scenario,
  budget: FuzzBudget,
  lpEur: number | null,
  slack: Slack,
  fail: (m: string) => void,
): void {
  const any = 'any' as const
  // The budget frontier: known statuses, figures for every optimum, never rising with the share.
  const frontier = budgetFrontier(highs, scenario, {
    steps: budget.frontierSteps,
    maxRefinementSolves: budget.frontierRefinements,
  })
  for (const p of numberProblems(frontier, any, 'frontier')) fail(p)
  let previous: { share: number; eur: number } | undefined
  for (const point of frontier.points) {
    if (!(SOLVE_STATUSES as readonly string[]).includes(point.status))
      fail(`frontier: unknown status "${point.status}"`)
    const solved = point.status === 'optimal'
    const figures = [point.objectiveEur, point.residualRiskEur, point.slaViolations]
    if (solved && [...figures, point.slopeEurPerShare].some((x) => x === null))
      fail(`frontier: optimal point at share ${point.vppShare} with a null figure`)
    if (!solved && point.objectiveEur !== null)
      fail(`frontier: ${point.status} point at share ${point.vppShare} with an objective`)
    if (point.objectiveEur === null) continue
    if (previous !== undefined && point.vppShare > previous.share) {
      if (point.objectiveEur > previous.eur + slack.agree(point.objectiveEur, previous.eur))
        fail(
          `frontier: objective rises from €${previous.eur} (share ${previous.share}) to €${point.objectiveEur} (share ${point.vppShare})`,
        )
    }
    previous = { share: point.vppShare, eur: point.objectiveEur }
  }

  // Link values: one row per link, ids intact, the same base objective as the oracle LP.
  const values = linkValues(highs, scenario, {
    check: scenario.qkd.links.length <= budget.linkValueCheckMaxLinks,
  })
  for (const p of numberProblems(values, any, 'linkValues')) fail(p)
  if (values.status === 'optimal') {
    const got = values.links.map((l) => l.linkId).sort()
    const want = scenario.qkd.links.map((l) => l.id).sort()
    if (got.join('\u0000') !== want.join('\u0000'))
      fail(`linkValues: links ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`)
    if (values.objectiveEur === null) fail('linkValues: optimal without an objective')
    for (const l of values.links)
      if (l.valueEurPerKbps < 0 || l.pricedSlots < 0)
        fail(`linkValues: negative value on link ${l.linkId}`)
  } else if (lpEur !== null) fail(`linkValues: ${values.status} where the oracle LP is optimal`)

  // The N-1 sweep on small cases: a failed element never lowers the objective.
  if (contingencyCases(scenario).length <= budget.contingencyMaxCases) {
    const sweep = contingencySweep(highs, scenario)
    for (const p of numberProblems(sweep, any, 'contingency')) fail(p)
    const processIds = new Set(scenario.processes.map((p) => p.id))
    const nodeIds = new Set(scenario.qkd.nodes.map((x) => x.id))
    const rows = [
      ...sweep.links.map((r) => ({ ...r, name: `link ${r.linkId}` })),
      ...sweep.nodes.map((r) => ({ ...r, name: `node ${r.nodeId}` })),
    ]
    for (const row of rows) {
      for (const outcome of [row, ...(row.window === undefined ? [] : [row.window])]) {
        if (!(SOLVE_STATUSES as readonly string[]).includes(outcome.status))
          fail(`contingency ${row.name}: unknown status "${outcome.status}"`)
        if (outcome.status === 'optimal' && outcome.objectiveEur === null)
          fail(`contingency ${row.name}: optimal without an objective`)
        const delta = outcome.deltaObjectiveEur
        const base = sweep.base.objectiveEur
        if (delta !== null && base !== null && delta < -slack.agree(base + delta, base))
          fail(`contingency ${row.name}: an outage lowers the objective by €${-delta}`)
        if (outcome.firstLoss !== null && !processIds.has(outcome.firstLoss.processId))
          fail(
            `contingency ${row.name}: first loss names unknown process "${outcome.firstLoss.processId}"`,
          )
      }
    }
    const linkRows = sweep.links.map((r) => r.linkId).sort()
    const want = scenario.qkd.links.map((l) => l.id).sort()
    if (sweep.base.status === 'optimal' && linkRows.join('\u0000') !== want.join('\u0000'))
      fail(`contingency: link rows ${JSON.stringify(linkRows)}, expected ${JSON.stringify(want)}`)
    for (const r of sweep.nodes)
      if (!nodeIds.has(r.nodeId)) fail(`contingency: row for unknown node "${r.nodeId}"`)
  }

  // LP against MILP: the LP bounds the MILP and the rounded plan.
  const gap = lpVsMilp(highs, scenario, { timeLimitSeconds: budget.lpVsMilpSeconds })
  for (const p of numberProblems(gap, any, 'lpVsMilp')) fail(p)
  if (!(SOLVE_STATUSES as readonly string[]).includes(gap.lpStatus))
    fail(`lpVsMilp: unknown LP status "${gap.lpStatus}"`)
  if (
    gap.milpStatus !== 'not-run' &&
    !(SOLVE_STATUSES as readonly string[]).includes(gap.milpStatus)
  )
    fail(`lpVsMilp: unknown MILP status "${gap.milpStatus}"`)
  if ((gap.lpEur === null) !== (gap.lpStatus !== 'optimal'))
    fail(`lpVsMilp: LP ${gap.lpStatus} with lpEur ${gap.lpEur}`)
  if (gap.lpEur !== null) {
    for (const [name, eur] of [
      ['MILP', gap.milpEur],
      ['rounded plan', gap.roundedEur],
    ] as const) {
      if (eur !== null && eur < gap.lpEur - slack.bound(eur, gap.lpEur))
        fail(`lpVsMilp: ${name} €${eur} below the LP €${gap.lpEur}`)
    }
    if (lpEur !== null && Math.abs(gap.lpEur - lpEur) > slack.agree(gap.lpEur, lpEur))
      fail(`lpVsMilp: LP €${gap.lpEur} differs from the oracle LP €${lpEur}`)
  }
  if (gap.integralityGap !== null && !(gap.integralityGap >= 0 && gap.integralityGap <= 1))
    fail(`lpVsMilp: integrality gap ${gap.integralityGap} outside 0…1`)
}
