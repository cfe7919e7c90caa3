/**
 * The fuzz suite at scale (a script, not a test; issue 13 item 6):
 *
 *   npm run fuzz -- [--runs 10000] [--seed 20261313] [--max-ms 30000] [--out failures.jsonl]
 *                   [--shrink-kind TEXT] [--show N] [--shard K/N] [--no-shrink] [--no-progress]
 *
 * `--shard K/N` runs only the cases whose index is K−1 modulo N (the others are generated and
 * skipped, which costs next to nothing), so N processes share one seed's run on N cores.
 *
 * Runs generated scenarios (`domain/fuzz/generate.ts`) through the whole pipeline
 * (`domain/fuzz/check.ts`) with a fixed seed and prints a summary: cases, refused, statuses of
 * every stage, time per case, and the failures grouped by kind with the first document of each
 * (the first failure also shrunk to a minimal document; with `--shrink-kind`, the first failure
 * whose message contains TEXT, so that each defect gets its own minimal regression case). Exit code 1 when any case failed a
 * property or took longer than `--max-ms`; 2 on bad arguments.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import fc from 'fast-check'
import { DEFAULT_BUDGET, runCase, type CaseResult } from '../domain/fuzz/check.ts'
import { caseArb, FUZZ_SEED, type FuzzCase } from '../domain/fuzz/generate.ts'
import { loadSolver } from '../node/loadSolver.ts'

/**
 * The stated bound on one case's wall time, ms. The MILP stages stop at their own short limits
 * (`DEFAULT_BUDGET`), so a case over this bound means a stage that ignores its limit.
 */
const MAX_CASE_MS = 30_000

const USAGE =
  'usage: npm run fuzz -- [--runs N] [--seed S] [--max-ms MS] [--out FILE] [--shrink-kind TEXT] [--show N] [--shard K/N] [--no-shrink] [--no-progress]'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(FUZZ_SEED) },
    'max-ms': { type: 'string', default: String(MAX_CASE_MS) },
    out: { type: 'string' },
    'shrink-kind': { type: 'string' },
    show: { type: 'string' },
    shard: { type: 'string', default: '1/1' },
    shrink: { type: 'boolean', default: true },
    progress: { type: 'boolean', default: true },
  },
  allowNegative: true,
})

const runs = Number(values.runs)
const seed = Number(values.seed)
const maxMs = Number(values['max-ms'])
const [shardK, shardN] = (values.shard ?? '1/1').split('/').map(Number) as [number, number]
if (
  ![runs, seed, maxMs, shardK, shardN].every((v) => Number.isInteger(v) && v >= 0) ||
  !(shardK >= 1 && shardK <= shardN)
) {
  console.error(USAGE)
  process.exit(2)
}

/** A failure message without its numbers, so that one defect seen many times counts as one kind. */
function kindOf(message: string): string {
  return (message.split('\n')[0] as string)
    .replace(/"[^"]*"/g, '"…"')
    .replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi, '#')
    .slice(0, 160)
}

const highs = await loadSolver()
const started = performance.now()
const counts = new Map<string, number>()
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
const kinds = new Map<string, { count: number; first: number }>()
const failures: { index: number; result: CaseResult; doc: unknown }[] = []
const slow: { index: number; ms: number }[] = []
const times: number[] = []
let index = 0
let slowest = { index: -1, ms: 0 }
/** `--show N`: the document and result of case N (to study a slow or odd case). */
const show = values.show === undefined ? -1 : Number(values.show)
let shown: { doc: unknown; result: CaseResult } | undefined

function progress(): void {
  if (!values.progress || index % 500 !== 0) return
  const s = ((performance.now() - started) / 1000).toFixed(0)
  console.error(`… ${index}/${runs} cases, ${failures.length} failing, ${s} s`)
}

