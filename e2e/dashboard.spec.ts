/**
 * The dashboard's live loop: first plan, the share slider and exact entry, every chart following
 * the new revision, cancel and recovery, and keyboard access to the budget control.
 */
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

const CHARTS = ['risk', 'sla', 'key-use', 'shadow-price', 'threshold', 'policies']

test('opens on the representative day with a solved plan and every chart', async ({ page }) => {
  const revision = await openDashboard(page)
  await expect(page.getByTestId('scenario-name')).toHaveText('Representative VPP day')
  await expect(page.getByTestId('kpi-strip')).toContainText('Residual risk')
  for (const id of CHARTS) {
    await expect(page.getByTestId(`chart-${id}`), id).toHaveAttribute(
      'data-revision',
      String(revision),
    )
  }
})

test('moving the VPP key share updates every chart to the new revision', async ({ page }) => {
  const first = await openDashboard(page)
  const before = await page.getByTestId('kpi-strip').innerText()
  const slider = page.getByRole('slider', { name: 'VPP key share' })
  await slider.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  const next = await waitForSolve(page)
  expect(next).toBeGreaterThan(first)
  for (const id of CHARTS) {
    await expect(page.getByTestId(`chart-${id}`), id).toHaveAttribute('data-revision', String(next))
  }
  await expect(page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })).toHaveValue(
    '0.9',
  )
  expect(await page.getByTestId('kpi-strip').innerText()).not.toEqual(before)
})

test('the exact-value entry sets the share and the plan follows', async ({ page }) => {
  await openDashboard(page)
  const exact = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await exact.fill('0.5')
  await exact.press('Enter')
  await waitForSolve(page)
  await expect(page.getByRole('slider', { name: 'VPP key share' })).toHaveValue('0.5')
  await expect(page.getByTestId('kpi-strip')).not.toContainText('€69.81')
})

test('a running solve can be cancelled, and the next edit solves again with the scenario kept', async ({
  page,
}) => {
  await openDashboard(page)
  await page.getByLabel('Preset').selectOption('large')
  const status = page.getByTestId('solve-status')
  await expect(status).toHaveAttribute('data-solve-state', 'solving')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(status).toHaveAttribute('data-solve-state', 'error')
  await expect(page.getByTestId('problem-panel')).toContainText('Solve cancelled')
  await expect(page.getByTestId('scenario-name')).toHaveText('Large metro VPP (200+ flows)')
  // Back to a small scenario: a fresh worker solves it.
  await page.getByLabel('Preset').selectOption('tiny')
  await waitForSolve(page)
  await expect(page.getByTestId('scenario-name')).toHaveText('Tiny relay example')
  await expect(page.getByTestId('problem-panel')).toHaveCount(0)
})
