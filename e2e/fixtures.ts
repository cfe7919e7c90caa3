/**
 * Shared fixtures: every test fails on a console error or an uncaught page error, and pages wait
 * on the app's own solve status instead of sleeping.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { representativeScenario } from '../src/domain/scenario/builtins/representative.ts'

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(String(error)))
      await use(errors)
      expect(errors, 'console errors during the test').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Waits until the app has solved everything for the latest edit (`timeout` for the state, ms). */
export async function waitForSolve(page: Page, timeout = 60_000): Promise<number> {
  const status = page.getByTestId('solve-status')
  await expect(status).toHaveAttribute('data-solve-state', 'ready', { timeout })
  const requested = await status.getAttribute('data-requested-revision')
  await expect(status).toHaveAttribute('data-revision', requested ?? '')
  return Number(requested)
}

/** Opens the dashboard on the built-in representative day and waits for its plan. */
export async function openDashboard(page: Page, path = './'): Promise<number> {
  await page.goto(path)
  await page.evaluate(() => document.fonts.ready.then(() => true))
  return waitForSolve(page)
}

/** Today's VPP key share of the built-in representative day the dashboard opens on, 0..1. */
export const TODAY_SHARE = (representativeScenario() as { qkd: { vppShare: number } }).qkd.vppShare

/**
 * A share below today's, two thirds of it on the exact field's 0.01 % grid: tests that need "less
 * key" edit to it. Computed as the app does (percent / 100), so labels match to the last digit.
 */
export const LOWER_SHARE = Math.round((TODAY_SHARE * 10_000 * 2) / 3) / 100 / 100

/** A share as the exact field shows it, in percent with at most two decimals. */
export function percentText(share: number): string {
  return String(Math.round(share * 10_000) / 100)
}
