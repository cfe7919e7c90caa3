/**
 * The dashboard's live loop: first plan, the share slider and exact entry, every chart following
 * the new revision, cancel and recovery, and keyboard access to the budget control.
 */
import type { Locator, Page } from '@playwright/test'
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
  // Two steps down from today's share, read from the slider itself (percent, 2 decimals).
  const start = Number(await slider.inputValue())
  const step = Number(await slider.getAttribute('step'))
  const expected = String(Math.round((start - 2 * step) * 100) / 100)
  expect(Number(expected)).toBeGreaterThan(0)
  await slider.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  const next = await waitForSolve(page)
  expect(next).toBeGreaterThan(first)
  for (const id of CHARTS) {
    await expect(page.getByTestId(`chart-${id}`), id).toHaveAttribute('data-revision', String(next))
  }
  await expect(page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })).toHaveValue(
    expected,
  )
  expect(await page.getByTestId('kpi-strip').innerText()).not.toEqual(before)
})

test('the exact-value entry sets the share and the plan follows', async ({ page }) => {
  await openDashboard(page)
  const before = await page.getByTestId('kpi-strip').innerText()
  const exact = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await exact.fill('0.5')
  await exact.press('Enter')
  await waitForSolve(page)
  await expect(page.getByRole('slider', { name: 'VPP key share' })).toHaveValue('0.5')
  expect(await page.getByTestId('kpi-strip').innerText()).not.toEqual(before)
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

/** Opens a KPI's "by cause" disclosure from the keyboard and checks its parts add up. */
async function causesAddUp(page: Page, kpi: 'risk' | 'sla'): Promise<Locator> {
  const causes = page.getByTestId(`kpi-causes-${kpi}`)
  await causes.locator('summary').focus()
  await page.keyboard.press('Enter')
  const parts = causes.locator('li[data-cause]')
  await expect(parts.first()).toBeVisible()
  const values = (await parts.evaluateAll((lis) => lis.map((li) => li.dataset['value']))).map(
    Number,
  )
  const headline = Number(await page.getByTestId(`kpi-${kpi}`).getAttribute('data-value'))
  const total = values.reduce((a, b) => a + b, 0)
  expect(Math.abs(total - headline)).toBeLessThanOrEqual(1e-6 * Math.max(1, headline))
  return causes
}

test('the KPI strip splits residual risk and late messages by cause, adding up', async ({
  page,
}) => {
  await openDashboard(page)
  const risk = await causesAddUp(page, 'risk')
  await expect(risk).toContainText('floor (best allowed option)')
  await expect(risk).toContainText('key scarcity')
  await expect(risk).toContainText('outage')
  await expect(page.getByTestId('plan-warnings')).toHaveCount(0)

  // A deadline below every option's end-to-end latency: every dispatch message is late, the
  // plan says so in words, and the late messages are put under that cause.
  await page.getByLabel('Process to edit').selectOption('dispatch')
  const deadline = page.getByLabel('Deadline of process dispatch (ms)', { exact: true })
  await deadline.fill('5')
  await deadline.press('Enter')
  const revision = await waitForSolve(page)
  const warnings = page.getByTestId('plan-warnings')
  await expect(warnings).toHaveAttribute('data-revision', String(revision))
  await expect(warnings).toContainText(
    /Process dispatch cannot meet its 5 ms deadline with any allowed option: .* takes \d+ ms end to end/,
  )
  const sla = await causesAddUp(page, 'sla')
  await expect(sla).toContainText('no allowed option meets the deadline')
  await expect(sla).toContainText('held for lack of key')
  await expect(sla).toContainText('link outage')
  await expect(sla).toContainText('late by choice')
  expect(
    Number(await sla.locator('[data-cause="deadlineUnreachable"]').getAttribute('data-value')),
  ).toBeGreaterThan(0)
})
