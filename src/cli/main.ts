/**
 * `qkdvpp`: the planner's command-line tool. Exit codes: 0 success, 1 unexpected error,
 * 2 invalid input or usage, 3 infeasible scenario. User errors never print a stack trace.
 */
import { scenarioJsonSchemaText } from '../domain/scenario/jsonSchema.ts'
import { buildInstance } from '../domain/derive/instance.ts'
import { buildOracleModel } from '../domain/model/buildOracleModel.ts'
import { writeLp } from '../domain/model/lpWriter.ts'
import { POLICY_NAMES, type PolicyName } from '../domain/policy/evaluate.ts'
import { comparePolicies } from '../domain/report/comparisonReport.ts'
import {
  EVALUATION_DAY,
  RESULT_FORMAT,
  RESULT_VERSION,
  runOracle,
  type PolicyReport,
} from '../domain/report/oracleReport.ts'
import { BUILTIN_SCENARIOS, isBuiltinName } from '../domain/scenario/builtins/index.ts'
import { scenarioHash } from '../domain/scenario/hash.ts'
import { parseScenarioText } from '../domain/scenario/parse.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import { jsonErrorMessage } from '../domain/util/jsonSyntax.ts'
import { terminalSafe } from './terminal.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { parseArgs, UsageError } from './args.ts'
import {
  commandContingency,
  commandFrontier,
  commandLinkValue,
  commandLpVsMilp,
} from './analysisCommands.ts'
import { formatComparison, formatOracleSummary } from './summary.ts'
import { unreachableDeadlines, unreachableDeadlineText } from '../domain/metrics/causes.ts'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readFile: (path: string) => Promise<string>
  readStdin: () => Promise<string>
}

export const EXIT = { ok: 0, error: 1, invalid: 2, infeasible: 3 } as const

const USAGE = `Usage: qkdvpp <command> [options]

Commands:
  example [representative|tiny|large]        print a built-in scenario as JSON
  validate FILE                              print "valid", or one "path: message" per problem
  schema                                     print the scenario format as JSON Schema
  solve FILE [--policy oracle|proposed|greedy|static|all] [--days N] [--integer] [--json]
                                             plan the day; with several policies or --days,
                                             compare them (Monte Carlo over N days, default 50)
  export-lp FILE [--integer]                 print the (scaled) oracle model as CPLEX LP text
  frontier FILE [--from A --to B --steps N --spacing linear|log] [--json]
                                             objective, risk and SLA violations against the
                                             VPP share, with the shadow-price breakpoints
  link-value FILE [--json]                   € per kb/s of extra key on each link, checked by
                                             re-solves
  contingency FILE [--json]                  N-1 sweep: each link and trusted relay failed for
                                             the day and for the shock window
  lp-vs-milp FILE [--json]                   LP bound, MILP value, integrality gap, split choices

FILE may be - to read standard input, or builtin:NAME for a built-in scenario.
Exit codes: 0 success, 1 unexpected error, 2 invalid input or usage, 3 infeasible.`

/** Thrown for input that fails validation; carries every problem. */
class InvalidInput extends Error {
  constructor(readonly lines: string[]) {
    super('invalid scenario')
  }
}

/** `builtin:NAME` names a built-in scenario instead of a file. */
const BUILTIN_PREFIX = 'builtin:'

