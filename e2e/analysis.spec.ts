/**
 * The decision-support view: budget frontier, link values (and the map coloured by them), the
 * N-1 sweep with progress and cancel, and LP against MILP. Every panel is read through its
 * `data-state` / `data-revision` attributes, never by sleeping.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, LOWER_SHARE, openDashboard, percentText, test, TODAY_SHARE } from './fixtures.ts'

async function openAnalysis(page: Page): Promise<number> {
  const revision = await openDashboard(page)
  await page.getByRole('tab', { name: 'Decision support' }).click()
  await expect(page.getByTestId('decision-support')).toBeVisible()
  return revision
}

/** Runs (or re-runs, after an auto-run) one panel and waits for its result for `revision`. */
async function runPanel(page: Page, kind: string, revision: number): Promise<Locator> {
  const panel = page.getByTestId(`analysis-${kind}`)
  await panel.getByRole('button', { name: /run/i }).click()
  await expect(panel).toHaveAttribute('data-state', 'ready', { timeout: 60_000 })
  await expect(panel).toHaveAttribute('data-revision', String(revision))
  return panel
}

test('the budget frontier plots its points, breakpoints and today’s share, with a table', async ({
  page,
}) => {
  const revision = await openAnalysis(page)
  const panel = await runPanel(page, 'frontier', revision)
  const breakpoints = panel.getByTestId('frontier-breakpoints')
  // The panel gives shares to two significant digits.
  await expect(breakpoints).toContainText(`Today’s share: ${(TODAY_SHARE * 100).toPrecision(2)} %`)
  const count = Number(await breakpoints.getAttribute('data-count'))
  expect(count).toBeGreaterThan(0)
  // One dashed line per breakpoint plus the solid line at today's share.
  await expect(panel.locator('.recharts-reference-line')).toHaveCount(count + 1)
  await expect(panel.locator('.recharts-line-dots circle').first()).toBeVisible()
  await panel.getByRole('button', { name: 'Show table' }).click()
  const table = panel.getByRole('region', { name: /against VPP share \(table\)/ })
  await expect(table.locator('tbody tr').filter({ hasText: 'breakpoint' })).toHaveCount(count)
  expect(await table.locator('tbody tr').filter({ hasText: 'sample' }).count()).toBeGreaterThan(10)
  await expect(table.locator('thead')).toContainText('VPP share (%)')
})

test('link values are ranked, agree with their re-solves and colour the map', async ({ page }) => {
  const revision = await openAnalysis(page)
  const panel = await runPanel(page, 'linkValues', revision)
  const rows = panel.getByTestId('link-value-table').locator('tbody tr')
  expect(await rows.count()).toBeGreaterThan(1)
  const values = (await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset['value']))).map(Number)
  expect(values).toEqual([...values].sort((a, b) => b - a))
  expect(values[0]).toBeGreaterThan(0)
  const agreements = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset['agrees']))
  expect(agreements.every((a) => a === 'true')).toBe(true)
  await expect(rows.first()).toContainText('✓ agrees')
  await page.getByRole('radio', { name: 'Link value' }).check()
  await expect(page.getByTestId('map-legend')).toContainText(
    'Link value: € per day for 1 kb/s more link rate',
  )
  await expect(page.getByTestId('map-legend')).not.toContainText('no link values yet')
})

test('the N-1 sweep shows progress, can be cancelled, and completes with a row per failure', async ({
  page,
}) => {
  const revision = await openAnalysis(page)
  const panel = page.getByTestId('analysis-contingency')
  await panel.getByRole('button', { name: 'Run N-1 contingencies' }).click()
  await expect(panel).toHaveAttribute('data-state', 'running')
  await panel.getByRole('button', { name: 'Cancel sweep' }).click()
  await expect(panel).toHaveAttribute('data-state', 'idle')
  await expect(panel).toContainText('Sweep cancelled')

  await panel.getByRole('button', { name: 'Run N-1 contingencies' }).click()
  const progress = panel.getByTestId('contingency-progress')
  await expect(progress).toContainText(/\d+ of \d+ cases/)
  const total = Number(/of (\d+) cases/.exec(await progress.innerText())?.[1])
  await expect(panel).toHaveAttribute('data-state', 'ready', { timeout: 60_000 })
  await expect(panel).toHaveAttribute('data-revision', String(revision))
  await expect(panel.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await panel.getByRole('button', { name: 'Show table' }).click()
  const rows = panel.getByRole('region', { name: /single failure \(table\)/ }).locator('tbody tr')
  const hasWindow = !(await panel.innerText()).includes('no shock window')
  expect((await rows.count()) * (hasWindow ? 2 : 1)).toBe(total)
  expect(await rows.filter({ hasText: /^Link / }).count()).toBeGreaterThan(0)
  await expect(rows.first()).toContainText(/loses key first|no process loses key|no feasible plan/)
})

test('LP vs MILP shows a gap of at least zero and a MILP no better than the LP bound', async ({
  page,
}) => {
  const revision = await openAnalysis(page)
  const panel = await runPanel(page, 'integrality', revision)
  const lp = Number(await panel.getByTestId('integrality-lp').getAttribute('data-value'))
  const milp = Number(await panel.getByTestId('integrality-milp').getAttribute('data-value'))
  const gap = Number(await panel.getByTestId('integrality-gap').getAttribute('data-value'))
  expect(lp).toBeGreaterThan(0)
  expect(milp).toBeGreaterThanOrEqual(lp * (1 - 1e-9))
  expect(gap).toBeGreaterThanOrEqual(0)
  await expect(panel.getByTestId('integrality-fractional')).toContainText(
    /\d+ of [\d,]+ flow-slots/,
  )
  await expect(panel).toContainText('at most one choice per binding key constraint')
})

test('an edit marks the results stale until they are re-run', async ({ page }) => {
  const revision = await openAnalysis(page)
  const panel = await runPanel(page, 'integrality', revision)
  const exact = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await exact.fill(percentText(LOWER_SHARE))
  await exact.press('Enter')
  await expect(panel).toHaveAttribute('data-stale', 'true')
  await expect(panel).toContainText('earlier version of the scenario')
})
