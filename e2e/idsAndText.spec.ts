/**
 * Ids are data and text is hostile, in the browser: a day whose node, link and process ids are
 * names of built-ins (`__proto__`, `constructor`, `toString`) is planned with every id in the
 * charts and on the map, survives a reload and a share link; a file with a byte-order mark is
 * read; a label that looks like a spreadsheet formula is exported to CSV as text.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, openDashboard, test, waitForSolve } from './fixtures.ts'

/** The tiny relay day with built-in names as ids (labels default to the ids). */
const builtInIds = {
  format: 'qkd-vpp-scenario',
  version: 1,
  name: 'Built-in names as ids',
  horizon: { slots: 4, slotMinutes: 60 },
  qkd: {
    nodes: [
      { id: '__proto__', role: 'control' },
      { id: 'constructor', role: 'relay' },
      { id: 'toString', role: 'aggregator' },
    ],
    links: [
      { id: '__proto__', a: '__proto__', b: 'constructor', lengthKm: 20, keyRateBps: 50000 },
      { id: 'constructor', a: 'constructor', b: 'toString', lengthKm: 25, keyRateBps: 40000 },
    ],
    vppShare: 0.05,
  },
  fleet: {
    groups: [{ id: 'homes', type: 'pv-battery', sites: 40, unitKw: 5, gateway: 'toString' }],
  },
  processes: [
    {
      id: '__proto__',
      endpoints: 'control->gateways',
      messagesPerSitePerHour: 360,
      messageBytes: 200,
      deadlineMs: 1000,
      impactEur: 5000,
      attacksPerHour: 10,
      options: [
        { id: 'D0', kind: 'classical' },
        { id: 'D2', kind: 'wc-mac', tagBits: 64 },
      ],
    },
    {
      id: 'constructor',
      endpoints: 'gateways->control',
      messagesPerSitePerHour: 120,
      messageBytes: 256,
      deadlineMs: 2000,
      impactEur: 800,
      attacksPerHour: 20,
      options: [
        { id: 'M0', kind: 'classical' },
        { id: 'M1', kind: 'wc-mac', tagBits: 32 },
      ],
    },
  ],
  shocks: [{ label: 'Fibre works', startSlot: 3, endSlot: 4, links: ['constructor'], factor: 0.2 }],
}

const upload = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text, 'utf8'),
})

/** The plan shows both processes in the key-use table and colours both links by utilization. */
async function expectEveryId(page: Page): Promise<void> {
  const chart = page.getByTestId('chart-key-use')
  const toggle = chart.getByRole('button', { name: 'Show table' })
  if ((await toggle.count()) > 0) await toggle.click()
  const table = page.getByRole('region', { name: 'Key use against supply (table)' })
  await expect(table).toContainText('__proto__ used (Mbit)')
  await expect(table).toContainText('constructor used (Mbit)')
  await page.getByRole('radio', { name: 'Utilization' }).check()
  for (const id of ['__proto__', 'constructor']) {
    const link = page.locator(`[aria-label^="Link ${id} between"]`)
    await expect(link).toHaveAttribute('aria-label', /, utilization \d/)
  }
}

test('ids called after built-ins are planned, shown, saved and shared', async ({
  page,
  context,
}) => {
  await openDashboard(page)
  // Windows editors save UTF-8 with a byte-order mark.
  await page
    .getByLabel('Import a scenario file (JSON)')
    .setInputFiles(upload('built-ins.json', `\ufeff${JSON.stringify(builtInIds, null, 2)}`))
  await expect(page.getByTestId('scenario-name')).toHaveText('Built-in names as ids')
  await expect(page.getByTestId('import-problem')).toHaveCount(0)
  await waitForSolve(page)
  await expectEveryId(page)

  await expect(page.getByTestId('save-status')).toContainText('Saved in this browser')
  await page.reload()
  await expect(page.getByTestId('save-status')).toContainText('Restored your scenario')
  await expect(page.getByTestId('scenario-name')).toHaveText('Built-in names as ids')
  await waitForSolve(page)
  await expectEveryId(page)

  await page.getByRole('button', { name: 'Share link' }).click()
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue()
  const other = await context.newPage()
  await other.goto(link)
  await expect(other.getByTestId('scenario-name')).toHaveText('Built-in names as ids')
  await waitForSolve(other)
  await expectEveryId(other)
  await other.close()
})

test('a label that looks like a formula is exported to CSV as text', async ({ page }) => {
  await openDashboard(page)
  const hostile = structuredClone(builtInIds) as any
  hostile.processes[0].label = '=HYPERLINK("http://evil.example","open")'
  hostile.processes[1].label = '@SUM(1+1)'
  await page
    .getByLabel('Import a scenario file (JSON)')
    .setInputFiles(upload('formula.json', JSON.stringify(hostile)))
  await waitForSolve(page)
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Key use against supply data as CSV' }).click(),
  ])
  const text = readFileSync(await csv.path(), 'utf8')
  expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""open"") used",`)
  expect(text).toContain(`,'@SUM(1+1) used,`)
  // No field starts a formula: after a separator comes neither = nor @, quoted or not.
  expect(text).not.toMatch(/(^|,|\r\n)"?[=@+]/)
})
