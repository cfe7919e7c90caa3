/**
 * UI benchmark (a script, not a test): builds nothing itself — run `npm run build` first, or use
 * `npm run bench:ui`, which does. Serves dist/ locally and measures in Debian's Chromium:
 * - first render of the solved representative day (navigation → oracle plan shown, and → ready);
 * - slider change → every chart showing the new revision (median over N changes);
 * - main-thread long tasks (> 50 ms; the target is none over 100 ms) while solves run;
 * - initial JavaScript, gzipped (the solver's wasm and the worker are not initial);
 * - the large scenario (Preset → Large): preset chosen → its plan shown, → the policy comparison
 *   ready, the main thread's peak JS heap meanwhile and every solver worker's WebAssembly memory
 *   after it (wasm memory only grows, so that is its peak). `--no-large` skips it.
 * Each figure is split into the worker's solve time and the main thread's render time, and long
 * tasks are attributed to phases; `--trace` prints the whole timeline.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchChromium, median, ROOT, startPreview, stopPreview, verdict } from './benchSupport.ts'
import { formatTrace, installTrace, takeTrace, workerTimes, type TraceEvent } from './benchTrace.ts'
import { benchArgs } from '../src/bench/benchArgs.ts'

const PORT = 4390
const cli = benchArgs({
  usage: 'usage: tsx e2e/bench-ui.ts [--runs N] [--trace] [--no-large]',
  numbers: { runs: 7 },
  flags: ['trace', 'no-large'],
})
const runs = cli.numbers.runs as number
const printTrace = cli.flags.has('trace')
const withLarge = !cli.flags.has('no-large')

interface LargeFigures {
  planMs: number
  readyMs: number
  peakHeapMb: number | undefined
  wasmMb: number[]
  error: string | undefined
}

/** Preset → Large on a fresh page: plan shown, comparison ready, peak JS heap, wasm memory. */
async function measureLarge(browser: Awaited<ReturnType<typeof launchChromium>>) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await page.goto(`http://127.0.0.1:${PORT}/`)
  await page.waitForSelector('[data-solve-state="ready"]', { timeout: 60_000 })
  // Sample the main thread's JS heap every 250 ms (Chromium's performance.memory).
  // (No named functions inside: tsx would wrap them in a helper the page does not have.)
  await page.evaluate(() => {
    const w = window as unknown as { qkdvppPeakHeap: number }
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
    w.qkdvppPeakHeap = memory?.usedJSHeapSize ?? 0
    setInterval(() => {
      w.qkdvppPeakHeap = Math.max(w.qkdvppPeakHeap, memory?.usedJSHeapSize ?? 0)
    }, 250)
  })
  const status = page.getByTestId('solve-status')
  const t0 = Date.now()
  await page.getByLabel('Preset').selectOption('large')
  const requested = await status.getAttribute('data-requested-revision')
  await page.waitForFunction(
    (rev) =>
      document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('data-revision') === rev,
    requested,
    { timeout: 300_000, polling: 100 },
  )
  const planMs = Date.now() - t0
  await page.waitForFunction(
    (rev) => {
      const s = document.querySelector('[data-testid="solve-status"]')
      const state = s?.getAttribute('data-solve-state')
      return state === 'error' || (state === 'ready' && s?.getAttribute('data-revision') === rev)
    },
    requested,
    { timeout: 900_000, polling: 250 },
  )
  const readyMs = Date.now() - t0
  const error =
    (await status.getAttribute('data-solve-state')) === 'error'
      ? await page.getByTestId('solve-message').innerText()
      : undefined
  const peak = await page.evaluate(
    () => (window as unknown as { qkdvppPeakHeap: number }).qkdvppPeakHeap,
  )
  const wasmMb: number[] = []
  for (const worker of page.workers()) {
    const bytes = await Promise.race([
      worker.evaluate(() =>
        (globalThis as { qkdvppWasmBytes?: () => number | undefined }).qkdvppWasmBytes?.(),
      ),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5000)),
    ]).catch(() => undefined)
    if (typeof bytes === 'number') wasmMb.push(Math.round(bytes / 2 ** 20))
  }
  await page.close()
  const figures: LargeFigures = {
    planMs,
    readyMs,
    peakHeapMb: peak > 0 ? Math.round(peak / 2 ** 20) : undefined,
    wasmMb,
    error,
  }
  return figures
}

function initialJsGzipKb(): number {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '')
  const preloads = [
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g),
  ].map((m) => m[1] ?? '')
  const files = [...new Set([...scripts, ...preloads])]
  const bytes = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(ROOT, 'dist', f))).length,
    0,
  )
  return bytes / 1024
}

const longTasks = (events: readonly TraceEvent[]): number[] =>
  events.filter((e) => e.kind === 'longtask').map((e) => Math.round(e.ms ?? 0))
/** When the oracle's answer arrived and when the last chart showed it: the render time, ms. */
function renderAfterOracle(events: readonly TraceEvent[]): number | undefined {
  const answer = events.find((e) => e.kind === 'answer' && e.what === 'solveOracle')
  const shown = events.filter(
    (e) =>
      e.kind === 'attr' && /^(chart-(?!policies)|kpi-strip)\S* data-revision/.test(e.what ?? ''),
  )
  const last = shown.at(-1)
  return answer === undefined || last === undefined ? undefined : last.at - answer.at
}
const ms = (x: number | undefined): string => (x === undefined ? '?' : `${Math.round(x)} ms`)

