/**
 * UI benchmark (a script, not a test): builds nothing itself — run `npm run build` first, or use
 * `npm run bench:ui`, which does. Serves dist/ locally and measures in Debian's Chromium:
 * - first render of the solved representative day (navigation → oracle plan shown, and → ready);
 * - slider change → every chart showing the new revision (median over N changes);
 * - main-thread long tasks (> 50 ms; the target is none over 100 ms) while solves run;
 * - initial JavaScript, gzipped (the solver's wasm and the worker are not initial).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { spawn } from 'node:child_process'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PORT = 4390
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}
const verdict = (value: number, target: number): string =>
  value <= target ? 'within target' : 'OVER TARGET'

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

const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  {
    cwd: ROOT,
    stdio: 'ignore',
  },
)
try {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 200))
  }
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] }
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
  const started = Date.now()
  await page.goto(`http://127.0.0.1:${PORT}/`)
  await page.waitForSelector('[data-testid="kpi-strip"][data-revision]:not([data-revision="-1"])', {
    timeout: 60_000,
  })
  const firstPlan = Date.now() - started
  await page.waitForSelector('[data-solve-state="ready"]', { timeout: 60_000 })
  const firstReady = Date.now() - started
  const charts = await page.locator('[data-testid^="chart-"]').count()
  const slider = page.getByRole('slider', { name: 'VPP key share' })
  const changes: number[] = []
  const oracleChanges: number[] = []
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
  }
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  )
  await browser.close()
  const js = initialJsGzipKb()
  console.log(
    `first render, oracle plan shown: ${firstPlan} ms  [target ≤ 2000 ms: ${verdict(firstPlan, 2000)}]`,
  )
  console.log(
    `first render, all ${charts} charts and the policy comparison ready: ${firstReady} ms`,
  )
  console.log(
    `slider change → oracle charts on the new revision (median of ${runs}): ${median(oracleChanges)} ms`,
  )
  console.log(
    `slider change → every chart on the new revision (median of ${runs}): ${median(changes)} ms  [target ≤ 500 ms: ${verdict(median(changes), 500)}]`,
  )
  const over100 = longTasks.filter((d) => d > 100)
  console.log(
    `main-thread long tasks: ${longTasks.length} over 50 ms, ${over100.length} over 100 ms (longest ${Math.round(Math.max(0, ...longTasks))} ms)  [target: none over 100 ms]`,
  )
  console.log(
    `initial JavaScript, gzipped: ${js.toFixed(1)} KB  [target ≤ 350 KB: ${verdict(js, 350)}]`,
  )
  console.log(`dist files: ${readdirSync(join(ROOT, 'dist/assets')).length} assets`)
} finally {
  server.kill()
}
