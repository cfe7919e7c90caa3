/**
 * Finds a Chromium for Playwright. Playwright's own browser download cannot work here, so the
 * tests use Debian's Chromium: `QKDVPP_CHROMIUM` (or `CHROMIUM_PATH`) may point at another build;
 * otherwise /usr/bin/chromium is used, and when it is missing and we are root on Debian it is
 * installed with apt-get. Anything else fails with a message that says how to fix it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']

/** Flags the machine's closed network and sandboxing need (see README, Testing). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
]

function found(): string | undefined {
  const fromEnv = process.env.QKDVPP_CHROMIUM ?? process.env.CHROMIUM_PATH
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv))
      throw new Error(`QKDVPP_CHROMIUM points at ${fromEnv}, which does not exist.`)
    return fromEnv
  }
  return CANDIDATES.find((p) => existsSync(p))
}

/** The Chromium executable, installing Debian's package when that is possible. */
export function ensureChromium(): string {
  const existing = found()
  if (existing !== undefined) return existing
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = existsSync('/usr/bin/apt-get')
  if (isRoot && hasApt) {
    console.log("Chromium not found: installing Debian's chromium package with apt-get (one time)…")
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    const installed = found()
    if (installed !== undefined) return installed
  }
  throw new Error(
    [
      'The end-to-end tests need Chromium and could not find or install it.',
      'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu),',
      'or set QKDVPP_CHROMIUM=/path/to/chromium. Do not run `npx playwright install`:',
      "its browser download is not available on this project's machines.",
    ].join('\n'),
  )
}
