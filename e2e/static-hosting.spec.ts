/**
 * The static build works from a nested sub-path of a plain file server (no SPA fallback, no
 * special headers), as on GitHub Pages or an intranet share.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, waitForSolve } from './fixtures.ts'

const DIST = fileURLToPath(new URL('../dist', import.meta.url))
const PREFIX = '/reviews/2026/qkd-planner/'
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

let server: Server
let origin = ''

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(PREFIX)) {
      res.writeHead(404).end('not here')
      return
    }
    const relative = normalize(url.pathname.slice(PREFIX.length) || 'index.html')
    const file = join(DIST, relative)
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('missing')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : ''
})

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

test('the build solves the representative day from a nested path on a plain file server', async ({
  page,
}) => {
  const failed: string[] = []
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`)
  })
  await page.goto(`${origin}${PREFIX}`)
  await waitForSolve(page)
  await expect(page.getByTestId('kpi-strip')).toContainText('Residual risk')
  const icon = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(icon).toBe('./favicon.svg')
  const favicon = await page.request.get(`${origin}${PREFIX}favicon.svg`)
  expect(favicon.status()).toBe(200)
  expect(failed).toEqual([])
})

test('the build serves the scenario schema that exported files name in $schema', async ({
  page,
}) => {
  await page.goto(`${origin}${PREFIX}`)
  await waitForSolve(page)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: /Export JSON/i }).click()
  const file = await (await download).path()
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { $schema: string; format: string }
  expect(exported.$schema).toBe(`${origin}${PREFIX}scenario.schema.json`)
  expect(exported.format).toBe('qkd-vpp-scenario')
  const schema = await page.request.get(exported.$schema)
  expect(schema.status()).toBe(200)
  const body = (await schema.json()) as { $schema: string; title: string }
  expect(body.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  expect(body.title).toBe('QKD-VPP scenario')
})
