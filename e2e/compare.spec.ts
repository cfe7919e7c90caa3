/**
 * Compare A/B: pin A as B, edit A, read the diff and the KPI deltas, swap (also a step of the
 * normal history) and undo the swap from the compare view.
 */
import type { Page } from '@playwright/test'
import {
  expect,
  LOWER_SHARE,
  openDashboard,
  percentText,
  test,
  TODAY_SHARE,
  waitForSolve,
} from './fixtures.ts'

/** Waits until B has a plan for the B on screen and A's figures are for A's latest edit. */
async function waitForCompare(page: Page): Promise<void> {
  const revision = await waitForSolve(page)
  const view = page.getByTestId('compare-view')
  await expect(view).toHaveAttribute('data-compare-state', 'ready')
  const bRevision = await view.getAttribute('data-compare-revision')
  await expect(view).toHaveAttribute('data-compare-plan-revision', bRevision ?? '')
  await expect(page.getByTestId('compare-kpis')).toHaveAttribute('data-revision', String(revision))
}

test('pin A as B, edit A, see the diff and KPI deltas, swap and undo the swap', async ({
  page,
}) => {
  await openDashboard(page)
  await page.getByRole('tab', { name: 'Compare A/B' }).click()
  const view = page.getByTestId('compare-view')
  await expect(view).toHaveAttribute('data-has-b', 'false')
  await expect(page.getByRole('button', { name: 'Swap A ↔ B' })).toBeDisabled()

  await page.getByRole('button', { name: 'Pin current as B' }).click()
  await expect(view).toHaveAttribute('data-has-b', 'true')
  await waitForCompare(page)
  const diff = page.getByTestId('assumptions-diff')
  await expect(diff).toHaveAttribute('data-count', '0')
  await expect(page.getByTestId('kpi-delta-objective')).toHaveAttribute('data-verdict', 'same')

  // A gets less key: B (the old A, today's share) is now the better plan.
  const lower = String(LOWER_SHARE)
  const today = String(TODAY_SHARE)
  const share = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await share.fill(percentText(LOWER_SHARE))
  await share.press('Enter')
  await waitForCompare(page)
  const row = diff.locator('tr[data-path="qkd.vppShare"]')
  await expect(row).toHaveCount(1)
  await expect(row.getByRole('cell')).toHaveText(['changed', lower, today])
  await expect(diff).toHaveAttribute('data-count', '1')
  const objective = page.getByTestId('kpi-delta-objective')
  await expect(objective).toHaveAttribute('data-verdict', 'better')
  expect(Number(await objective.getAttribute('data-delta'))).toBeLessThan(0)
  await expect(objective).toContainText('B better')

  // Swap from the keyboard: A has today's share again, B the lower one.
  await page.getByRole('button', { name: 'Swap A ↔ B' }).focus()
  await page.keyboard.press('Enter')
  await expect(share).toHaveValue(percentText(TODAY_SHARE))
  await waitForCompare(page)
  await expect(row.getByRole('cell')).toHaveText(['changed', today, lower])
  await expect(objective).toHaveAttribute('data-verdict', 'worse')
  await expect(page.getByTestId('history')).toContainText('Swap A ↔ B')

  // Undo the swap from the compare view.
  const undo = page.getByTestId('compare-undo')
  await expect(undo).toHaveAccessibleName('Undo Swap A ↔ B')
  await undo.focus()
  await page.keyboard.press('Enter')
  await expect(share).toHaveValue(percentText(LOWER_SHARE))
  await waitForCompare(page)
  await expect(row.getByRole('cell')).toHaveText(['changed', lower, today])
  await expect(objective).toHaveAttribute('data-verdict', 'better')
  await expect(undo).toHaveAccessibleName('Undo Copy A → B')

  // The overlaid charts have both series, and their tables name the units.
  const risk = page.getByTestId('chart-compare-risk')
  await risk.getByRole('button', { name: 'Show table' }).click()
  await expect(risk.getByRole('columnheader')).toHaveText(['Slot start', 'A (€)', 'B (€)'])
})

test('a preset loaded into B is solved on its own and lists its differences', async ({ page }) => {
  await openDashboard(page)
  await page.getByRole('tab', { name: 'Compare A/B' }).click()
  await page.getByLabel('Load a preset into B').selectOption('tiny')
  await waitForCompare(page)
  await expect(page.getByTestId('compare-view')).toContainText('Preset: tiny')
  const diff = page.getByTestId('assumptions-diff')
  await expect(diff.locator('tr[data-path="name"]')).toHaveCount(1)
  await expect(page.getByTestId('kpi-delta-risk')).not.toHaveAttribute('data-delta', '')
  await page.getByRole('button', { name: 'Clear B' }).click()
  await expect(page.getByTestId('compare-empty')).toBeVisible()
})

/** Whether the browser store holds a saved scenario B. */
function savedBExists(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('qkd-vpp-planner', 1)
        open.onsuccess = () => {
          const get = open.result.transaction('scenarios').objectStore('scenarios').get('compareB')
          get.onsuccess = () => {
            open.result.close()
            resolve(get.result !== undefined)
          }
        }
      }),
  )
}

test('scenario B is kept across a reload', async ({ page }) => {
  await openDashboard(page)
  await page.getByRole('tab', { name: 'Compare A/B' }).click()
  await page.getByRole('button', { name: 'Pin current as B' }).click()
  await expect.poll(() => savedBExists(page)).toBe(true)
  const share = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  await share.fill(percentText(LOWER_SHARE))
  await share.press('Enter')
  await expect(page.getByTestId('save-status')).toContainText('Saved in this browser')
  await waitForSolve(page)
  await page.reload()
  await waitForSolve(page)
  await page.getByRole('tab', { name: 'Compare A/B' }).click()
  await expect(page.getByTestId('compare-view')).toContainText('Kept from your last visit')
  await waitForCompare(page)
  const row = page.getByTestId('assumptions-diff').locator('tr[data-path="qkd.vppShare"]')
  await expect(row.getByRole('cell')).toHaveText([
    'changed',
    String(LOWER_SHARE),
    String(TODAY_SHARE),
  ])
  // Clearing B removes the saved one too.
  await page.getByRole('button', { name: 'Clear B' }).click()
  await expect.poll(() => savedBExists(page)).toBe(false)
})
