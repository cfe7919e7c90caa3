/**
 * Every editor feeds the next solve and works from the keyboard alone.
 */
import type { Page } from '@playwright/test'
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

/** The KPI strip's text: it changes whenever the plan's headline figures change. */
const kpis = (page: Page) => page.getByTestId('kpi-strip').innerText()

/** Types a value into a text field and commits it with Enter, as a keyboard user would. */
async function typeAndCommit(page: Page, name: string, value: string): Promise<void> {
  const field = page.getByLabel(name, { exact: true })
  await field.focus()
  await field.press('ControlOrMeta+a')
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
}

test('topology: editing a link from the keyboard re-plans', async ({ page }) => {
  const first = await openDashboard(page)
  const before = await kpis(page)
  const link = page.locator('[data-link-id="CC-RS2"]')
  await link.focus()
  await page.keyboard.press('Enter')
  await typeAndCommit(
    page,
    'Measured key rate of link CC-RS2 (bit/s; empty uses the rate model)',
    '100000',
  )
  expect(await waitForSolve(page)).toBeGreaterThan(first)
  expect(await kpis(page)).not.toEqual(before)
})

test('topology: nodes move with the arrow keys and by dragging', async ({ page }) => {
  await openDashboard(page)
  const node = page.locator('[data-node-id="MO"]')
  const box0 = await node.boundingBox()
  await node.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect.poll(async () => (await node.boundingBox())?.x ?? 0).toBeLessThan((box0?.x ?? 0) - 2)
  const box1 = await node.boundingBox()
  if (box1 === null) throw new Error('node not drawn')
  await page.mouse.move(box1.x + box1.width / 2, box1.y + box1.height / 2)
  await page.mouse.down()
  await page.mouse.move(box1.x + box1.width / 2, box1.y + 60, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => (await node.boundingBox())?.y ?? 0).toBeGreaterThan(box1.y + 30)
  await waitForSolve(page)
})

test('topology: a node can be added and removed', async ({ page }) => {
  await openDashboard(page)
  const nodes = page.locator('[data-node-id]')
  const count = await nodes.count()
  await page.getByRole('button', { name: 'Add node' }).click()
  await expect(nodes).toHaveCount(count + 1)
  await waitForSolve(page)
  const added = nodes.last()
  await added.focus()
  await page.keyboard.press('Delete')
  await expect(nodes).toHaveCount(count)
  await waitForSolve(page)
})

test('topology: a node role changes from its form, and a role that would break it is refused', async ({
  page,
}) => {
  const first = await openDashboard(page)
  await page.locator('[data-node-id="RS1"]').focus()
  await page.keyboard.press('Enter')
  const rs1 = page.getByLabel('Role of node RS1', { exact: true })
  await rs1.selectOption('relay')
  await expect(page.getByTestId('node-form').getByRole('alert')).toContainText(
    'gateway of DER groups',
  )
  await expect(rs1).toHaveValue('aggregator')
  await expect(page.getByTestId('solve-status')).toHaveAttribute(
    'data-requested-revision',
    String(first),
  )
  await page.locator('[data-node-id="DSO"]').focus()
  await page.keyboard.press('Enter')
  await page.getByLabel('Role of node DSO', { exact: true }).selectOption('relay')
  expect(await waitForSolve(page)).toBeGreaterThan(first)
  await expect(page.locator('[data-node-id="DSO"]')).toHaveAttribute('aria-label', /relay node/)
})

test('fleet: editing the sites of a DER group re-plans', async ({ page }) => {
  await openDashboard(page)
  const before = await kpis(page)
  await typeAndCommit(page, 'Sites in DER group RS1-pv-battery-0', '300')
  await waitForSolve(page)
  expect(await kpis(page)).not.toEqual(before)
})

test('processes: editing a process re-plans', async ({ page }) => {
  await openDashboard(page)
  const before = await kpis(page)
  await page.getByLabel('Process to edit').selectOption('metering')
  await typeAndCommit(page, 'Baseline attack attempts of process metering (per hour)', '600')
  await waitForSolve(page)
  expect(await kpis(page)).not.toEqual(before)
})

test('processes: editing the message size re-plans', async ({ page }) => {
  const first = await openDashboard(page)
  const before = await kpis(page)
  // Only the one-time pad spends key per byte, so the edit must hit a process the plan pads at
  // today's share: bidding (metering's tags and rekeys cost the same whatever the size).
  await page.getByLabel('Process to edit').selectOption('bidding')
  const size = page.getByLabel('Message size of process bidding (bytes)', { exact: true })
  const bytes = Number(await size.inputValue())
  expect(bytes).toBeGreaterThan(0)
  await typeAndCommit(page, 'Message size of process bidding (bytes)', String(2 * bytes))
  expect(await waitForSolve(page)).toBeGreaterThan(first)
  expect(await kpis(page)).not.toEqual(before)
})

test('processes: a success bound out of range stays in its field and is never applied', async ({
  page,
}) => {
  const first = await openDashboard(page)
  const name =
    'Success bound per attempt of option B0 of process bidding (0 to 1; empty uses the model)'
  await typeAndCommit(page, name, '2')
  const field = page.getByLabel(name, { exact: true })
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveValue('2')
  await expect(page.getByTestId('solve-status')).toHaveAttribute(
    'data-requested-revision',
    String(first),
  )
})

test('threats: restricting an attack window to one process re-plans', async ({ page }) => {
  const first = await openDashboard(page)
  const before = await kpis(page)
  const name = 'attack window 1 (Morning attack campaign)'
  const list = page.getByLabel(`Processes hit by ${name}`, { exact: true })
  await expect(list).toBeDisabled()
  await page.getByLabel(`${name} hits all processes`, { exact: true }).uncheck()
  await expect(list).toBeEnabled()
  await list.selectOption(['settlement'])
  expect(await waitForSolve(page)).toBeGreaterThan(first)
  await expect(list).toHaveValues(['settlement'])
  expect(await kpis(page)).not.toEqual(before)
})

test('threats: an attack window moves with the arrow keys and the plan follows', async ({
  page,
}) => {
  await openDashboard(page)
  const risk = page.getByTestId('chart-risk')
  const before = await risk.getAttribute('data-revision')
  const bar = page.locator('[data-window-index="0"]')
  await bar.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  const revision = await waitForSolve(page)
  expect(String(revision)).not.toEqual(before)
  await expect(
    page.getByLabel('Start slot of attack window 1 (Morning attack campaign)', { exact: true }),
  ).toHaveValue('33')
  await expect(
    page.getByLabel('End slot of attack window 1 (Morning attack campaign) (exclusive)', {
      exact: true,
    }),
  ).toHaveValue('42')
})

test('threats: a key-yield shock factor edited in the table re-plans', async ({ page }) => {
  await openDashboard(page)
  const before = await kpis(page)
  await typeAndCommit(
    page,
    'Key rate factor of shock 1 (Fibre disturbance on CC–DSO) (0 is an outage)',
    '0',
  )
  await waitForSolve(page)
  expect(await kpis(page)).not.toEqual(before)
})

test('an invalid number is kept in the field with a message and never applied', async ({
  page,
}) => {
  const first = await openDashboard(page)
  await typeAndCommit(page, 'Sites in DER group RS1-pv-battery-0', 'lots')
  const field = page.getByLabel('Sites in DER group RS1-pv-battery-0', { exact: true })
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveValue('lots')
  await expect(page.getByTestId('solve-status')).toHaveAttribute(
    'data-requested-revision',
    String(first),
  )
})
