/**
 * Charts drawn on a canvas keep what SVG charts offer: a tooltip in domain words found from the
 * pointer (the dot under it, or the slot), a keyboard path to the same tooltip, a PNG export, and
 * the table view.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

test('the price-threshold scatter names the step under the pointer and exports as PNG', async ({
  page,
}) => {
  await openDashboard(page)
  const chart = page.getByTestId('chart-threshold')
  const canvas = chart.getByRole('img', { name: /upgrade steps/ })
  await canvas.scrollIntoViewIfNeeded()
  // Find a drawn dot from the pixels themselves (any opaque, coloured pixel inside the plot).
  const dot = await canvas.evaluate((c: HTMLCanvasElement) => {
    const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
    const scale = c.width / c.clientWidth
    for (let i = 0; i < pixels.length; i += 4) {
      const [r = 0, g = 0, b = 0, a = 0] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]]
      if (a > 100 && g > 150 && r < 120 && b < 150) {
        const p = i / 4
        return { x: (p % c.width) / scale, y: Math.floor(p / c.width) / scale }
      }
    }
    return undefined
  })
  expect(dot, 'a taken step is drawn').toBeDefined()
  const box = await canvas.boundingBox()
  if (dot === undefined || box === null) throw new Error('the scatter is not on screen')
  await page.mouse.move(box.x + dot.x + 1, box.y + dot.y + 1)
  const tooltip = chart.locator('.chart__tooltip')
  await expect(tooltip).toContainText(/flow .+, slot starting \d\d:\d\d/)
  await expect(tooltip).toContainText('Path price π: €')
  await expect(tooltip).toContainText(/Taken: \d+ ?% of the step/)
  await page.mouse.move(0, 0)
  await expect(tooltip).toHaveCount(0)

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Price-threshold check as PNG' }).click(),
  ])
  const bytes = readFileSync(await png.path())
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  // At twice the CSS size, like the SVG charts' export.
  expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width * 2))

  await chart.getByRole('button', { name: 'Show table' }).click()
  await expect(chart.getByRole('region', { name: 'Price-threshold check (table)' })).toContainText(
    'Path price π (€/Mbit)',
  )
})

/** The canvas of a time-of-day chart, and where its plot's first and last slots are on screen. */
async function timePlot(page: Page, chartId: string, name: RegExp) {
  const chart = page.getByTestId(`chart-${chartId}`)
  const canvas = chart.getByRole('img', { name }).first()
  await canvas.scrollIntoViewIfNeeded()
  const box = await canvas.boundingBox()
  if (box === null) throw new Error(`the ${chartId} chart is not on screen`)
  // TimeCanvas's plot starts 72 px in and ends 16 px before the right edge; 96 slots between.
  const slotWidth = (box.width - 72 - 16) / 96
  const middleY = box.y + box.height / 3
  return {
    chart,
    canvas,
    tooltip: chart.locator('.chart__tooltip'),
    pointAtSlot: (slot: number) => page.mouse.move(box.x + 72 + slotWidth * (slot + 0.5), middleY),
  }
}

test('time-of-day chart tooltips name the slot under the pointer and every series with its unit', async ({
  page,
}) => {
  await openDashboard(page)
  const risk = await timePlot(page, 'risk', /Residual risk per slot/)
  await risk.pointAtSlot(0)
  await expect(risk.tooltip).toContainText('Slot starting 00:00')
  await expect(risk.tooltip).toContainText(/Oracle \(perfect foresight\): €/)
  await risk.pointAtSlot(95)
  await expect(risk.tooltip).toContainText('Slot starting 23:45')
  await risk.pointAtSlot(54)
  await expect(risk.tooltip).toContainText('Slot starting 13:30')
  await page.mouse.move(0, 0)
  await expect(risk.tooltip).toHaveCount(0)

  const use = await timePlot(page, 'key-use', /Key used per slot/)
  await use.pointAtSlot(48)
  await expect(use.tooltip).toContainText('Slot starting 12:00')
  await expect(use.tooltip).toContainText(/Dispatch, key used: [\d.,]+ Mbit/)
  await expect(use.tooltip).toContainText(/Supply of all links: [\d.,]+ Mbit/)

  const store = await timePlot(page, 'key-use', /Key store of each link/)
  await store.pointAtSlot(10)
  await expect(store.tooltip).toContainText('End of slot starting 02:30')
  await expect(store.tooltip).toContainText(/Store of link [A-Z0-9]+–[A-Z0-9]+: [\d.,]+ Mbit/)

  const prices = await timePlot(page, 'shadow-price', /Shadow price of key/)
  await prices.pointAtSlot(70)
  await expect(prices.tooltip).toContainText('Slot starting 17:30')
  await expect(prices.tooltip).toContainText(/Link [A-Z0-9]+–[A-Z0-9]+: €/)
  await expect(prices.tooltip).toContainText('/Mbit')

  // At today's share the plan is never late, so give dispatch a deadline no option meets: every
  // one of its messages is late, and the late-message chart has a series to name.
  await page.getByLabel('Process to edit').selectOption('dispatch')
  const deadline = page.getByLabel('Deadline of process dispatch (ms)', { exact: true })
  await deadline.fill('5')
  await deadline.press('Enter')
  const revision = await waitForSolve(page)
  await expect(page.getByTestId('chart-sla')).toHaveAttribute('data-revision', String(revision))
  const sla = await timePlot(page, 'sla', /Late messages per slot/)
  await sla.pointAtSlot(40)
  await expect(sla.tooltip).toContainText(/Slot starting 10:00/)
  await expect(sla.tooltip).toContainText(/Dispatch: [\d,]+ late messages/)
})

test('a time-of-day chart’s tooltip also follows the keyboard', async ({ page }) => {
  await openDashboard(page)
  const risk = await timePlot(page, 'risk', /Residual risk per slot/)
  await risk.canvas.focus()
  await expect(risk.tooltip).toContainText('Slot starting 00:00')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(risk.tooltip).toContainText('Slot starting 00:30')
  await page.keyboard.press('End')
  await expect(risk.tooltip).toContainText('Slot starting 23:45')
  await page.keyboard.press('ArrowRight')
  await expect(risk.tooltip).toContainText('Slot starting 23:45')
  await page.keyboard.press('Home')
  await expect(risk.tooltip).toContainText('Slot starting 00:00')
  await page.keyboard.press('End')
  await page.keyboard.press('Escape')
  await expect(risk.tooltip).toHaveCount(0)
  // After Escape the next key starts again at the first slot, not one past it.
  await page.keyboard.press('ArrowRight')
  await expect(risk.tooltip).toContainText('Slot starting 00:00')
  await page.keyboard.press('Tab')
  await expect(risk.canvas).not.toBeFocused()
  await expect(risk.tooltip).toHaveCount(0)
})

test('a time-of-day chart exports as a PNG at twice its size', async ({ page }) => {
  await openDashboard(page)
  const prices = await timePlot(page, 'shadow-price', /Shadow price of key/)
  const box = await prices.canvas.boundingBox()
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Shadow price of key as PNG' }).click(),
  ])
  const bytes = readFileSync(await png.path())
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  expect(bytes.readUInt32BE(16)).toBe(Math.round((box?.width ?? 0) * 2))
})
