/**
 * Oracle benchmark (a script, not a test): model build, cold solve and warm re-solve times of the
 * oracle LP and MILP on the built-in scenarios, peak memory, and simplex against interior point.
 *
 *   npm run bench -- [--runs N] [--milp-runs N] [--large-runs N] [--time-limit S]
 *                    [--only tiny,representative,large] [--quick] [--json]
 *
 * Prints medians and ratios; targets are printed beside them, never asserted. Progress goes to
 * stderr, the table (or with --json the JSON summary) to stdout.
 */
import type { Highs } from 'highs'
import { buildInstance, type Instance } from '../domain/derive/instance.ts'
import { BUILTIN_SCENARIOS, type BuiltinName } from '../domain/scenario/builtins/index.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import {
  OracleSession,
  type Algorithm,
  type OracleResult,
  type SessionOptions,
  type SolveStatus,
} from '../domain/solve/oracleSession.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { median } from './stats.ts'
import { parseArgs } from 'node:util'

// ---------------------------------------------------------------------------------------------
// Options

const SIZES: readonly BuiltinName[] = ['tiny', 'representative', 'large']
const USAGE = `usage: npm run bench -- [--runs N] [--milp-runs N] [--large-runs N] [--time-limit S]
                        [--only tiny,representative,large] [--quick] [--json]

  --runs N        runs of tiny and representative LP (cold, warm, other algorithm) and tiny MILP
                  (default 5; --quick 1)
  --milp-runs N   cold runs of the representative MILP (default 3, ~30 s each; --quick 1);
                  one re-solve
  --large-runs N  cold runs of the large LP (default 2; --quick 1); large MILP runs once
  --time-limit S  solver time limit for every MILP and every non-default-algorithm LP
                  (default 60; --quick 10)
  --only LIST     comma-separated sizes (default all; --quick: tiny,representative)
  --quick         fast smoke pass
  --json          print a JSON summary instead of the table`

interface BenchOptions {
  runs: number
  milpRuns: number
  largeRuns: number
  timeLimitSeconds: number
  sizes: BuiltinName[]
  quick: boolean
  json: boolean
}

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`)
  process.exit(2)
}

function parseOptions(argv: readonly string[]): BenchOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        help: { type: 'boolean' },
        quick: { type: 'boolean' },
        json: { type: 'boolean' },
        runs: { type: 'string' },
        'milp-runs': { type: 'string' },
        'large-runs': { type: 'string' },
        'time-limit': { type: 'string' },
        only: { type: 'string' },
      },
    })
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const flags = new Set(['quick', 'json'].filter((name) => parsed.values[name as 'quick'] === true))
  const values = new Map(
    Object.entries(parsed.values).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
  const quick = flags.has('quick')
  const positive = (name: string, fallback: number, integer = true): number => {
    const raw = values.get(name)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
      fail(`--${name} must be a positive ${integer ? 'integer' : 'number'}`)
    return value
  }
  const only = values.get('only')
  let sizes: BuiltinName[]
  if (only === undefined) {
    sizes = quick ? ['tiny', 'representative'] : [...SIZES]
  } else {
    const asked = only.split(',').map((s) => s.trim())
    for (const s of asked) {
      if (!(SIZES as readonly string[]).includes(s)) fail(`--only: unknown size "${s}"`)
    }
    sizes = SIZES.filter((s) => asked.includes(s))
  }
  return {
    runs: positive('runs', quick ? 1 : 5),
    milpRuns: positive('milp-runs', quick ? 1 : 3),
    largeRuns: positive('large-runs', quick ? 1 : 2),
    timeLimitSeconds: positive('time-limit', quick ? 10 : 60, false),
    sizes,
    quick,
    json: flags.has('json'),
  }
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers

const relDiff = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(1e-12, Math.abs(a), Math.abs(b))

/** Process RSS and the solver's wasm memory, sampled between solves (solves block the loop). */
class MemoryTracker {
  peakRss = 0
  peakWasm = 0
  constructor(private readonly highs: Highs) {}
  sample(): { rss: number; wasm: number } {
    const rss = process.memoryUsage().rss
    const wasm = this.highs.memoryBytes
    this.peakRss = Math.max(this.peakRss, rss)
    this.peakWasm = Math.max(this.peakWasm, wasm)
    return { rss, wasm }
  }
}

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

const ms = (v: number): string =>
  !Number.isFinite(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`