async function readScenario(file: string, io: CliIo): Promise<Scenario> {
  let text: string
  if (file.startsWith(BUILTIN_PREFIX)) {
    const name = file.slice(BUILTIN_PREFIX.length)
    if (!isBuiltinName(name)) {
      throw new UsageError(
        `unknown built-in "${name}"; choose ${Object.keys(BUILTIN_SCENARIOS).join(', ')}`,
      )
    }
    text = JSON.stringify(BUILTIN_SCENARIOS[name]())
  } else {
    try {
      text = file === '-' ? await io.readStdin() : await io.readFile(file)
    } catch (error) {
      const code = (error as { code?: string }).code
      throw new InvalidInput([`${file}: cannot read file${code === undefined ? '' : ` (${code})`}`])
    }
  }
  const parsed = parseScenarioText(text)
  // Line and column as the dashboard's import names them (V8 gives an offset only sometimes).
  if (!parsed.ok) throw new InvalidInput([`(root): ${jsonErrorMessage(text) ?? parsed.message}`])
  const result = validateScenario(parsed.json)
  if (!result.ok) throw new InvalidInput(result.issues.map((i) => `${i.path}: ${i.message}`))
  return result.scenario
}

const POLICY_CHOICES = ['all', ...POLICY_NAMES] as const

/** Monte Carlo days for policy comparisons unless --days says otherwise. */
const DEFAULT_DAYS = 50

function parsePolicies(value: string | undefined): PolicyName[] {
  const choice = value ?? 'oracle'
  if (!(POLICY_CHOICES as readonly string[]).includes(choice)) {
    throw new UsageError(`unknown policy "${choice}"; choose ${POLICY_CHOICES.join(', ')}`)
  }
  return choice === 'all' ? [...POLICY_NAMES] : [choice as PolicyName]
}

function parseDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const days = Number(value)
  if (!Number.isInteger(days) || days < 1 || days > 10_000) {
    throw new UsageError(`--days must be a whole number from 1 to 10000, got "${value}"`)
  }
  return days
}

async function commandSolve(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const policies = parsePolicies(args.options.policy)
  const days = parseDays(args.options.days)
  const loaded = await readScenario(args.file(), io)
  const integer = args.flags.has('integer') || loaded.policy.integer
  const scenario: Scenario = { ...loaded, policy: { ...loaded.policy, integer } }
  const highs = await loadSolver()
  const header = {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    scenario: { name: scenario.name, hash: scenarioHash(loaded) },
    solver: { name: 'HiGHS', version: highs.version.string },
    evaluationDay: EVALUATION_DAY,
    integer,
    warnings: scenarioWarnings(scenario),
  }
  if (!args.flags.has('json')) for (const w of header.warnings) io.stderr(`warning: ${w}\n`)
  const oracleOnly = policies.length === 1 && policies[0] === 'oracle' && days === undefined
  if (oracleOnly) {
    const run = runOracle(highs, scenario, { integer })
    if (args.flags.has('json'))
      io.stdout(`${JSON.stringify({ ...header, policies: { oracle: run.report } })}\n`)
    else io.stdout(formatOracleSummary(scenario, run, integer))
    return reportInfeasible(scenario, run.report, io)
  }
  const comparison = comparePolicies(highs, scenario, policies, days ?? DEFAULT_DAYS)
  if (args.flags.has('json')) {
    io.stdout(
      `${JSON.stringify({ ...header, days: days ?? DEFAULT_DAYS, planningMs: comparison.planningMs, policies: comparison.policies })}\n`,
    )
  } else {
    io.stdout(formatComparison(scenario, comparison, days ?? DEFAULT_DAYS))
  }
  const oracle = comparison.policies.oracle
  return oracle === undefined ? EXIT.ok : reportInfeasible(scenario, oracle, io)
}

/** Warnings about the scenario that do not stop a solve, in domain words. */
function scenarioWarnings(scenario: Scenario): string[] {
  return unreachableDeadlines(scenario, buildInstance(scenario, EVALUATION_DAY)).map(
    unreachableDeadlineText,
  )
}

