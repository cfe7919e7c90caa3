/**
 * Never lose a scenario: an edit is saved in the browser and is still there after a reload.
 */
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

test('an edited scenario survives a reload', async ({ page }) => {
  await openDashboard(page)
  const exact = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await exact.fill('0.7')
  await exact.press('Enter')
  await expect(page.getByTestId('save-status')).toContainText('Saved in this browser')
  await waitForSolve(page)
  await page.reload()
  await expect(page.getByTestId('save-status')).toContainText('Restored your scenario')
  await expect(page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })).toHaveValue(
    '0.7',
  )
  await waitForSolve(page)
  await expect(page.getByRole('slider', { name: 'VPP key share' })).toHaveValue('0.7')
})

test('a save in another tab is announced here, not silently overwritten', async ({
  page,
  context,
}) => {
  await openDashboard(page)
  const other = await context.newPage()
  await openDashboard(other)
  const exact = other.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await exact.fill('0.4')
  await exact.press('Enter')
  await expect(other.getByTestId('save-status')).toContainText('Saved in this browser')
  const notice = page.getByTestId('other-tab-notice')
  await expect(notice).toContainText('Another tab changed the saved scenario')
  await notice.getByRole('button', { name: 'Load the other tab’s scenario' }).click()
  await expect(page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })).toHaveValue(
    '0.4',
  )
  await expect(notice).toHaveCount(0)
  await waitForSolve(page)
  await other.close()
})

test('a failing browser store is reported, never silent', async ({ page }) => {
  await page.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await openDashboard(page)
  const exact = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await exact.fill('0.9')
  await exact.press('Enter')
  const status = page.getByTestId('save-status')
  await expect(status).toContainText('Your changes are NOT saved in this browser')
  await expect(status).toContainText('quota')
  await expect(status).toHaveAttribute('role', 'alert')
  await waitForSolve(page)
})