fc.check(
  fc.property(caseArb, (c: FuzzCase) => {
    if (index % shardN !== shardK - 1) {
      index++
      progress()
      return true
    }
    const result = runCase(highs, c, DEFAULT_BUDGET)
    times.push(result.ms)
    if (result.ms > slowest.ms) slowest = { index, ms: result.ms }
    if (index === show) shown = { doc: c.doc, result }
    if (result.ms > maxMs) slow.push({ index, ms: result.ms })
    bump(counts, result.refused ? 'refused' : 'accepted')
    for (const [stage, status] of Object.entries(result.statuses))
      bump(counts, `${stage}:${status}`)
    if (result.failures.length > 0) {
      failures.push({ index, result, doc: c.doc })
      // At once, so that a long run's log shows a defect while the run goes on.
      if (values.progress) console.error(`case ${index} failed: ${result.failures.join(' | ')}`)
      for (const kind of new Set(result.failures.map(kindOf))) {
        const seen = kinds.get(kind)
        kinds.set(kind, { count: (seen?.count ?? 0) + 1, first: seen?.first ?? index })
      }
    }
    index++
    progress()
    return true
  }),
  { numRuns: runs, seed },
)

const total = (performance.now() - started) / 1000
times.sort((a, b) => a - b)
const quantile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0
const count = (key: string) => counts.get(key) ?? 0
const byStatus = (stage: string) =>
  [...counts.entries()]
    .filter(([k]) => k.startsWith(`${stage}:`))
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k.slice(stage.length + 1)} ${v}`)
    .join(', ')

const shardText = shardN > 1 ? ` (shard ${shardK}/${shardN}: ${times.length} run)` : ''
console.log(`fuzz: seed ${seed}, ${index} cases${shardText} in ${total.toFixed(1)} s`)
console.log(`  refused by the validator  ${count('refused')}`)
console.log(`  accepted and solved       ${count('accepted')}`)
for (const stage of ['lp', 'milp', 'oracle', 'proposed', 'greedy', 'static'])
  console.log(`    ${stage.padEnd(9)} ${byStatus(stage)}`)
console.log(
  `  time per case             median ${quantile(0.5).toFixed(0)} ms, p99 ${quantile(0.99).toFixed(0)} ms, max ${slowest.ms.toFixed(0)} ms (case ${slowest.index}); bound ${maxMs} ms, ${slow.length} over`,
)
console.log(`  failing cases             ${failures.length}`)
const byIndex = new Map(failures.map((f) => [f.index, f]))
for (const [kind, { count: n, first }] of [...kinds.entries()].sort(
  (a, b) => b[1].count - a[1].count,
)) {
  console.log(`\n  ${n} × ${kind}`)
  const f = byIndex.get(first)
  if (f === undefined) continue
  console.log(`    first: case ${first} (${f.result.ms.toFixed(0)} ms)`)
  for (const m of f.result.failures.slice(0, 4)) console.log(`    - ${m.split('\n')[0]}`)
  console.log(`    document: ${JSON.stringify(f.doc)}`)
}
if (shown !== undefined) {
  console.log(`\n  case ${show}: ${JSON.stringify(shown.result)}`)
  console.log(`    document: ${JSON.stringify(shown.doc)}`)
}
if (values.out !== undefined)
  writeFileSync(
    values.out,
    failures.map((f) => JSON.stringify({ index: f.index, ...f.result, doc: f.doc })).join('\n'),
  )

if (failures.length > 0 && values.shrink) {
  // Replays the same seed and shrinks the first failing case to a minimal document.
  const only = values['shrink-kind'] ?? ''
  const shrunk = fc.check(
    fc.property(caseArb, (c: FuzzCase) => {
      const found = runCase(highs, c, DEFAULT_BUDGET).failures
      return !found.some((m) => m.includes(only))
    }),
    { numRuns: runs, seed },
  )
  if (shrunk.failed && shrunk.counterexample !== null) {
    const [minimal] = shrunk.counterexample
    const again = runCase(highs, minimal, DEFAULT_BUDGET)
    console.log('\n  first failure, shrunk:')
    for (const m of again.failures.slice(0, 8)) console.log(`    - ${m.split('\n')[0]}`)
    console.log(`    document: ${JSON.stringify(minimal.doc)}`)
  }
}

process.exit(failures.length > 0 || slow.length > 0 ? 1 : 0)
