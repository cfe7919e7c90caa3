/**
 * Editor rules from the scenario schema: every bound an editor enforces is the format's own, so a
 * value the editor accepts is one the validator accepts.
 */
import type * as z from 'zod'
import { ruleOf } from '../../domain/scenario/fields.ts'
import type { NumberRule } from './numbers.ts'

/**
 * The rule for `field`, in the unit the editor shows: with `scale` (the stored value per shown
 * unit, 1e6 for a field stored in bits and shown in Mbit) the bounds are divided by it.
 */
export function editorRule(
  field: z.ZodNumber,
  options: { scale?: number; optional?: boolean } = {},
): NumberRule {
  const rule = ruleOf(field)
  const scale = options.scale ?? 1
  const out: NumberRule = {}
  if (rule.min !== undefined) {
    if (rule.minExclusive === true) out.above = rule.min / scale
    else out.min = rule.min / scale
  }
  if (rule.max !== undefined) out.max = rule.max / scale
  if (rule.integer === true) out.integer = true
  if (options.optional === true) out.optional = true
  return out
}

/** The field's description from the schema, for titles and help text. */
export function fieldDescription(field: z.ZodNumber): string {
  return ruleOf(field).description
}
