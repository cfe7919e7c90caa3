/**
 * Small typed readers for untrusted JSON. Each reader records a `path: message` problem instead of
 * throwing, so the validator can report every problem of a file at once.
 */

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

export interface NumberRule {
  min?: number
  max?: number
  /** Lower bound is exclusive. */
  minExclusive?: boolean
  integer?: boolean
}

/** Collects problems while reading one document. */
export class FieldReader {
  readonly issues: ValidationIssue[] = []

  report(path: string, message: string): void {
    this.issues.push({ path: path === '' ? '(root)' : path, message })
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (isObject(value)) return value
    this.report(
      path,
      value === undefined ? 'is required' : `must be an object, got ${describe(value)}`,
    )
    return undefined
  }

  /** Reads an optional object; absent gives an empty object so defaults apply. */
  optionalObject(value: unknown, path: string): JsonObject {
    if (value === undefined) return {}
    return this.object(value, path) ?? {}
  }

  array(value: unknown, path: string, required = true): unknown[] {
    if (Array.isArray(value)) return value
    if (value === undefined && !required) return []
    this.report(
      path,
      value === undefined ? 'is required' : `must be an array, got ${describe(value)}`,
    )
    return []
  }

  string(value: unknown, path: string, fallback?: string): string {
    if (typeof value === 'string' && value.length > 0) return value
    if (value === undefined && fallback !== undefined) return fallback
    if (value === undefined) this.report(path, 'is required')
    else if (typeof value === 'string') this.report(path, 'must not be empty')
    else this.report(path, `must be a string, got ${describe(value)}`)
    return fallback ?? ''
  }

  id(value: unknown, path: string): string {
    const id = this.string(value, path)
    if (id !== '' && !/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) {
      this.report(
        path,
        `id "${truncate(id)}" may use only letters, digits, _ . : - (1–64 characters)`,
      )
    }
    return id
  }

  boolean(value: unknown, path: string, fallback: boolean): boolean {
    if (value === undefined) return fallback
    if (typeof value === 'boolean') return value
    this.report(path, `must be true or false, got ${describe(value)}`)
    return fallback
  }

  /** Reads a number; `fallback` undefined makes the field required. */
  number(value: unknown, path: string, rule: NumberRule, fallback?: number): number {
    if (value === undefined) {
      if (fallback !== undefined) return fallback
      this.report(path, 'is required')
      return Number.NaN
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.report(path, `must be a finite number, got ${describe(value)}`)
      return fallback ?? Number.NaN
    }
    if (rule.integer === true && !Number.isInteger(value)) {
      this.report(path, `must be a whole number, got ${value}`)
    }
    const { min, max } = rule
    const belowMin = min !== undefined && (rule.minExclusive === true ? value <= min : value < min)
    if (belowMin || (max !== undefined && value > max)) {
      this.report(path, `must be ${rangeText(rule)}, got ${value}`)
    }
    return value
  }

  optionalNumber(value: unknown, path: string, rule: NumberRule): number | undefined {
    if (value === undefined) return undefined
    return this.number(value, path, rule)
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[], fallback?: T): T {
    if (value === undefined && fallback !== undefined) return fallback
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
      return value as T
    }
    this.report(
      path,
      value === undefined
        ? `is required (one of ${allowed.join(', ')})`
        : `must be one of ${allowed.join(', ')}, got ${describe(value)}`,
    )
    return fallback ?? (allowed[0] as T)
  }

  /** Reports fields of `obj` that are not in `known` (typos would otherwise be silently ignored). */
  unknownKeys(obj: JsonObject, path: string, known: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) this.report(joinPath(path, key), 'is not a known field')
    }
  }
}

function rangeText(rule: NumberRule): string {
  const { min, max } = rule
  if (min !== undefined && max !== undefined) {
    return rule.minExclusive === true
      ? `greater than ${min} and at most ${max}`
      : `between ${min} and ${max}`
  }
  if (min !== undefined)
    return rule.minExclusive === true ? `greater than ${min}` : `at least ${min}`
  if (max !== undefined) return `at most ${max}`
  return 'a number'
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
