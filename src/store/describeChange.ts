/**
 * A one-line account of what an edit changed, for the undo history: the JSON paths of the first
 * few changed fields with old and new values, e.g. `qkd.vppShare 0.01 → 0.009`.
 */

const MAX_PATHS = 2

function short(value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'number') return String(Number(value.toPrecision(6)))
  if (typeof value === 'string')
    return value.length > 24 ? `"${value.slice(0, 21)}…"` : `"${value}"`
  if (Array.isArray(value)) return `[${value.length}]`
  if (value !== null && typeof value === 'object') return '{…}'
  return String(value)
}

function collect(before: unknown, after: unknown, path: string, out: string[]): void {
  if (out.length > MAX_PATHS || Object.is(before, after)) return
  const bothArrays = Array.isArray(before) && Array.isArray(after)
  const bothObjects =
    !bothArrays &&
    before !== null &&
    after !== null &&
    typeof before === 'object' &&
    typeof after === 'object'
  if (bothArrays && before.length === after.length) {
    before.forEach((b, i) => collect(b, after[i], `${path}[${i}]`, out))
    return
  }
  if (bothObjects) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)])
    for (const k of keys) {
      collect(
        (before as Record<string, unknown>)[k],
        (after as Record<string, unknown>)[k],
        path === '' ? k : `${path}.${k}`,
        out,
      )
    }
    return
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return
  out.push(`${path === '' ? '(scenario)' : path} ${short(before)} → ${short(after)}`)
}

/** Describes the difference between two scenario documents (empty when they are equal). */
export function describeChange(before: unknown, after: unknown): string {
  const out: string[] = []
  collect(before, after, '', out)
  if (out.length > MAX_PATHS) return `${out.slice(0, MAX_PATHS).join('; ')}; and more`
  return out.join('; ')
}
