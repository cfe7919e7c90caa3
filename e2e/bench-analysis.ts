/**
 * Decision-support benchmark in the browser (a script, not a test; run `npm run build` first, or
 * `npm run bench:ui`, which does): on the representative day, the 20-share budget frontier in
 * the solver worker (target ≤ 5 s) and the full N-1 sweep over the worker pool (target ≤ 10 s),
 * each from the Run click to the panel showing the result, median over N runs.
 */
import type { Page } from 'playwright-core'
import { benchArgs } from '../src/bench/benchArgs.ts'
import { launchChromium, median, startPreview, stopPreview, verdict } from './benchSupport.ts'

const PORT = 4391
const runs = benchArgs({
  usage: 'usage: tsx e2e/bench-analysis.ts [--runs N]',
  numbers: { runs: 3 },
}).numbers.runs as number

async function timeRun(page: Page, panelId: string, button: RegExp): Promise<number> {
  const panel = page.getByTestId(panelId)
  const t0 = Date.now()
  await panel.getByRole('button', { name: button }).click()
  await page
    .waitForFunction(
      (id) =>
        document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state') === 'running',
      panelId,
      { timeout: 10_000, polling: 5 },
    )
    .catch(() => undefined)
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-state') === 'ready',
    panelId,
    { timeout: 120_000, polling: 10 },
  )
  return Date.now() - t0
}

const server = await startPreview(PORT)
try {
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await page.goto(`http://127.0.0.1:${PORT}/`)
  await page.waitForSelector('[data-solve-state="ready"]', { timeout: 60_000 })
  await page.getByRole('tab', { name: 'Decision support' }).click()
  const frontier: number[] = []
  const sweep: number[] = []
  for (let i = 0; i < runs; i++) {
    frontier.push(await timeRun(page, 'analysis-frontier', /run/i))
    sweep.push(await timeRun(page, 'analysis-contingency', /run n-1/i))
  }
  await browser.close()
  console.log(
    `budget frontier, 20 shares with breakpoints (median of ${runs}): ${median(frontier)} ms  [target ≤ 5000 ms: ${verdict(median(frontier), 5000)}]  runs: ${frontier.join(', ')}`,
  )
  console.log(
    `N-1 sweep over the worker pool (median of ${runs}; the first includes starting the pool): ${median(sweep)} ms  [target ≤ 10000 ms: ${verdict(median(sweep), 10000)}]  runs: ${sweep.join(', ')}`,
  )
} finally {
  stopPreview(server)
}
