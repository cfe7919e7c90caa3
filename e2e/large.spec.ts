/**
 * The large scenario (200+ flows) in the browser: it plans, shows how far the policy comparison
 * has got, and compares every policy without the solver running out of memory; once the status
 * says ready, every figure on screen is from that revision. No timing is asserted: the
 * comparison takes a minute or more on a shared machine.
 */
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

test('the large preset plans and compares every policy, with progress and no stale figure', async ({
  page,
}) => {
  test.setTimeout(600_000)
  const before = await openDashboard(page)
  await page.getByLabel('Preset').selectOption('large')
  await expect(page.getByTestId('scenario-name')).toHaveText('Large metro VPP (200+ flows)')
  const status = page.getByTestId('solve-status')
  // A solve this long shows that it is busy, how long it has run, and a way to stop it.
  await expect(status.getByRole('progressbar')).toBeVisible()
  await expect(status.getByTestId('solve-elapsed')).toHaveText(/^\d+ s$/, { timeout: 120_000 })
  await expect(status.getByRole('button', { name: 'Cancel' })).toBeVisible()
  // The plan arrives first; the comparison then says which step it is on.
  await expect(page.getByTestId('solve-message')).toContainText(/comparing policies: \S/, {
    timeout: 120_000,
  })
  // While it compares, the representative day's rows, if shown, are marked as another revision's.
  const table = page.getByTestId('chart-policies').locator('table')
  if ((await table.count()) > 0 && (await status.getAttribute('data-solve-state')) === 'solving') {
    await expect(table).toHaveAttribute('data-stale', 'true')
  }
  const revision = await waitForSolve(page, 480_000)
  expect(revision).toBeGreaterThan(before)
  await expect(status).toHaveAttribute('data-solve-state', 'ready')
  await expect(page.getByTestId('problem-panel')).toHaveCount(0)
  // Ready means every figure on screen is from this revision.
  const charts = page.locator('[data-testid^="chart-"]')
  expect(await charts.count()).toBeGreaterThan(0)
  for (const revisionShown of await charts.evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-revision')),
  )) {
    expect(revisionShown).toBe(String(revision))
  }
  await expect(page.getByTestId('kpi-strip')).toHaveAttribute('data-revision', String(revision))
  await expect(table).toHaveAttribute('data-stale', 'false')
  await expect(table).toHaveAttribute('data-revision', String(revision))
  await expect(page.getByTestId('policies-stale')).toHaveCount(0)
  await expect(table.locator('tbody tr')).toHaveCount(4)
  await expect(page.getByTestId('kpi-strip')).not.toContainText('Proposed regret…')
})
