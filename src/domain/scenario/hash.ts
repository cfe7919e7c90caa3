/**
 * Content hash of a scenario: canonical JSON (keys sorted) hashed to 16 hex digits. Two documents
 * that validate to the same scenario share a hash, whatever their key order or left-out defaults,
 * so results, exports and share links can name exactly what they were computed from.
 */
import { idRecord } from '../util/idRecord.ts'

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    // No prototype: a key named "__proto__" stays a key instead of replacing the prototype.
    const sorted = idRecord<unknown>()
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k]
    return sorted
  })
}

/** 64-bit hash (two independent 32-bit multiply-xorshift lanes) as 16 hex digits. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0')
  return hex(h2) + hex(h1)
}

/** The content hash of a (validated) scenario. */
export function scenarioHash(scenario: unknown): string {
  return hashText(canonicalJson(scenario))
}
