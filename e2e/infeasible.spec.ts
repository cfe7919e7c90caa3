/**
 * An infeasible scenario is explained in domain words, with one-click fixes that work.
 */
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

test('an infeasible scenario names the links, processes and slots, and a one-click fix re-plans', async ({
  page,
}) => {
  await openDashboard(page)
  // Forbid holding and black out every link mid-day: dispatch (floor option D1) cannot be served.
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
  doc.policy.holdAllowed = false
  doc.shocks.push({ label: 'Blackout', startSlot: 40, endSlot: 70, links: 'all', factor: 0 })
  await page.getByLabel('Import a scenario file (JSON)').setInputFiles({
    name: 'blackout.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  })
  const panel = page.getByTestId('problem-panel')
  await expect(panel).toHaveAttribute('data-kind', 'infeasible')
  await expect(panel).toContainText('No plan can meet this scenario')
  await expect(panel).toContainText(
    /Link [A-Z0-9-]+ \([A-Z0-9]+–[A-Z0-9]+\) cannot supply enough key in slots \d+/,
  )
  await expect(panel).toContainText('Process dispatch')
  await panel.getByRole('button', { name: 'Allow holding messages' }).click()
  await waitForSolve(page)
  await expect(panel).toHaveCount(0)
})
