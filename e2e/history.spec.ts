/**
 * Undo and redo from the keyboard and from the history list.
 */
import {
  expect,
  LOWER_SHARE,
  openDashboard,
  percentText,
  test,
  TODAY_SHARE,
  waitForSolve,
} from './fixtures.ts'

test('an edit can be undone and redone with the keyboard and from the history', async ({
  page,
}) => {
  await openDashboard(page)
  const exact = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  const label = `qkd.vppShare ${TODAY_SHARE} → ${LOWER_SHARE}`
  await exact.fill(percentText(LOWER_SHARE))
  await exact.press('Enter')
  await waitForSolve(page)
  const history = page.getByTestId('history')
  await expect(history).toContainText(label)
  await page.getByRole('heading', { name: 'History' }).click()
  await page.keyboard.press('Control+z')
  await expect(exact).toHaveValue(percentText(TODAY_SHARE))
  await waitForSolve(page)
  await page.keyboard.press('Control+Shift+z')
  await expect(exact).toHaveValue(percentText(LOWER_SHARE))
  await history.getByRole('button', { name: label }).click()
  await expect(exact).toHaveValue(percentText(TODAY_SHARE))
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
