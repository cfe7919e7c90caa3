/// <reference types="node" />
/**
 * The README's scenario field table is the schema's: regenerate it with `npm run docs`.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  FIELD_TABLE_END,
  FIELD_TABLE_START,
  scenarioFieldTable,
} from '../domain/scenario/fieldTable.ts'
import { scenarioSchema } from '../domain/scenario/schema.ts'

/** Table cells, row by row, as Prettier's column padding leaves them. */
function cells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    )
}

describe('README scenario field table', () => {
  it('is the table the schema generates (run npm run docs after changing the format)', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8')
    const start = readme.indexOf(FIELD_TABLE_START)
    const end = readme.indexOf(FIELD_TABLE_END)
    expect(start).toBeGreaterThan(0)
    expect(cells(readme.slice(start, end))).toEqual(cells(scenarioFieldTable()))
  })

  it('lists every top-level section of the format', () => {
    const paths = cells(scenarioFieldTable()).map((row) => row[0] ?? '')
    for (const key of Object.keys(scenarioSchema.in.shape).filter((k) => k !== '$schema'))
      expect(paths.some((p) => p === `\`${key}\`` || p.startsWith(`\`${key}.`))).toBe(true)
  })
})
