/**
 * Scenario files in and out: import validates first and changes nothing on a bad file; imported
 * text is shown as text, never run; export gives back the scenario; charts export tidy CSV.
 */
import { readFileSync } from 'node:fs'
import {
  expect,
  LOWER_SHARE,
  openDashboard,
  percentText,
  test,
  TODAY_SHARE,
  waitForSolve,
} from './fixtures.ts'

const tiny = {
  format: 'qkd-vpp-scenario',
  version: 1,
  name: 'Tiny relay example',
  horizon: { slots: 4, slotMinutes: 60 },
  qkd: {
    nodes: [
      { id: 'CC', role: 'control' },
      { id: 'R', role: 'relay' },
      { id: 'GW', role: 'aggregator' },
    ],
    links: [
      { id: 'CC-R', a: 'CC', b: 'R', lengthKm: 20, keyRateBps: 50000, bufferBits: 2e6 },
      { id: 'R-GW', a: 'R', b: 'GW', lengthKm: 25, keyRateBps: 40000, bufferBits: 2e6 },
    ],
    vppShare: 0.05,
  },
  fleet: { groups: [{ id: 'homes', type: 'pv-battery', sites: 40, unitKw: 5, gateway: 'GW' }] },
  processes: [
    {
      id: 'dispatch',
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
  ],
}

const upload = (name: string, content: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
})

test('a valid file is imported and solved; an invalid one changes nothing and lists its problems', async ({
  page,
}) => {
  await openDashboard(page)
  const input = page.getByLabel('Import a scenario file (JSON)')
  const broken = structuredClone(tiny) as any
  broken.qkd.links[1].b = 'NOWHERE'
  broken.processes[0].minOption = 'D9'
  await input.setInputFiles(upload('broken.json', broken))
  const problem = page.getByTestId('import-problem')
  await expect(problem).toContainText('Could not import broken.json: nothing was changed')
  await expect(problem).toContainText('qkd.links[1].b: unknown node "NOWHERE"')
  await expect(problem).toContainText('processes[0].minOption')
  await expect(page.getByTestId('scenario-name')).toHaveText('Representative VPP day')
  await input.setInputFiles(upload('tiny.json', tiny))
  await expect(page.getByTestId('scenario-name')).toHaveText('Tiny relay example')
  await expect(problem).toHaveCount(0)
  await waitForSolve(page)
  await expect(page.getByTestId('history')).toContainText('Imported tiny.json')
})

test('scenario text with markup is shown as text and never runs', async ({ page }) => {
  await openDashboard(page)
  await page.evaluate(() => {
    ;(window as unknown as { pwned: boolean }).pwned = false
  })
  const hostile = structuredClone(tiny) as any
  hostile.name = '<img src=x onerror="window.pwned=true"><script>window.pwned=true</script>'
  hostile.qkd.nodes[2].label = '<b onmouseover="window.pwned=true">Gateway</b>'
  hostile.processes[0].label = '"><svg onload="window.pwned=true">'
  await page
    .getByLabel('Import a scenario file (JSON)')
    .setInputFiles(upload('hostile.json', hostile))
  await expect(page.getByTestId('scenario-name')).toHaveText(hostile.name)
  await waitForSolve(page)
  await page.getByTestId('topology-map').hover()
  expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false)
  expect(await page.locator('img[src="x"], script:has-text("pwned")').count()).toBe(0)
})

test('the scenario exports as JSON and a chart exports tidy CSV', async ({ page }) => {
  await openDashboard(page)
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ])
  expect(json.suggestedFilename()).toBe('representative-vpp-day.json')
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'))
  expect(exported.format).toBe('qkd-vpp-scenario')
  expect(exported.qkd.links).toHaveLength(10)
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Residual risk over the day data as CSV' }).click(),
  ])
  const lines = readFileSync(await csv.path(), 'utf8')
    .trim()
    .split('\r\n')
  expect(lines[0]).toBe('chart,Slot start,series,value,unit,scenario_hash,app_version')
  expect(lines[1]).toMatch(
    /^risk,00:00,Oracle \(perfect foresight\),[0-9.e+-]+,€,[0-9a-f]{16},0\.1\.0$/,
  )
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Residual risk over the day as PNG' }).click(),
  ])
  const bytes = readFileSync(await png.path())
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
})

test('a share link reproduces the scenario and exactly its plan in a new page', async ({
  page,
  context,
}) => {
  await openDashboard(page)
  const exact = page.getByRole('spinbutton', { name: 'VPP key share, exact percent' })
  // Two edits, so this tab's plan comes from warm re-solves; a fresh page solving the link must
  // show the same figures, key splits included (each revision is solved once, no second pass).
  await exact.fill(percentText(2 * TODAY_SHARE))
  await exact.press('Enter')
  await waitForSolve(page)
  await exact.fill(percentText(LOWER_SHARE))
  await exact.press('Enter')
  await waitForSolve(page)
  const figures = async (p: typeof page) => ({
    kpis: await p.getByTestId('kpi-strip').innerText(),
    policies: await p.getByRole('region', { name: 'Policies compared (table)' }).innerText(),
  })
  const sent = await figures(page)
  expect(sent.kpis).toMatch(/Key used/)
  await page.getByRole('button', { name: 'Share link' }).click()
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/)
  const other = await context.newPage()
  await other.goto(link)
  await waitForSolve(other)
  await expect(other.getByRole('spinbutton', { name: 'VPP key share, exact percent' })).toHaveValue(
    percentText(LOWER_SHARE),
  )
  await expect(other.getByTestId('history')).toContainText('Opened a share link')
  expect(new URL(other.url()).hash).toBe('')
  expect(await figures(other)).toEqual(sent)
  await other.close()
})

test('a file dropped on the page is imported like a chosen one', async ({ page }) => {
  await openDashboard(page)
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }))
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }))
  }, JSON.stringify(tiny))
  await expect(page.getByTestId('scenario-name')).toHaveText('Tiny relay example')
  await expect(page.getByTestId('history')).toContainText('Imported dropped.json')
  await waitForSolve(page)
})

test('a scenario too large for a reliable link gets a warning to send the file instead', async ({
  page,
}) => {
  await openDashboard(page)
  const big = structuredClone(tiny) as any
  // Hundreds of random ids barely compress, so the link passes the 8,000-character limit.
  big.fleet.groups = Array.from({ length: 600 }, (_, i) => ({
    id: `g${i}-${Math.random().toString(36).slice(2, 14)}`,
    type: 'pv',
    sites: 1,
    unitKw: 5,
    gateway: 'GW',
  }))
  await page.getByLabel('Import a scenario file (JSON)').setInputFiles(upload('big.json', big))
  await expect(page.getByTestId('scenario-name')).toHaveText('Tiny relay example')
  await page.getByRole('button', { name: 'Share link' }).click()
  await expect(page.getByTestId('share-link')).toContainText('too long to share reliably')
  await expect(page.getByTestId('share-link')).toContainText('Use Export JSON')
  await waitForSolve(page)
})
