import { describe, expect, it } from 'vitest'
import { parseArgs, UsageError } from './args.ts'

const mistake = (argv: string[]): string => {
  try {
    parseArgs(argv).file()
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  return 'no error'
}

describe('command-line arguments', () => {
  it('read flags, options in both spellings and the FILE', () => {
    const args = parseArgs(['solve', 'day.json', '--policy', 'all', '--days=7', '--json'])
    expect(args.command).toBe('solve')
    expect(args.file()).toBe('day.json')
    expect(args.options.policy).toBe('all')
    expect(args.options.days).toBe('7')
    expect([...args.flags]).toEqual(['json'])
  })

  it('name each mistake in words', () => {
    expect(mistake(['solve', 'a.json', '--bogus'])).toBe('unknown option --bogus')
    expect(mistake(['solve', 'a.json', '--json=1'])).toBe('--json takes no value')
    expect(mistake(['solve', 'a.json', '--days'])).toBe('--days needs a value')
    expect(mistake(['solve', 'a.json', '--days='])).toBe('--days needs a value')
    expect(mistake(['solve', 'a.json', 'b.json'])).toBe('unexpected argument "b.json"')
    expect(mistake(['solve'])).toBe('solve needs a FILE (or - for stdin)')
  })

  it('keep an option called after a built-in as data', () => {
    const args = parseArgs(['solve', 'a.json', '--policy', '__proto__'])
    expect(args.options.policy).toBe('__proto__')
    expect(Object.keys(args.options)).toEqual(['policy'])
  })
})