const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—')

// ---------------------------------------------------------------------------------------------
// Scenario and instances

interface Prepared {
  name: BuiltinName
  scenario: Scenario
}

function prepare(name: BuiltinName): Prepared {
  const validated = validateScenario(BUILTIN_SCENARIOS[name]())
  if (!validated.ok) {
    const issues = validated.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
    throw new Error(`builtin scenario ${name} does not validate: ${issues}`)
  }
  return { name, scenario: validated.scenario }
}

/** The scenario with `qkd.vppShare` scaled (the warm re-solve's edit). */
function withVppShare(scenario: Scenario, factor: number): Scenario {
  return { ...scenario, qkd: { ...scenario.qkd, vppShare: scenario.qkd.vppShare * factor } }
}

function timedInstance(scenario: Scenario): { instance: Instance; ms: number } {
  const t0 = performance.now()
  const instance = buildInstance(scenario, 0)
  return { instance, ms: performance.now() - t0 }
}

// ---------------------------------------------------------------------------------------------
// Runs

interface ColdRun {
  instanceMs: number
  modelMs: number
  /** instance + model build */
  buildMs: number
  solveMs: number
  totalMs: number
  status: SolveStatus
  algorithm: Algorithm
  objectiveEur: number
  lpBoundEur?: number
  rssBytes: number
  wasmBytes: number
}

interface ResolveRun {
  factor: number
  instanceMs: number
  updateMs: number
  /** model build inside solve(): 0 when update() kept the model */
  modelMs: number
  solveMs: number
  totalMs: number
  status: SolveStatus
  algorithm: Algorithm
  warm: boolean
  objectiveEur: number
}

interface RowSummary {
  size: BuiltinName
  kind: 'LP' | 'MILP'
  cols: number
  rows: number
  algorithm: Algorithm
  defaultAlgorithm: Algorithm
  statuses: SolveStatus[]
  objectiveEur: number
  lpBoundEur?: number
  cold: ColdRun[]
  resolve: ResolveRun[]
  median: {
    instanceMs: number
    modelMs: number
    buildMs: number
    solveMs: number
    totalMs: number
    resolveSolveMs: number
    resolveTotalMs: number
  }
  buildShare: number
  resolveOverCold: number
  allResolvesWarm: boolean
  peakRssBytes: number
  wasmBytes: number
  timeLimitSeconds?: number
}

interface AlgorithmRun {
  solveMs: number
  status: SolveStatus
  objectiveEur: number
}

interface AlgorithmSummary {
  size: BuiltinName
  cols: number
  defaultAlgorithm: Algorithm
  simplex: { runs: AlgorithmRun[]; medianMs: number; timeLimited: boolean }
  ipm: { runs: AlgorithmRun[]; medianMs: number; timeLimited: boolean }
  faster: Algorithm | 'unknown'
  defaultIsFaster: boolean | undefined
  objectiveRelDiff: number
}

interface Finding {
  severity: 'problem' | 'note'
  message: string
}

interface Target {
  label: string
  measuredMs: number
  targetMs: number
  pass: boolean
}

class Bench {
  readonly findings: Finding[] = []
  readonly rows: RowSummary[] = []
  readonly algorithms: AlgorithmSummary[] = []
  private readonly memory: MemoryTracker

  constructor(
    private readonly highs: Highs,
    private readonly opts: BenchOptions,
  ) {
    this.memory = new MemoryTracker(highs)
  }

  get peakRss(): number {
    return this.memory.peakRss
  }

  get peakWasm(): number {
    return this.memory.peakWasm
  }

