/**
 * `qkdvpp`: the planner's command-line tool. Exit codes: 0 success, 1 unexpected error,
 * 2 invalid input or usage, 3 infeasible scenario. User errors never print a stack trace.
 */
import { buildInstance } from '../domain/derive/instance.ts'
import { buildOracleModel } from '../domain/model/buildOracleModel.ts'
import { writeLp } from '../domain/model/lpWriter.ts'
import {
  EVALUATION_DAY,
  RESULT_FORMAT,
  RESULT_VERSION,
  runOracle,
} from '../domain/report/oracleReport.ts'
import { BUILTIN_SCENARIOS, isBuiltinName } from '../domain/scenario/builtins/index.ts'
import { scenarioHash } from '../domain/scenario/hash.ts'
import { validateScenario } from '../domain/scenario/validate.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { parseArgs, UsageError } from './args.ts'
import { formatOracleSummary } from './summary.ts'

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
  solve FILE [--policy oracle] [--integer] [--json]
                                             solve the scenario and report the allocation
  export-lp FILE [--integer]                 print the (scaled) oracle model as CPLEX LP text

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
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new InvalidInput([`(root): not valid JSON: ${(error as Error).message}`])
  }
  const result = validateScenario(json)
  if (!result.ok) throw new InvalidInput(result.issues.map((i) => `${i.path}: ${i.message}`))
  return result.scenario
}

async function commandSolve(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const policy = args.options.policy ?? 'oracle'
  if (policy !== 'oracle') {
    throw new UsageError(`unknown policy "${policy}"; this version supports --policy oracle`)
  }
  const scenario = await readScenario(args.file(), io)
  const integer = args.flags.has('integer') || scenario.policy.integer
  const highs = await loadSolver()
  const run = runOracle(highs, scenario, { integer })
  if (args.flags.has('json')) {
    const document = {
      format: RESULT_FORMAT,
      version: RESULT_VERSION,
      scenario: { name: scenario.name, hash: scenarioHash(scenario) },
      solver: { name: 'HiGHS', version: highs.version.toString() },
      evaluationDay: EVALUATION_DAY,
      integer,
      policies: { oracle: run.report },
    }
    io.stdout(`${JSON.stringify(document)}\n`)
  } else {
    io.stdout(formatOracleSummary(scenario, run, integer))
  }
  if (run.report.status === 'infeasible') {
    io.stderr(`Scenario "${scenario.name}" is infeasible:\n`)
    for (const line of run.report.infeasibility?.messages ?? []) io.stderr(`  ${line}\n`)
    return EXIT.infeasible
  }
  return EXIT.ok
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

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
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
      case 'validate':
        await readScenario(args.file(), io)
        io.stdout('valid\n')
        return EXIT.ok
      case 'solve':
        return await commandSolve(args, io)
      case 'export-lp':
        return await commandExportLp(args, io)
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
