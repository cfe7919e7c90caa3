/**
 * What the UI benchmarks share: serve `dist/` with `vite preview` on a port, open Debian's
 * Chromium at a fixed viewport, and report medians against targets. Benchmarks are scripts,
 * never tests: timings on shared 2-core machines are noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

export { median, verdict } from '../src/bench/stats.ts'

/** Starts `vite preview` of `outDir` (default `dist/`) on `port`; resolves once it answers. */
export async function startPreview(port: number, outDir?: string): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
      ...(outDir === undefined ? [] : ['--outDir', outDir]),
    ],
    // Its own process group, so stopPreview ends vite too, not only the npx wrapper.
    { cwd: ROOT, stdio: 'ignore', detached: true },
  )
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return server
    await new Promise((r) => setTimeout(r, 200))
  }
  stopPreview(server)
  throw new Error(`vite preview did not answer on port ${port}`)
}

/** Stops a server from startPreview, with every process it started. */
export function stopPreview(server: ChildProcess): void {
  if (server.pid === undefined) return
  try {
    process.kill(-server.pid, 'SIGTERM')
  } catch {
    // Already gone.
  }
}

/** Debian's Chromium with the project's flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
}