  /** Warm-up: the first solves of a fresh wasm instance are several times slower. */
  warmUp(): { name: string; ms: number; status: SolveStatus }[] {
    const tiny = prepare('tiny')
    const out: { name: string; ms: number; status: SolveStatus }[] = []
    const variants: [string, SessionOptions][] = [
      ['tiny LP simplex', { algorithm: 'simplex' }],
      ['tiny LP ipm', { algorithm: 'ipm' }],
      ['tiny MILP', { integer: true }],
    ]
    for (const [name, options] of variants) {
      const t0 = performance.now()
      const session = new OracleSession(this.highs, buildInstance(tiny.scenario, 0), options)
      try {
        const r = session.solve()
        out.push({ name, ms: performance.now() - t0, status: r.status })
      } finally {
        session.dispose()
      }
    }
    this.memory.sample()
    return out
  }

  /** One cold run: build the instance, a fresh session, solve. */
  private cold(
    prepared: Prepared,
    options: SessionOptions,
  ): { run: ColdRun; session: OracleSession; result: OracleResult } {
    const { instance, ms: instanceMs } = timedInstance(prepared.scenario)
    const session = new OracleSession(this.highs, instance, options)
    let result: OracleResult
    try {
      result = session.solve()
    } catch (e) {
      session.dispose()
      throw e
    }
    const mem = this.memory.sample()
    const modelMs = session.buildMs
    const run: ColdRun = {
      instanceMs,
      modelMs,
      buildMs: instanceMs + modelMs,
      solveMs: result.solveMs,
      totalMs: instanceMs + modelMs + result.solveMs,
      status: result.status,
      algorithm: result.algorithm,
      objectiveEur: result.objectiveEur,
      rssBytes: mem.rss,
      wasmBytes: mem.wasm,
    }
    if (result.lpBoundEur !== undefined) run.lpBoundEur = result.lpBoundEur
    return { run, session, result }
  }

  /** Re-solves after a VPP-share edit pushed through `update()`. */
  private resolve(session: OracleSession, prepared: Prepared, factor: number): ResolveRun {
    const { instance, ms: instanceMs } = timedInstance(withVppShare(prepared.scenario, factor))
    const t0 = performance.now()
    session.update(instance)
    const updateMs = performance.now() - t0
    const result = session.solve()
    this.memory.sample()
    const modelMs = session.buildMs
    return {
      factor,
      instanceMs,
      updateMs,
      modelMs,
      solveMs: result.solveMs,
      totalMs: instanceMs + updateMs + modelMs + result.solveMs,
      status: result.status,
      algorithm: result.algorithm,
      warm: result.warm,
      objectiveEur: result.objectiveEur,
    }
  }

