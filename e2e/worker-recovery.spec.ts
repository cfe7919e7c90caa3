/**
 * The solver worker can fail or hang; the user's scenario must survive and the next edit must
 * solve again in a fresh worker, with a clear message in between and never a blank page.
 */
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

test('a worker that crashes mid-solve is replaced and the scenario is kept', async ({ page }) => {
  await openDashboard(page)
  await expect.poll(() => page.workers().length).toBeGreaterThan(0)
  // An uncaught error inside the planner's worker, as a wasm abort or a bug would raise, thrown
  // when the next request (the large preset's) arrives, so that the call is waiting for its
  // answer. A timer would not do: it fires only after the running solve, which nothing
  // interrupts, and by then no call may be waiting. At its target a capturing listener runs
  // before comlink's, so the throw comes before the request's work.
  await page.workers()[0]!.evaluate(() => {
    self.addEventListener(
      'message',
      () => {
        throw new Error('simulated solver crash')
      },
      { capture: true, once: true },
    )
  })
  await page.getByLabel('Preset').selectOption('large')
  const status = page.getByTestId('solve-status')
  await expect(status).toHaveAttribute('data-solve-state', 'error')
  await expect(page.getByTestId('problem-panel')).toContainText('The solver stopped unexpectedly')
  await expect(page.getByTestId('scenario-name')).toHaveText('Large metro VPP (200+ flows)')
  await page.getByLabel('Preset').selectOption('tiny')
  await waitForSolve(page)
  await expect(page.getByTestId('problem-panel')).toHaveCount(0)
})

test('a solve that runs past the timeout is stopped with a clear message', async ({ page }) => {
  await openDashboard(page, './?solveTimeoutMs=8000')
  await page.getByLabel('Preset').selectOption('large')
  const status = page.getByTestId('solve-status')
  await expect(status).toHaveAttribute('data-solve-state', 'error', { timeout: 60_000 })
  await expect(page.getByTestId('problem-panel')).toContainText('The solve took too long')
  await expect(page.getByTestId('problem-panel')).toContainText(
    'took longer than 8 s and was stopped',
  )
  await expect(page.getByTestId('scenario-name')).toHaveText('Large metro VPP (200+ flows)')
  await page.getByLabel('Preset').selectOption('representative')
  await waitForSolve(page)
})
