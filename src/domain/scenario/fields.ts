/**
 * Field builders for the scenario schema: each numeric field is declared once with its bounds,
 * unit and description, and the same declaration serves validation (with the planner's wording),
 * the JSON Schema (`scenario.schema.json`) and the dashboard's editors (`ruleOf`).
 */
import * as z from 'zod'

/** The bounds, unit and meaning of one numeric field. */
export interface FieldRule {
  min?: number
  max?: number
  /** The lower bound is exclusive. */
  minExclusive?: boolean
  integer?: boolean
  /** Unit as written in the field's name and the README ("bits", "ms", "€", "fraction"). */
  unit: string
  description: string
}

const rules = new WeakMap<z.ZodType, FieldRule>()

/** "between 0 and 1", "greater than 0 and at most 86400", "at least 0". */
export function rangeText(rule: Pick<FieldRule, 'min' | 'max' | 'minExclusive'>): string {
  const { min, max } = rule
  const exclusive = rule.minExclusive === true
  if (min !== undefined && max !== undefined)
    return exclusive ? `greater than ${min} and at most ${max}` : `between ${min} and ${max}`
  if (min !== undefined) return exclusive ? `greater than ${min}` : `at least ${min}`
  if (max !== undefined) return `at most ${max}`
  return 'a number'
}

/** A finite number field with the planner's messages for each bound it breaks. */
export function num(rule: FieldRule): z.ZodNumber {
  const outOfRange = (issue: { input?: unknown }): string =>
    `must be ${rangeText(rule)}, got ${String(issue.input)}`
  let schema = z.number()
  if (rule.min !== undefined)
    schema =
      rule.minExclusive === true
        ? schema.gt(rule.min, { error: outOfRange })
        : schema.gte(rule.min, { error: outOfRange })
  if (rule.max !== undefined) schema = schema.lte(rule.max, { error: outOfRange })
  // A refinement rather than `.int()`, which stops at the fraction: a file with 300.5 where
  // 1..288 is allowed hears both problems at once.
  if (rule.integer === true)
    schema = schema.refine(Number.isInteger, {
      error: (i) => `must be a whole number, got ${String(i.input)}`,
    })
  schema = schema.meta({
    description: rule.unit === '' ? rule.description : `${rule.description} (${rule.unit})`,
    unit: rule.unit,
    ...(rule.integer === true && { type: 'integer' }),
  })
  rules.set(schema, rule)
  return schema
}

/** The rule a field was declared with, for the editors. */
export function ruleOf(schema: z.ZodType): FieldRule {
  const rule = rules.get(schema)
  if (rule === undefined) throw new Error('ruleOf: not a field declared with num()')
  return rule
}

/** Ids are data: letters, digits and `_ . : -`, 1–64 characters (any such id is valid). */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/

/** A required, non-empty string. */
export function text(description: string, maxLength?: number): z.ZodString {
  let schema = z.string().min(1, { error: 'must not be empty' })
  if (maxLength !== undefined)
    schema = schema.max(maxLength, { error: `must be at most ${maxLength} characters` })
  return schema.meta({ description })
}

/** An id field. */
export function id(what: string): z.ZodString {
  return z
    .string()
    .min(1, { error: 'must not be empty', abort: true })
    .regex(ID_PATTERN, {
      error: (i) =>
        `id "${shorten(String(i.input))}" may use only letters, digits, _ . : - (1–64 characters)`,
    })
    .meta({ description: `Id of the ${what}: letters, digits, _ . : - (1–64 characters)` })
}

/** A list with at most `max` entries. */
export function list<T extends z.ZodType>(item: T, max: number, description: string) {
  return z
    .array(item)
    .max(max, { error: (i) => `has ${lengthOf(i.input)} entries; at most ${max} are supported` })
    .meta({ description })
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0
}

/** Shortens user text for a message. */
export function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value
}