  /** Cold runs, then a chain of re-solves on the last run's session (×0.9, ×1.1, …). */
  measure(
    prepared: Prepared,
    kind: 'LP' | 'MILP',
    coldRuns: number,
    resolveRuns: number,
    timeLimitSeconds?: number,
  ): RowSummary {
    const options: SessionOptions = kind === 'MILP' ? { integer: true } : {}
    if (timeLimitSeconds !== undefined) options.timeLimitSeconds = timeLimitSeconds
    const label = `${prepared.name} ${kind}`
    const cold: ColdRun[] = []
    const resolve: ResolveRun[] = []
    let cols = 0
    let rows = 0
    let defaultAlgorithm: Algorithm = 'simplex'
    let rssPeak = 0
    for (let i = 0; i < coldRuns; i++) {
      const { run, session } = this.cold(prepared, options)
      try {
        cold.push(run)
        rssPeak = Math.max(rssPeak, run.rssBytes)
        cols = session.layout?.model.numCols ?? 0
        rows = session.layout?.model.numRows ?? 0
        defaultAlgorithm = session.algorithmFor(cols)
        log(
          `${label} cold ${i + 1}/${coldRuns}: ${run.status}, ${run.algorithm}, build ${ms(run.buildMs)} (instance ${ms(run.instanceMs)} + model ${ms(run.modelMs)}), solve ${ms(run.solveMs)}`,
        )
        if (i === coldRuns - 1) {
          for (let j = 0; j < resolveRuns; j++) {
            const factor = j % 2 === 0 ? 0.9 : 1.1
            const r = this.resolve(session, prepared, factor)
            resolve.push(r)
            rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
            log(
              `${label} re-solve ${j + 1}/${resolveRuns} (vppShare ×${factor}): ${r.status}, ${r.algorithm}, warm=${r.warm}, instance ${ms(r.instanceMs)} + update ${ms(r.updateMs)} + model ${ms(r.modelMs)} + solve ${ms(r.solveMs)}`,
            )
          }
        }
      } finally {
        session.dispose()
      }
    }
    const first = cold[0]
    const m = {
      instanceMs: median(cold.map((r) => r.instanceMs)),
      modelMs: median(cold.map((r) => r.modelMs)),
      buildMs: median(cold.map((r) => r.buildMs)),
      solveMs: median(cold.map((r) => r.solveMs)),
      totalMs: median(cold.map((r) => r.totalMs)),
      resolveSolveMs: median(resolve.map((r) => r.solveMs)),
      resolveTotalMs: median(resolve.map((r) => r.totalMs)),
    }
    const row: RowSummary = {
      size: prepared.name,
      kind,
      cols,
      rows,
      algorithm: first?.algorithm ?? defaultAlgorithm,
      defaultAlgorithm,
      statuses: [...new Set([...cold, ...resolve].map((r) => r.status))],
      objectiveEur: first?.objectiveEur ?? Number.NaN,
      cold,
      resolve,
      median: m,
      buildShare: median(cold.map((r) => r.buildMs / r.totalMs)),
      resolveOverCold: m.resolveTotalMs / m.totalMs,
      allResolvesWarm: resolve.length > 0 && resolve.every((r) => r.warm),
      peakRssBytes: rssPeak,
      wasmBytes: this.highs.memoryBytes,
    }
    if (first?.lpBoundEur !== undefined) row.lpBoundEur = first.lpBoundEur
    if (timeLimitSeconds !== undefined) row.timeLimitSeconds = timeLimitSeconds
    this.checkRow(row)
    this.rows.push(row)
    return row
  }

  private checkRow(row: RowSummary): void {
    const label = `${row.size} ${row.kind}`
    for (const status of row.statuses) {
      if (status === 'time-limit') {
        this.findings.push({
          severity: 'note',
          message: `${label}: hit the ${row.timeLimitSeconds ?? 600} s time limit (times are lower bounds)`,
        })
      } else if (status !== 'optimal') {
        this.findings.push({ severity: 'problem', message: `${label}: status ${status}` })
      }
    }
    const objectives = row.cold.filter((r) => r.status === 'optimal').map((r) => r.objectiveEur)
    if (objectives.some((o) => relDiff(o, objectives[0] as number) > 1e-9)) {
      this.findings.push({
        severity: 'problem',
        message: `${label}: repeated cold solves of the same instance give different objectives (${objectives.join(', ')})`,
      })
    }
    const notWarm = row.resolve.filter((r) => !r.warm)
    if (row.kind === 'LP' && notWarm.length > 0) {
      const warmable = row.algorithm === 'simplex'
      this.findings.push({
        severity: warmable ? 'problem' : 'note',
        message: warmable
          ? `${label}: ${notWarm.length}/${row.resolve.length} re-solves after update() were not warm`
          : `${label}: re-solves after update() are not warm (warm=false): the session only warm-starts after a simplex solve and this size defaults to ${row.algorithm}, so every re-solve reruns ${row.algorithm} from scratch (model reused, build 0 ms)`,
      })
    }
    if (row.kind === 'MILP' && row.resolve.length > 0) {
      this.findings.push({
        severity: 'note',
        message: `${label}: re-solves reuse the model but are not warm (MILPs are never warm-started by the session)`,
      })
    }
    const rebuilt = row.resolve.filter((r) => r.modelMs > 0)
    if (rebuilt.length > 0) {
      this.findings.push({
        severity: 'problem',
        message: `${label}: ${rebuilt.length}/${row.resolve.length} re-solves rebuilt the model after a VPP-share-only update()`,
      })
    }
  }

