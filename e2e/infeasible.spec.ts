/**
 * An infeasible scenario is explained in domain words, with one-click fixes that work.
 */
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

test('an infeasible scenario names the links, processes and slots, and a one-click fix re-plans', async ({
  page,
}) => {
  await openDashboard(page)
  const exported = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ])
  const doc = JSON.parse(
    await (
      await exported[0].createReadStream()
    )
      .toArray()
      .then((c) => Buffer.concat(c).toString('utf8')),
  )
  // Forbid holding, make dispatch tag every message (its floor option is the per-message tag)
  // and black out every link for an hour: the edge stores cannot carry the tags through it.
  doc.policy.holdAllowed = false
  const dispatch = doc.processes.find((p: { id: string }) => p.id === 'dispatch')
  dispatch.minOption = dispatch.options.find((o: { kind: string }) => o.kind === 'wc-mac').id
  doc.shocks.push({ label: 'Blackout', startSlot: 40, endSlot: 44, links: 'all', factor: 0 })
  await page.getByLabel('Import a scenario file (JSON)').setInputFiles({
    name: 'blackout.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  })
  const panel = page.getByTestId('problem-panel')
  await expect(panel).toHaveAttribute('data-kind', 'infeasible', { timeout: 60_000 })
  await expect(panel).toContainText('No plan can meet this scenario')
  await expect(panel).toContainText(
    /Link [A-Z0-9-]+ \([A-Z0-9]+–[A-Z0-9]+\) cannot supply enough key in slots \d+/,
  )
  await expect(panel).toContainText('Process dispatch')
  // Only the fixes the solver checked are offered: holding and dropping dispatch's floor work,
  // more share cannot help while the links generate nothing.
  const fixes = panel.locator('button[data-fix-kind]')
  await expect(fixes).toHaveCount(2)
  await expect(panel.locator('button[data-fix-kind="raise-share"]')).toHaveCount(0)
  await expect(panel.getByRole('button', { name: /floor option of dispatch/ })).toBeVisible()
  await panel.getByRole('button', { name: /^Allow holding messages/ }).click()
  await waitForSolve(page)
  await expect(panel).toHaveCount(0)
  await expect(page.getByTestId('kpi-strip')).toContainText('Residual risk')
  const history = page.getByTestId('history')
  await expect(history).toContainText('Fix: allow holding messages')
  // The fix is an ordinary edit: undo brings the infeasible scenario back.
  await history.getByRole('button', { name: 'Undo' }).click()
  await expect(panel).toHaveAttribute('data-kind', 'infeasible', { timeout: 60_000 })
})