const server = await startPreview(PORT)
try {
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await installTrace(page)
  const started = Date.now()
  await page.goto(`http://127.0.0.1:${PORT}/`)
  await page.waitForSelector('[data-testid="kpi-strip"][data-revision]:not([data-revision="-1"])', {
    timeout: 60_000,
  })
  const firstPlan = Date.now() - started
  await page.waitForSelector('[data-solve-state="ready"]', { timeout: 60_000 })
  const firstReady = Date.now() - started
  const first = await takeTrace(page)
  const charts = await page.locator('[data-testid^="chart-"]').count()
  const slider = page.getByRole('slider', { name: 'VPP key share' })
  const changes: number[] = []
  const oracleChanges: number[] = []
  const slides: TraceEvent[][] = []
  for (let i = 0; i < runs; i++) {
    await slider.focus()
    const t0 = Date.now()
    await page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight')
    const requested = await page.getByTestId('solve-status').getAttribute('data-requested-revision')
    await page.waitForFunction(
      (rev) => {
        const plots = [...document.querySelectorAll('[data-testid^="chart-"]')]
        return (
          plots.length > 0 &&
          plots.every((c) => c.getAttribute('data-revision') !== null) &&
          document.querySelector('[data-testid="kpi-strip"]')?.getAttribute('data-revision') === rev
        )
      },
      requested,
      { timeout: 60_000 },
    )
    oracleChanges.push(Date.now() - t0)
    await page.waitForFunction(
      (rev) =>
        [...document.querySelectorAll('[data-testid^="chart-"]')].every(
          (c) => c.getAttribute('data-revision') === rev,
        ),
      requested,
      { timeout: 60_000 },
    )
    changes.push(Date.now() - t0)
    // Let the last commit's long task, if any, be reported before the next change.
    await page.waitForTimeout(300)
    slides.push(await takeTrace(page))
  }
  const large = withLarge ? await measureLarge(browser) : undefined
  await browser.close()
  const js = initialJsGzipKb()
  if (printTrace) {
    console.log(`--- first render (ms since navigation)\n${formatTrace(first, 0)}`)
    slides.forEach((s, i) => console.log(`--- slider change ${i + 1}\n${formatTrace(s)}`))
  }
  const answerAt = (events: readonly TraceEvent[], what: string) =>
    events.find((e) => e.kind === 'answer' && e.what === what)?.at
  console.log(
    `first render, oracle plan shown: ${firstPlan} ms  [target ≤ 2000 ms: ${verdict(firstPlan, 2000)}]`,
  )
  console.log(
    `  solver warmed up at ${ms(answerAt(first, 'warmUp'))}; oracle solve ${ms(workerTimes(first, 'solveOracle')[0])} (answered at ${ms(answerAt(first, 'solveOracle'))}), then ${ms(renderAfterOracle(first))} rendering; comparison ${ms(workerTimes(first, 'comparePolicies')[0])} in the worker`,
  )
  const drawn = first.filter((e) => e.kind === 'attr' && /^chart-(?!policies)/.test(e.what ?? ''))
  console.log(
    `  every oracle chart drawn at ${ms(drawn.at(-1)?.at)} (charts take turns, one per task)`,
  )
  console.log(`  long tasks: ${longTasks(first).join(', ') || 'none'} ms`)
  console.log(
    `first render, all ${charts} charts and the policy comparison ready: ${firstReady} ms`,
  )
  console.log(
    `slider change → oracle charts on the new revision (median of ${runs}): ${median(oracleChanges)} ms`,
  )
  console.log(
    `slider change → every chart on the new revision (median of ${runs}): ${median(changes)} ms  [target ≤ 500 ms: ${verdict(median(changes), 500)}]`,
  )
  const solves = slides.flatMap((s) => workerTimes(s, 'solveOracle'))
  const compares = slides.flatMap((s) => workerTimes(s, 'comparePolicies'))
  const renders = slides.map(renderAfterOracle).filter((x) => x !== undefined)
  console.log(
    `  medians: oracle solve ${ms(median(solves))}, oracle charts rendered ${ms(median(renders))} after its answer, comparison ${ms(median(compares))} in the worker`,
  )
  console.log(
    `  long tasks per change: ${slides.map((s) => `[${longTasks(s).join(', ')}]`).join(' ')} ms`,
  )
  const all = [...longTasks(first), ...slides.flatMap(longTasks)]
  const over100 = all.filter((d) => d > 100)
  console.log(
    `main-thread long tasks: ${all.length} over 50 ms, ${over100.length} over 100 ms (longest ${Math.max(0, ...all)} ms)  [target: none over 100 ms]`,
  )
  console.log(
    `initial JavaScript, gzipped: ${js.toFixed(1)} KB  [target ≤ 350 KB: ${verdict(js, 350)}]`,
  )
  console.log(`dist files: ${readdirSync(join(ROOT, 'dist/assets')).length} assets`)
  if (large !== undefined) {
    console.log(`large scenario (Preset → Large): plan shown after ${large.planMs} ms`)
    console.log(
      `  policy comparison ${large.error === undefined ? 'ready' : `FAILED (${large.error})`} after ${large.readyMs} ms`,
    )
    console.log(
      `  peak JS heap (main thread): ${large.peakHeapMb === undefined ? '?' : `${large.peakHeapMb} MB`}; solver wasm memory per worker: ${large.wasmMb.map((m) => `${m} MB`).join(', ') || '?'} (limit 2048 MB each)`,
    )
  }
} finally {
  stopPreview(server)
}
