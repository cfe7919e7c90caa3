import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsonSyntaxError } from './jsonSyntax.ts'

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

describe('jsonSyntaxError', () => {
  it('names the line and column of the first break', () => {
    expect(jsonSyntaxError('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      offset: 18,
      line: 3,
      column: 7,
      reason: `unexpected "2" where ':' after a property name should be`,
    })
    expect(jsonSyntaxError('{"a": x}')).toMatchObject({ line: 1, column: 7 })
    expect(jsonSyntaxError('[1, 2,]')).toMatchObject({ column: 7 })
    expect(jsonSyntaxError('{"format":')).toMatchObject({
      column: 11,
      reason: 'the text ends where a value should be',
    })
    expect(jsonSyntaxError('{"a": "x\ny"}')?.reason).toMatch(/control character U\+000A/)
    expect(jsonSyntaxError('{} {}')?.reason).toMatch(/after the end of the JSON document/)
    expect(jsonSyntaxError('')).toMatchObject({ line: 1, column: 1 })
  })

  it('survives nesting far deeper than the call stack', () => {
    expect(jsonSyntaxError('['.repeat(200_000))?.reason).toBe(
      'the text ends where a value should be',
    )
    expect(jsonSyntaxError(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeUndefined()
  })

  it('agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonSyntaxError(text)).toBeUndefined()
      }),
      { numRuns: 300 },
    )
    // Broken documents: a JSON text with one character dropped, changed or added.
    const broken = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', ':', 'x', '\n', '\\'))
      .map(([text, at, c]) => {
        const k = at % (text.length + 1)
        return text.slice(0, k) + c + text.slice(k + (c === '' ? 1 : at % 2))
      })
    fc.assert(
      fc.property(broken, (text) => {
        expect(jsonSyntaxError(text) === undefined).toBe(parses(text))
      }),
      { numRuns: 2000 },
    )
  })
})