function reportInfeasible(scenario: Scenario, report: PolicyReport, io: CliIo): number {
  if (report.status === 'numerical-failure') {
    // The scenario's numbers, not the user's command, are the problem: invalid input.
    io.stderr(
      `Scenario "${scenario.name}" could not be solved reliably:\n  ${report.failure ?? ''}\n`,
    )
    return EXIT.invalid
  }
  if (report.status === 'time-limit' && report.objectiveEur === null) {
    io.stderr(
      `Scenario "${scenario.name}": ${report.failure ?? 'the solver reached its time limit'} before finding a plan.\n`,
    )
    return EXIT.invalid
  }
  if (report.status !== 'infeasible') return EXIT.ok
  io.stderr(`Scenario "${scenario.name}" is infeasible:\n`)
  for (const line of report.infeasibility?.messages ?? []) io.stderr(`  ${line}\n`)
  return EXIT.infeasible
}

async function commandExportLp(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const scenario = await readScenario(args.file(), io)
  const integer = args.flags.has('integer') || scenario.policy.integer
  const instance = buildInstance(scenario, EVALUATION_DAY)
  const built = buildOracleModel(instance)
  io.stdout(
    writeLp(
      instance,
      built,
      { scenarioName: scenario.name, scenarioHash: scenarioHash(scenario) },
      integer,
    ),
  )
  return EXIT.ok
}

const ANALYSES = {
  frontier: commandFrontier,
  'link-value': commandLinkValue,
  contingency: commandContingency,
  'lp-vs-milp': commandLpVsMilp,
} as const

async function commandAnalysis(
  name: keyof typeof ANALYSES,
  args: ReturnType<typeof parseArgs>,
  io: CliIo,
): Promise<number> {
  const scenario = await readScenario(args.file(), io)
  const highs = await loadSolver()
  // Every analysis varies the base plan; without one there is nothing to vary, and an empty
  // table with exit 0 would read as "nothing matters". Say why instead, as `solve` does.
  const base = runOracle(highs, scenario)
  if (base.report.status !== 'optimal') {
    io.stderr(`qkdvpp ${name}: the base scenario has no plan, so there is nothing to analyse.\n`)
    const code = reportInfeasible(scenario, base.report, io)
    return code === EXIT.ok ? EXIT.invalid : code
  }
  ANALYSES[name](highs, scenario, args, io)
  return EXIT.ok
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[], raw: CliIo): Promise<number> {
  // Every line written passes through one filter, so no user text reaches the terminal raw.
  const io: CliIo = {
    ...raw,
    stdout: (text) => raw.stdout(terminalSafe(text)),
    stderr: (text) => raw.stderr(terminalSafe(text)),
  }
  try {
    const args = parseArgs(argv)
    switch (args.command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(`${USAGE}\n`)
        return args.command === undefined ? EXIT.invalid : EXIT.ok
      case 'example': {
        const name = args.positional[0] ?? 'representative'
        if (!isBuiltinName(name)) {
          throw new UsageError(
            `unknown example "${name}"; choose ${Object.keys(BUILTIN_SCENARIOS).join(', ')}`,
          )
        }
        io.stdout(`${JSON.stringify(BUILTIN_SCENARIOS[name](), null, 2)}\n`)
        return EXIT.ok
      }
      case 'schema':
        io.stdout(scenarioJsonSchemaText())
        return EXIT.ok
      case 'validate':
        await readScenario(args.file(), io)
        io.stdout('valid\n')
        return EXIT.ok
      case 'solve':
        return await commandSolve(args, io)
      case 'export-lp':
        return await commandExportLp(args, io)
      case 'frontier':
      case 'link-value':
      case 'contingency':
      case 'lp-vs-milp':
        return await commandAnalysis(args.command, args, io)
      default:
        throw new UsageError(`unknown command "${args.command}"`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`qkdvpp: ${error.message}\n\n${USAGE}\n`)
      return EXIT.invalid
    }
    if (error instanceof InvalidInput) {
      io.stderr(`${error.lines.join('\n')}\n`)
      return EXIT.invalid
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`qkdvpp: unexpected error: ${message}\n`)
    if (process.env.QKDVPP_DEBUG !== undefined && error instanceof Error)
      io.stderr(`${error.stack}\n`)
    return EXIT.error
  }
}
