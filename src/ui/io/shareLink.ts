/**
 * Share links: the whole scenario, deflated and base64url-encoded, in the URL fragment. The
 * fragment never reaches a server (threat parameters are sensitive), and opening the link gives
 * exactly the same scenario, hence the same results. Uses the platform's CompressionStream, so
 * no library is needed.
 */
import { canonicalJson } from '../../domain/scenario/hash.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { parseScenarioText, type ImportResult } from './importScenario.ts'

/** Links longer than this are unreliable in mail clients and chat tools; offer a file instead. */
export const MAX_LINK_LENGTH = 8000
export const FRAGMENT_KEY = 's='

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const source = new Blob([bytes as BlobPart]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(source).arrayBuffer())
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  const binary = atob(padded)
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

/** The fragment (without `#`) that carries a scenario. */
export async function encodeScenarioFragment(scenario: Scenario): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(scenario))
  return FRAGMENT_KEY + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))
}

/** Reads a scenario back from a fragment (with or without `#`); undefined when there is none. */
export async function decodeScenarioFragment(fragment: string): Promise<ImportResult | undefined> {
  const body = fragment.replace(/^#/, '')
  if (!body.startsWith(FRAGMENT_KEY)) return undefined
  try {
    const bytes = await pipe(
      fromBase64Url(body.slice(FRAGMENT_KEY.length)),
      new DecompressionStream('deflate-raw'),
    )
    return parseScenarioText(new TextDecoder().decode(bytes))
  } catch {
    return {
      ok: false,
      issues: [{ path: '(root)', message: 'the share link is damaged or incomplete' }],
    }
  }
}