  /**
   * Checks a warm re-solve against a cold solve of the same edited instance (and of the same
   * algorithm): the objectives must agree to 1e-6 relative.
   */
  checkWarmAgainstCold(prepared: Prepared, factor: number): number {
    const session = new OracleSession(this.highs, buildInstance(prepared.scenario, 0))
    try {
      const coldBase = session.solve()
      session.update(buildInstance(withVppShare(prepared.scenario, factor), 0))
      const warm = session.solve()
      const fresh = new OracleSession(
        this.highs,
        buildInstance(withVppShare(prepared.scenario, factor), 0),
      )
      try {
        const cold = fresh.solve()
        const diff = relDiff(warm.objectiveEur, cold.objectiveEur)
        const label = `${prepared.name} LP`
        if (!warm.warm && coldBase.algorithm === 'simplex') {
          this.findings.push({
            severity: 'problem',
            message: `${label}: update() + solve() after vppShare ×${factor} was not warm`,
          })
        }
        if (!(diff <= 1e-6)) {
          this.findings.push({
            severity: 'problem',
            message: `${label}: warm re-solve objective ${warm.objectiveEur} differs from a cold solve of the same instance ${cold.objectiveEur} (rel. ${diff.toExponential(2)})`,
          })
        }
        return diff
      } finally {
        fresh.dispose()
      }
    } finally {
      session.dispose()
      this.memory.sample()
    }
  }

  /** Solve times of simplex and interior point on the LP (fresh session each run). */
  compareAlgorithms(prepared: Prepared, lpRow: RowSummary, otherRuns: number): AlgorithmSummary {
    const runsOf = (algorithm: Algorithm): { runs: AlgorithmRun[]; timeLimited: boolean } => {
      // The default algorithm's cold runs are already measured; only the other one runs here.
      if (algorithm === lpRow.algorithm) {
        const runs = lpRow.cold.map((r) => ({
          solveMs: r.solveMs,
          status: r.status,
          objectiveEur: r.objectiveEur,
        }))
        return { runs, timeLimited: runs.some((r) => r.status === 'time-limit') }
      }
      const runs: AlgorithmRun[] = []
      for (let i = 0; i < otherRuns; i++) {
        const session = new OracleSession(this.highs, buildInstance(prepared.scenario, 0), {
          algorithm,
          timeLimitSeconds: this.opts.timeLimitSeconds,
        })
        try {
          const r = session.solve()
          runs.push({ solveMs: r.solveMs, status: r.status, objectiveEur: r.objectiveEur })
          log(
            `${prepared.name} LP ${algorithm} ${i + 1}/${otherRuns}: ${r.status}, solve ${ms(r.solveMs)}`,
          )
        } finally {
          session.dispose()
          this.memory.sample()
        }
      }
      return { runs, timeLimited: runs.some((r) => r.status === 'time-limit') }
    }
    const simplex = runsOf('simplex')
    const ipm = runsOf('ipm')
    const sMs = median(simplex.runs.map((r) => r.solveMs))
    const iMs = median(ipm.runs.map((r) => r.solveMs))
    let faster: Algorithm | 'unknown'
    if (simplex.timeLimited && ipm.timeLimited) faster = 'unknown'
    else if (simplex.timeLimited) faster = 'ipm'
    else if (ipm.timeLimited) faster = 'simplex'
    else faster = sMs <= iMs ? 'simplex' : 'ipm'
    const sObj = simplex.runs.find((r) => r.status === 'optimal')?.objectiveEur
    const iObj = ipm.runs.find((r) => r.status === 'optimal')?.objectiveEur
    const objectiveRelDiff =
      sObj !== undefined && iObj !== undefined ? relDiff(sObj, iObj) : Number.NaN
    if (objectiveRelDiff > 1e-6) {
      this.findings.push({
        severity: 'problem',
        message: `${prepared.name} LP: simplex objective ${sObj} and interior point objective ${iObj} differ by ${objectiveRelDiff.toExponential(2)} relative (> 1e-6; both solves report optimal, so this is within the solvers' tolerances rather than a wrong model)`,
      })
    }
    const summary: AlgorithmSummary = {
      size: prepared.name,
      cols: lpRow.cols,
      defaultAlgorithm: lpRow.defaultAlgorithm,
      simplex: { ...simplex, medianMs: sMs },
      ipm: { ...ipm, medianMs: iMs },
      faster,
      defaultIsFaster: faster === 'unknown' ? undefined : faster === lpRow.defaultAlgorithm,
      objectiveRelDiff,
    }
    if (summary.defaultIsFaster === false) {
      this.findings.push({
        severity: 'note',
        message: `${prepared.name} LP (${lpRow.cols} columns): the default picks ${lpRow.defaultAlgorithm} but ${faster} was faster (${ms(sMs)} simplex vs ${ms(iMs)} ipm); check IPM_COLUMN_THRESHOLD`,
      })
    }
    this.algorithms.push(summary)
    return summary
  }

