/**
 * Where the first render's long tasks go: builds the app unminified (so function and component
 * names survive), records a Chromium trace with JavaScript sampling while the representative day
 * opens, and prints, for every main-thread task over the threshold, the browser work inside it
 * (layout, style, script, GC) and the React components and functions its samples fall in.
 *
 * A diagnostic script for performance work, not a test or a benchmark: tracing slows the page,
 * so its durations are larger than bench:ui's. Usage: `npm run bench:profile [-- --over 80]`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium, ROOT, startPreview, stopPreview } from './benchSupport.ts'
import { benchArgs } from '../src/bench/benchArgs.ts'

const PORT = 4392
const overMs = benchArgs({
  usage: 'usage: npm run bench:profile -- [--over MS]',
  numbers: { over: 90 },
}).numbers.over as number

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  id?: string
  args?: Record<string, any>
}
interface CpuNode {
  id: number
  parent?: number
  callFrame: { functionName: string; lineNumber: number }
}

const workDir = mkdtempSync(join(tmpdir(), 'qkdvpp-profile-'))
const outDir = join(workDir, 'dist')
const tracePath = join(workDir, 'trace.json')
execFileSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', outDir, '--emptyOutDir'], {
  cwd: ROOT,
  stdio: 'ignore',
})
const server = await startPreview(PORT, outDir)
try {
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await browser.startTracing(page, {
    path: tracePath,
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-v8.cpu_profiler',
    ],
  })
  await page.goto(`http://127.0.0.1:${PORT}/`)
  await page.waitForSelector('[data-solve-state="ready"]', { timeout: 60_000 })
  await page.waitForTimeout(300)
  await browser.stopTracing()
  await browser.close()
} finally {
  stopPreview(server)
}

const events = (JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] })
  .traceEvents
rmSync(workDir, { recursive: true, force: true })
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
if (main === undefined) throw new Error('The trace has no renderer main thread.')
const onMain = events.filter(
  (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
)
// Times are from the start of parsing the page's HTML.
const start = onMain.find((e) => e.name === 'ParseHTML')?.ts ?? onMain[0]?.ts ?? 0

// The JavaScript samples, rebuilt from the trace's profile chunks.
const nodes = new Map<number, CpuNode>()
const samples: { ts: number; id: number }[] = []
const profile = events.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid)
let clock = Number(profile?.args?.data?.startTime ?? 0)
for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile?.id)) {
  const data = chunk.args?.data
  for (const node of (data?.cpuProfile?.nodes ?? []) as CpuNode[]) nodes.set(node.id, node)
  const deltas = (data?.timeDeltas ?? []) as number[]
  ;((data?.cpuProfile?.samples ?? []) as number[]).forEach((id, i) => {
    clock += deltas[i] ?? 0
    samples.push({ ts: clock, id })
  })
}

/** The sample's stack, innermost first. */
function stack(id: number): CpuNode[] {
  const frames: CpuNode[] = []
  for (let node = nodes.get(id); node !== undefined; node = nodes.get(node.parent ?? -1))
    frames.push(node)
  return frames
}

const top = (counts: Map<string, number>, n: number): string =>
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => `${name} ${Math.round(count)}`)
    .join(', ')
const add = (counts: Map<string, number>, key: string, by: number): void =>
  void counts.set(key, (counts.get(key) ?? 0) + by)
const BROWSER_WORK = ['Layout', 'UpdateLayoutTree', 'Paint', 'MinorGC', 'MajorGC', 'FunctionCall']

const long = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > overMs * 1000)
console.log(
  `${long.length} main-thread tasks over ${overMs} ms while the representative day opens:`,
)
for (const task of long) {
  const end = task.ts + (task.dur ?? 0)
  const work = new Map<string, number>()
  for (const e of onMain)
    if (e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && BROWSER_WORK.includes(e.name))
      add(work, e.name, (e.dur ?? 0) / 1000)
  const components = new Map<string, number>()
  const innermost = new Map<string, number>()
  const inside = samples.filter((s) => s.ts >= task.ts && s.ts <= end)
  for (const sample of inside) {
    const frames = stack(sample.id)
    const first = frames[0]?.callFrame
    if (first !== undefined) add(innermost, first.functionName || '(anonymous)', 1)
    // Component names: capitalised functions on the stack, each counted once per sample.
    const seen = new Set(
      frames.map((f) => f.callFrame.functionName).filter((f) => /^[A-Z][A-Za-z]+$/.test(f)),
    )
    for (const name of seen) add(components, name, 1)
  }
  console.log(
    `\n${((task.ts - start) / 1000).toFixed(0)} ms after the page began, ${((task.dur ?? 0) / 1000).toFixed(0)} ms: ${top(work, 6)} (ms)`,
  )
  console.log(`  components (samples): ${top(components, 10) || '—'}`)
  console.log(`  innermost functions (samples): ${top(innermost, 8)}`)
}
