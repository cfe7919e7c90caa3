/**
 * Decision-support benchmark (a script, not a test): the 20-point budget frontier, link values
 * with their re-solve checks, and the full N-1 sweep of the representative day, in Node. The
 * browser figures (same code in a worker; the sweep over a worker pool) come from
 * `npm run bench:ui`.
 *
 *   npm run bench:analysis -- [--runs N]
 *
 * Prints medians and the targets beside them; nothing is asserted.
 */
import { contingencySweep } from '../domain/analysis/contingency.ts'
import { budgetFrontier } from '../domain/analysis/frontier.ts'
import { linkValues } from '../domain/analysis/linkValue.ts'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import { nowMs } from '../domain/util/clock.ts'
import { loadSolver } from '../node/loadSolver.ts'
import { benchArgs } from './benchArgs.ts'
import { median } from './stats.ts'

const runs = benchArgs({
  usage: 'usage: npm run bench:analysis -- [--runs N]',
  numbers: { runs: 5 },
}).numbers.runs as number

const highs = await loadSolver()
const validated = validateScenario(representativeScenario())
if (!validated.ok) throw new Error('the representative scenario does not validate')
const scenario = validated.scenario

interface Row {
  name: string
  ms: number[]
  detail: string
  targetMs?: number
}
const rows: Row[] = []
const time = <T>(name: string, work: () => T, describe: (r: T) => string, targetMs?: number) => {
  const ms: number[] = []
  let last: T | undefined
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`${name} run ${i + 1}/${runs}\n`)
    const t0 = nowMs()
    last = work()
    ms.push(nowMs() - t0)
  }
  rows.push({
    name,
    ms,
    detail: describe(last as T),
    ...(targetMs !== undefined && { targetMs }),
  })
}

time(
  'frontier, 20 shares',
  () => budgetFrontier(highs, scenario, { steps: 20 }),
  (f) => `${f.solves} solves, ${f.breakpoints.length} breakpoints`,
  5000,
)
time(
  'frontier, 20 shares, no breakpoint search',
  () => budgetFrontier(highs, scenario, { steps: 20, maxRefinementSolves: 0 }),
  (f) => `${f.solves} solves`,
)
time(
  'link values + checks',
  () => linkValues(highs, scenario, { check: true }),
  (v) => `${v.links.length} links, ${v.links.filter((l) => l.check?.agrees).length} checks agree`,
)
time(
  'N-1 sweep (sequential)',
  () => contingencySweep(highs, scenario),
  (r) => `${(r.links.length + r.nodes.length) * (r.window === null ? 1 : 2)} cases`,
  10000,
)

process.stdout.write('\nDecision support on the representative day (Node, one core)\n')
for (const row of rows) {
  const target =
    row.targetMs === undefined ? '' : `   target ≤ ${row.targetMs / 1000} s in the browser`
  process.stdout.write(
    `  ${row.name.padEnd(42)} median ${median(row.ms).toFixed(0).padStart(6)} ms  (${row.detail})${target}\n`,
  )
}
