/**
 * Visual regression of the main views. Baselines are committed; they were made with Debian's
 * Chromium on this project's machines (fixed viewport, fonts, locale, timezone, no animation).
 * Only the solve timing, which truly varies, is masked.
 */
import { expect, openDashboard, test } from './fixtures.ts'

test('main view of the representative day', async ({ page }) => {
  await openDashboard(page)
  await expect(page).toHaveScreenshot('dashboard.png', {
    fullPage: true,
    mask: [page.getByTestId('solve-message')],
  })
})

test('policy comparison and a chart in table view', async ({ page }) => {
  await openDashboard(page)
  const policies = page.getByTestId('chart-policies')
  await expect(policies).toHaveScreenshot('policy-table.png')
  const risk = page.getByTestId('chart-risk')
  await risk.getByRole('button', { name: 'Show table' }).click()
  await expect(risk.getByRole('region', { name: /table/ })).toBeVisible()
  await expect(risk).toHaveScreenshot('risk-table.png')
})
