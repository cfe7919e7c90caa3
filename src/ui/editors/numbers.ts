/**
 * Parsing of typed numbers for the editors. Invalid text is never applied: the editor keeps the
 * text in its field and shows the message these functions return.
 */

export interface NumberRule {
  /** Smallest allowed value (inclusive). */
  min?: number
  /** Values must be strictly above this. */
  above?: number
  /** Largest allowed value (inclusive). */
  max?: number
  integer?: boolean
  /** Empty text is allowed and means "no value" (a default applies). */
  optional?: boolean
}

export type ParsedNumber = { ok: true; value: number | undefined } | { ok: false; message: string }

/** Shows a number without binary noise (0.1 + 0.2 → "0.3"). */
export function plainNumber(value: number): string {
  return String(Number(value.toPrecision(12)))
}

/** What the rule accepts, as a sentence ("Enter a whole number from 0 to 10"). */
export function describeRule(rule: NumberRule): string {
  const what = rule.integer === true ? 'a whole number' : 'a number'
  const low =
    rule.above !== undefined
      ? `above ${plainNumber(rule.above)}`
      : rule.min !== undefined
        ? `from ${plainNumber(rule.min)}`
        : undefined
  const high = rule.max !== undefined ? plainNumber(rule.max) : undefined
  let range = ''
  if (low !== undefined && high !== undefined) {
    range = rule.above !== undefined ? ` ${low} and at most ${high}` : ` ${low} to ${high}`
  } else if (low !== undefined) {
    range = rule.above !== undefined ? ` ${low}` : ` of at least ${plainNumber(rule.min ?? 0)}`
  } else if (high !== undefined) {
    range = ` of at most ${high}`
  }
  return `Enter ${what}${range}${rule.optional === true ? ', or leave empty' : ''}`
}

/** Parses typed text against a rule; accepts plain and exponent notation (1e6), not commas. */
export function parseNumber(text: string, rule: NumberRule): ParsedNumber {
  const trimmed = text.trim()
  if (trimmed === '') {
    return rule.optional === true
      ? { ok: true, value: undefined }
      : { ok: false, message: describeRule(rule) }
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) {
    return { ok: false, message: describeRule(rule) }
  }
  const value = Number(trimmed)
  const bad =
    !Number.isFinite(value) ||
    (rule.integer === true && !Number.isInteger(value)) ||
    (rule.min !== undefined && value < rule.min) ||
    (rule.above !== undefined && value <= rule.above) ||
    (rule.max !== undefined && value > rule.max)
  return bad ? { ok: false, message: describeRule(rule) } : { ok: true, value }
}

/** Converts a value shown in display units (e.g. Mbit) to stored units (bit), without noise. */
export function toStored(displayValue: number, scale: number): number {
  return scale === 1 ? displayValue : Number((displayValue * scale).toPrecision(12))
}

/** The scenario's id syntax. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/

/** Checks a new id; returns a message when it cannot be used. */
export function checkId(id: string, taken: Iterable<string>, current?: string): string | undefined {
  if (!ID_PATTERN.test(id)) return 'Use 1–64 letters, digits or _ . : -'
  for (const other of taken) {
    if (other === id && other !== current) return `The id "${id}" is already used`
  }
  return undefined
}
