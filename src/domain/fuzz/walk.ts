/**
 * Walks every number of a result, before and after JSON serialisation. `JSON.stringify` turns
 * NaN and ±Infinity into `null`, so the live object is walked for non-finite numbers and the
 * parsed JSON for `null` where a number is promised.
 */

/** Keys whose `null` is part of the contract even in a solved result. */
export type NullableKeys = ReadonlySet<string>

/**
 * Paths of every number that is not finite, and of every `null` whose key is not in `nullable`.
 * Typed arrays are walked like arrays; `undefined` is ignored (JSON drops it).
 */
export function badNumbers(value: unknown, nullable: NullableKeys | 'any', path = '$'): string[] {
  const out: string[] = []
  const visit = (v: unknown, at: string, key: string): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push(`${at} = ${String(v)}`)
      return
    }
    if (v === null) {
      if (nullable !== 'any' && !nullable.has(key)) out.push(`${at} = null`)
      return
    }
    if (typeof v !== 'object') return
    if (ArrayBuffer.isView(v)) {
      const items = v as unknown as ArrayLike<number>
      for (let i = 0; i < items.length; i++) visit(items[i], `${at}[${i}]`, key)
      return
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${at}[${i}]`, key))
      return
    }
    for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k], `${at}.${k}`, k)
  }
  visit(value, path, '')
  return out.slice(0, 10)
}

/** The value after a JSON round trip (what the CLI's `--json` and share links carry). */
export function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/**
 * Both walks: non-finite numbers in the live value, then `null`s in its JSON form that are not
 * allowed by `nullable` (which also catches NaN or Infinity that the live walk saw as null).
 */
export function numberProblems(
  value: unknown,
  nullable: NullableKeys | 'any',
  path: string,
): string[] {
  const live = badNumbers(value, 'any', path)
  const json = badNumbers(viaJson(value), nullable, path)
  return [...live.map((p) => `non-finite ${p}`), ...json.map((p) => `not a number in JSON: ${p}`)]
}
