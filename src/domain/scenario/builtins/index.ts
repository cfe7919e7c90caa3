/**
 * The built-in scenarios, by name. Each returns a fresh JSON-ready document, so callers may edit it.
 */
import { largeScenario } from './large.ts'
import { representativeScenario } from './representative.ts'
import { tinyScenario } from './tiny.ts'

export const BUILTIN_SCENARIOS = {
  representative: representativeScenario,
  tiny: tinyScenario,
  large: largeScenario,
} as const

export type BuiltinName = keyof typeof BUILTIN_SCENARIOS

export function isBuiltinName(name: string): name is BuiltinName {
  return Object.hasOwn(BUILTIN_SCENARIOS, name)
}
