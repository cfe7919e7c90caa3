import { describe, expect, it } from 'vitest'
import { validateScenario } from '../../domain/derive/validateScenario.ts'
import { tinyScenario } from '../../domain/scenario/builtins/tiny.ts'
import { LINK_FIELDS, OPTION_FIELDS, PROCESS_FIELDS } from '../../domain/scenario/schema.ts'
import { parseNumber } from './numbers.ts'
import { editorRule } from './schemaRule.ts'

describe('editor rules come from the schema', () => {
  it('carry its bounds, exclusivity and wholeness, in the unit the editor shows', () => {
    expect(editorRule(OPTION_FIELDS.refreshSeconds)).toEqual({ min: 1e-3, max: 86400 })
    expect(editorRule(OPTION_FIELDS.channels)).toEqual({ min: 1, max: 10000, integer: true })
    expect(editorRule(PROCESS_FIELDS.deadlineMs)).toEqual({ above: 0, max: 8.64e7 })
    expect(editorRule(LINK_FIELDS.bufferBits, { scale: 1e6 })).toEqual({ min: 0, max: 1e6 })
    expect(editorRule(LINK_FIELDS.keyRateBps, { optional: true })).toEqual({
      min: 0,
      max: 1e10,
      optional: true,
    })
  })

  it('accept exactly what the validator accepts at the edges', () => {
    const withLength = (km: number): boolean => {
      const doc = tinyScenario() as { qkd: { links: Array<{ lengthKm: number }> } }
      doc.qkd.links[0]!.lengthKm = km
      return validateScenario(doc).ok
    }
    const rule = editorRule(LINK_FIELDS.lengthKm)
    for (const km of [0, 500, 1000, 1000.5, -1]) {
      const parsed = parseNumber(String(km), rule)
      expect(parsed.ok, `${km} km`).toBe(withLength(km))
    }
  })
})
