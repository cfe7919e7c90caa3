import { describe, expect, it } from 'vitest'
import { checkId, describeRule, parseNumber, plainNumber, toStored } from './numbers.ts'

describe('parseNumber', () => {
  it('accepts numbers within the rule', () => {
    expect(parseNumber(' 12.5 ', { min: 0, max: 1000 })).toEqual({ ok: true, value: 12.5 })
    expect(parseNumber('1e6', { min: 0 })).toEqual({ ok: true, value: 1e6 })
    expect(parseNumber('.5', { min: 0, max: 0.5 })).toEqual({ ok: true, value: 0.5 })
  })

  it('rejects text, out-of-range and fractional values with a message', () => {
    for (const [text, rule] of [
      ['abc', { min: 0 }],
      ['12km', { min: 0 }],
      ['1,5', { min: 0 }],
      ['-1', { min: 0 }],
      ['0.6', { min: 0, max: 0.5 }],
      ['2.5', { min: 0, integer: true }],
      ['0', { above: 0 }],
      ['Infinity', {}],
      ['', {}],
    ] as const) {
      const parsed = parseNumber(text, rule)
      expect(parsed.ok, text).toBe(false)
      if (!parsed.ok) expect(parsed.message).toMatch(/^Enter /)
    }
  })

  it('treats empty text as no value only when the field is optional', () => {
    expect(parseNumber('  ', { optional: true })).toEqual({ ok: true, value: undefined })
  })
})

describe('describeRule', () => {
  it('states the accepted range', () => {
    expect(describeRule({ min: 0, max: 1000 })).toBe('Enter a number from 0 to 1000')
    expect(describeRule({ min: 0, integer: true })).toBe('Enter a whole number of at least 0')
    expect(describeRule({ above: 0 })).toBe('Enter a number above 0')
    expect(describeRule({ min: 0, max: 1e10, optional: true })).toBe(
      'Enter a number from 0 to 10000000000, or leave empty',
    )
  })
})

describe('number display and scaling', () => {
  it('hides binary noise', () => {
    expect(plainNumber(0.1 + 0.2)).toBe('0.3')
    expect(plainNumber(0.5e6 / 1e6)).toBe('0.5')
  })
  it('converts display units to stored units exactly', () => {
    expect(toStored(1.1, 1e6)).toBe(1_100_000)
    expect(toStored(7, 1)).toBe(7)
  })
})

describe('checkId', () => {
  it('enforces the id syntax and uniqueness', () => {
    expect(checkId('G1', ['A', 'B'])).toBeUndefined()
    expect(checkId('A', ['A', 'B'])).toMatch(/already used/)
    expect(checkId('A', ['A', 'B'], 'A')).toBeUndefined()
    expect(checkId('has space', [])).toMatch(/letters/)
    expect(checkId('', [])).toMatch(/letters/)
  })
})