  /** MILP objective must not beat the LP relaxation (minimisation); equal hints at a relaxation. */
  checkMilpAgainstLp(lp: RowSummary, milp: RowSummary): void {
    if (!lp.statuses.includes('optimal') || !milp.statuses.includes('optimal')) return
    const label = `${milp.size} MILP`
    if (milp.objectiveEur < lp.objectiveEur * (1 - 1e-6) - 1e-9) {
      this.findings.push({
        severity: 'problem',
        message: `${label}: objective ${milp.objectiveEur} is below the LP optimum ${lp.objectiveEur}`,
      })
    }
    if (milp.lpBoundEur === undefined || !Number.isFinite(milp.lpBoundEur)) {
      this.findings.push({
        severity: 'problem',
        message: `${label}: no MIP dual bound reported (integrality may have been ignored)`,
      })
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

function targets(rows: RowSummary[]): Target[] {
  const out: Target[] = []
  const find = (size: BuiltinName, kind: 'LP' | 'MILP') =>
    rows.find((r) => r.size === size && r.kind === kind)
  const add = (label: string, measuredMs: number, targetMs: number) => {
    if (Number.isFinite(measuredMs))
      out.push({ label, measuredMs, targetMs, pass: measuredMs <= targetMs })
  }
  const repLp = find('representative', 'LP')
  if (repLp !== undefined) {
    add('representative LP cold build+solve (median)', repLp.median.totalMs, 400)
    add(
      'representative LP warm re-solve after VPP-share change (median, instance+update+solve)',
      repLp.median.resolveTotalMs,
      100,
    )
  }
  const limited = (row: RowSummary): string =>
    row.cold.some((r) => r.status === 'time-limit') ? ' (hit the time limit: a lower bound)' : ''
  const repMilp = find('representative', 'MILP')
  if (repMilp !== undefined) {
    const label = `representative MILP cold build+solve (median)${limited(repMilp)}`
    add(label, repMilp.median.totalMs, 5000)
  }
  for (const kind of ['LP', 'MILP'] as const) {
    const large = find('large', kind)
    if (large !== undefined)
      add(`large ${kind} cold build+solve (median)${limited(large)}`, large.median.totalMs, 30_000)
  }
  return out
}

function pad(cells: string[], widths: number[], right: boolean[]): string {
  return cells
    .map((c, i) => (right[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
    .join('  ')
}

function table(header: string[], body: string[][], right: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)))
  const lines = [pad(header, widths, right), widths.map((w) => '-'.repeat(w)).join('  ')]
  for (const r of body) lines.push(pad(r, widths, right))
  return lines
}

function printReport(
  opts: BenchOptions,
  highs: Highs,
  loadMs: number,
  warmup: { name: string; ms: number; status: SolveStatus }[],
  bench: Bench,
  warmChecks: { size: BuiltinName; factor: number; relDiff: number }[],
  totalSeconds: number,
): void {
  const out: string[] = []
  out.push(
    `QKD-VPP oracle benchmark — Node ${process.version}, HiGHS ${highs.version.string} (wasm, single-threaded)`,
  )
  out.push(
    `runs: tiny/representative LP ${opts.runs} cold + ${opts.runs} warm, tiny MILP ${opts.runs} + ${opts.runs} re-solves, representative MILP ${opts.milpRuns} + 1 re-solve, large LP ${opts.largeRuns} + 1 re-solve, large MILP 1; time limit ${opts.timeLimitSeconds} s${opts.quick ? ' (quick)' : ''}`,
  )
  out.push(
    `solver load ${ms(loadMs)}; warm-up: ${warmup.map((w) => `${w.name} ${ms(w.ms)} (${w.status})`).join(', ')}`,
  )
  out.push('')
  out.push(
    'Build = buildInstance (day 0) + model build; times are medians over the cold runs; build % is the median of per-run build / (build + solve).',
  )
  out.push(
    'Re-solve = buildInstance + update() + solve() after vppShare ×0.9 / ×1.1, on the last cold session.',
  )
  out.push('')
  const header = [
    'size',
    'kind',
    'cols×rows',
    'alg',
    'runs',
    'status',
    'instance',
    'model',
    'build',
    'solve',
    'total',
    'build %',
    're-solve',
    're-solve total',
    'warm',
    're/cold',
    'peak RSS',
    'wasm mem',
  ]
  const body = bench.rows.map((r) => [
    r.size,
    r.kind,
    `${r.cols}×${r.rows}`,
    r.algorithm,
    `${r.cold.length}+${r.resolve.length}`,
    r.statuses.join('/'),
    ms(r.median.instanceMs),
    ms(r.median.modelMs),
    ms(r.median.buildMs),
    ms(r.median.solveMs),
    ms(r.median.totalMs),
    pct(r.buildShare),
    ms(r.median.resolveSolveMs),
    ms(r.median.resolveTotalMs),
    r.resolve.length === 0 ? '—' : `${r.resolve.filter((x) => x.warm).length}/${r.resolve.length}`,
    r.resolve.length === 0 ? '—' : r.resolveOverCold.toFixed(3),
    mb(r.peakRssBytes),
    mb(r.wasmBytes),
  ])
  const right = header.map((_, i) => i >= 4 && i !== 5)
  out.push(...table(header, body, right))
  out.push('')
  out.push('Objectives (Eur): ')
  for (const r of bench.rows) {
    const bound = r.lpBoundEur !== undefined ? `, MIP dual bound ${r.lpBoundEur}` : ''
    out.push(`  ${r.size} ${r.kind}: ${r.objectiveEur}${bound}`)
  }
  if (warmChecks.length > 0) {
    out.push(
      `Warm vs cold objective of the same edited instance: ${warmChecks.map((c) => `${c.size} ×${c.factor} rel. diff ${c.relDiff.toExponential(1)}`).join(', ')}`,
    )
  }

  if (bench.algorithms.length > 0) {
    out.push('')
    out.push(
      'LP solve time, simplex vs interior point (solve only, medians, fresh session per run):',
    )
    const aHeader = [
      'size',
      'cols',
      'simplex',
      'ipm',
      'faster',
      'default',
      'default ok',
      'obj rel diff',
    ]
    const aBody = bench.algorithms.map((a) => {
      const cell = (x: AlgorithmSummary['simplex']) =>
        x.timeLimited
          ? `> ${opts.timeLimitSeconds} s limit (${x.runs.length})`
          : `${ms(x.medianMs)} (${x.runs.length})`
      return [
        a.size,
        String(a.cols),
        cell(a.simplex),
        cell(a.ipm),
        a.faster,
        a.defaultAlgorithm,
        a.defaultIsFaster === undefined ? '?' : a.defaultIsFaster ? 'yes' : 'NO',
        Number.isFinite(a.objectiveRelDiff) ? a.objectiveRelDiff.toExponential(1) : '—',
      ]
    })
    out.push(...table(aHeader, aBody, [false, true, true, true, false, false, false, true]))
    out.push(
      `(default: simplex at every size, chosen from these measurements; interior point can be forced)`,
    )
  }

  out.push('')
  out.push('Targets (informational, not asserted):')
  for (const t of targets(bench.rows)) {
    out.push(
      `  ${t.pass ? 'PASS       ' : 'OVER TARGET'}  ${t.label}: ${ms(t.measuredMs)} (target ≤ ${ms(t.targetMs)}, ${(t.measuredMs / t.targetMs).toFixed(2)}× of target)`,
    )
  }
  for (const r of bench.rows) {
    out.push(
      `  ${r.buildShare <= 0.1 ? 'PASS       ' : 'OVER TARGET'}  ${r.size} ${r.kind} build share of total: ${pct(r.buildShare)} (target ≤ 10%)`,
    )
  }

  out.push('')
  const maxRss = process.resourceUsage().maxRSS * 1024
  out.push(
    `Memory: peak sampled RSS ${mb(bench.peakRss)}, process max RSS ${mb(maxRss)}, HiGHS wasm memory ${mb(highs.memoryBytes)} (capacity; wasm memory never shrinks)`,
  )
  if (bench.findings.length > 0) {
    out.push('')
    out.push('Findings:')
    for (const f of bench.findings) out.push(`  [${f.severity}] ${f.message}`)
  }
  out.push('')
  out.push(`Total benchmark time ${totalSeconds.toFixed(1)} s`)
  process.stdout.write(`${out.join('\n')}\n`)
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2))
  const started = performance.now()
  const tLoad = performance.now()
  const highs = await loadSolver()
  const loadMs = performance.now() - tLoad
  const bench = new Bench(highs, opts)
  const warmup = bench.warmUp()
  log(`warm-up: ${warmup.map((w) => `${w.name} ${ms(w.ms)}`).join(', ')}`)
  const warmChecks: { size: BuiltinName; factor: number; relDiff: number }[] = []

  for (const size of opts.sizes) {
    const prepared = prepare(size)
    const large = size === 'large'
    const lpRuns = large ? opts.largeRuns : opts.runs
    const lp = bench.measure(prepared, 'LP', lpRuns, large ? 1 : opts.runs)
    if (!large) {
      for (const factor of [0.9, 1.1]) {
        warmChecks.push({ size, factor, relDiff: bench.checkWarmAgainstCold(prepared, factor) })
      }
    }
    bench.compareAlgorithms(prepared, lp, large ? 1 : opts.runs)
    const milpCold = size === 'tiny' ? opts.runs : size === 'representative' ? opts.milpRuns : 1
    const milpResolves = size === 'tiny' ? opts.runs : size === 'representative' ? 1 : 0
    const milp = bench.measure(prepared, 'MILP', milpCold, milpResolves, opts.timeLimitSeconds)
    bench.checkMilpAgainstLp(lp, milp)
  }

  const totalSeconds = (performance.now() - started) / 1000
  if (opts.json) {
    const summary = {
      node: process.version,
      highs: highs.version.string,
      options: opts,
      solverLoadMs: loadMs,
      warmup,
      rows: bench.rows,
      algorithms: bench.algorithms,
      warmChecks,
      targets: [
        ...targets(bench.rows),
        ...bench.rows.map((r) => ({
          label: `${r.size} ${r.kind} build share of total`,
          measured: r.buildShare,
          target: 0.1,
          pass: r.buildShare <= 0.1,
        })),
      ],
      memory: {
        peakSampledRssBytes: bench.peakRss,
        processMaxRssBytes: process.resourceUsage().maxRSS * 1024,
        highsWasmBytes: highs.memoryBytes,
        peakHighsWasmBytes: bench.peakWasm,
      },
      findings: bench.findings,
      totalSeconds,
    }
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
  } else {
    printReport(opts, highs, loadMs, warmup, bench, warmChecks, totalSeconds)
  }
}

await main()
