import { describe, expect, it } from 'vitest'
import { terminalSafe } from './terminal.ts'

describe('terminal output', () => {
  it('drops ANSI escapes and carriage returns from user text, keeping tabs and newlines', () => {
    expect(terminalSafe('Day\u001b[2J\u001b[H\r one\tA\n')).toBe('Day[2J[H one\tA\n')
  })

  it('writes DEL and C1 controls as JSON escapes, so JSON output keeps the same data', () => {
    const json = JSON.stringify({ id: 'a\u0085b\u009bc\u007f' })
    const safe = terminalSafe(json)
    expect(safe).not.toMatch(/[\u007f-\u009f]/)
    expect(JSON.parse(safe)).toEqual({ id: 'a\u0085b\u009bc\u007f' })
  })
})
