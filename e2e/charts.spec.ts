/**
 * Charts drawn on a canvas keep what the SVG charts offer: a tooltip in domain words found by
 * hit-testing the dot under the pointer, a PNG export, and the table view.
 */
import { readFileSync } from 'node:fs'
import { expect, openDashboard, test } from './fixtures.ts'

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

test('SVG chart tooltips name the slot, the policy or link, and the value with its unit', async ({
  page,
}) => {
  await openDashboard(page)
  const risk = page.getByTestId('chart-risk')
  await risk.scrollIntoViewIfNeeded()
  const plot = risk.locator('.recharts-cartesian-grid')
  const box = await plot.boundingBox()
  if (box === null) throw new Error('the risk chart has no plot area')
  // Tooltips mount on first use; the first move brings it, the second places it.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2)
  const tooltip = risk.locator('.recharts-tooltip-wrapper')
  await expect(tooltip).toContainText(/Slot starting \d\d:\d\d/)
  await expect(tooltip).toContainText(/Oracle \(perfect foresight\).*€/)

  const prices = page.getByTestId('chart-shadow-price')
  await prices.scrollIntoViewIfNeeded()
  const pricePlot = await prices.locator('.recharts-cartesian-grid').boundingBox()
  if (pricePlot === null) throw new Error('the shadow-price chart has no plot area')
  await page.mouse.move(pricePlot.x + pricePlot.width * 0.7, pricePlot.y + pricePlot.height / 2)
  await page.mouse.move(pricePlot.x + pricePlot.width * 0.7 + 3, pricePlot.y + pricePlot.height / 2)
  const priceTooltip = prices.locator('.recharts-tooltip-wrapper')
  await expect(priceTooltip).toContainText(/Slot starting \d\d:\d\d/)
  await expect(priceTooltip).toContainText(/Link [A-Z0-9]+–[A-Z0-9]+ : €/)
  await expect(priceTooltip).toContainText('/Mbit')
})

test('a chart’s tooltip also follows the keyboard', async ({ page }) => {
  await openDashboard(page)
  const risk = page.getByTestId('chart-risk')
  await risk.scrollIntoViewIfNeeded()
  // Recharts' accessibility layer makes the plot focusable; arrows step through the slots.
  await risk.locator('.recharts-wrapper [tabindex="0"]').first().focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(risk.locator('.recharts-tooltip-wrapper')).toContainText(/Slot starting 00:(15|30)/)
})
