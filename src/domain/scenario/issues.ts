/**
 * Validation problems in the planner's words: the schema's issues become `path: message` lines
 * (every problem of a file at once, never a throw), paths written as users read them.
 */
import type * as z from 'zod'

export interface ValidationIssue {
  /** JSON path of the offending field, e.g. `qkd.links[2].a`. */
  path: string
  message: string
}

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Appends a key to a JSON path: `a.b`, `a[3]`, or `a["odd key"]` when the key is not a plain
 * identifier (so a path is never ambiguous, whatever keys an imported file contains).
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) {
    const shown = key.length > 40 ? `${key.slice(0, 37)}...` : key
    return `${base}[${JSON.stringify(shown)}]`
  }
  return base === '' ? key : `${base}.${key}`
}

/** A short, safe description of an unexpected value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `"${truncate(value)}"`
  if (typeof value === 'number') return String(value)
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/** A JSON path from a schema issue's path segments. */
export function pathText(segments: readonly PropertyKey[], base = ''): string {
  return segments.reduce<string>(
    (path, key) => joinPath(path, typeof key === 'number' ? key : String(key)),
    base,
  )
}

/** The value at `segments` inside `doc`, or undefined (own properties only: ids are data). */
function valueAt(doc: unknown, segments: readonly PropertyKey[]): unknown {
  let value: unknown = doc
  for (const key of segments) {
    if (typeof value !== 'object' || value === null) return undefined
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a finite number',
  object: 'an object',
  array: 'an array',
  string: 'a string',
  boolean: 'true or false',
}

/**
 * The message for an issue no field declared its own words for (the per-parse error map): a
 * missing field, a value of the wrong type.
 */
export function defaultMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required'
    const expected = TYPE_WORDS[issue.expected] ?? issue.expected
    return `must be ${expected}, got ${describe(issue.input)}`
  }
  return undefined
}

/** Words for a union that matched no branch, by the field's place in the format. */
const UNION_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [
    /endpoints$/,
    'must be "control->gateways", "gateways->control", a {from, to} pair or a list of pairs',
  ],
  [/links$/, 'must be "all" or a list of link ids'],
]

/**
 * Turns the schema's issues into the planner's: one line per unknown key, and for a union the
 * problems of the branch the value was meant for (an object or a list), not of every branch.
 */
export function toValidationIssues(
  issues: readonly z.core.$ZodIssue[],
  doc: unknown,
  base: readonly PropertyKey[] = [],
): ValidationIssue[] {
  const out: ValidationIssue[] = []
  for (const issue of issues) {
    const segments = [...base, ...issue.path]
    const path = pathText(segments)
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: joinPath(path, key) || '(root)', message: 'is not a known field' })
      continue
    }
    if (issue.code === 'invalid_union') {
      const value = valueAt(doc, segments)
      // The branch for the value's own shape (a list, an object): the one that did not refuse
      // the value outright for its type or literal value.
      const branch = issue.errors.find((errors) =>
        errors.every(
          (e) => e.path.length > 0 || (e.code !== 'invalid_type' && e.code !== 'invalid_value'),
        ),
      )
      if (branch !== undefined && typeof value === 'object' && value !== null) {
        out.push(...toValidationIssues(branch, doc, segments))
        continue
      }
      const words = UNION_MESSAGES.find(([pattern]) => pattern.test(path))?.[1]
      out.push({
        path: path || '(root)',
        message: words === undefined ? issue.message : `${words}, got ${describe(value)}`,
      })
      continue
    }
    out.push({ path: path || '(root)', message: issue.message })
  }
  return out
}
