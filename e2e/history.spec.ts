/**
 * Undo and redo from the keyboard and from the history list.
 */
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

test('an edit can be undone and redone with the keyboard and from the history', async ({
  page,
}) => {
  await openDashboard(page)
  const exact = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await exact.fill('0.6')
  await exact.press('Enter')
  await waitForSolve(page)
  const history = page.getByTestId('history')
  await expect(history).toContainText('qkd.vppShare 0.01 → 0.006')
  await page.getByRole('heading', { name: 'History' }).click()
  await page.keyboard.press('Control+z')
  await expect(exact).toHaveValue('1')
  await waitForSolve(page)
  await page.keyboard.press('Control+Shift+z')
  await expect(exact).toHaveValue('0.6')
  await history.getByRole('button', { name: 'qkd.vppShare 0.01 → 0.006' }).click()
  await expect(exact).toHaveValue('1')
  await expect(history.getByRole('button', { name: 'Redo' })).toBeEnabled()
  await waitForSolve(page)
})

test('a threat preset replaces windows and shocks as one undoable step', async ({ page }) => {
  await openDashboard(page)
  await page.getByLabel('Preset').selectOption('threat:long-outage')
  await waitForSolve(page)
  await expect(
    page.getByLabel('Key rate factor of shock 1 (Fibre outage on CC-DSO) (0 is an outage)', {
      exact: true,
    }),
  ).toHaveValue('0')
  await expect(page.getByTestId('history')).toContainText('Threat preset: long-outage')
  await page.getByTestId('history').getByRole('button', { name: 'Undo' }).click()
  await expect(
    page.getByLabel('Key rate factor of shock 1 (Fibre disturbance on CC–DSO) (0 is an outage)', {
      exact: true,
    }),
  ).toHaveValue('0.3')
  await waitForSolve(page)
})
