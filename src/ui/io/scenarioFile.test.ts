import { describe, expect, it } from 'vitest'
import { validateScenario } from '../../domain/derive/validateScenario.ts'
import { tinyScenario } from '../../domain/scenario/builtins/tiny.ts'
import { parseScenarioText } from '../../domain/scenario/parse.ts'
import { scenarioFileText, schemaUrl } from './scenarioFile.ts'

describe('exported scenario files', () => {
  it('name the schema served beside the page, on any sub-path', () => {
    expect(schemaUrl('https://example.org/tools/planner/index.html')).toBe(
      'https://example.org/tools/planner/scenario.schema.json',
    )
    expect(schemaUrl('http://127.0.0.1:4310/')).toBe('http://127.0.0.1:4310/scenario.schema.json')
  })

  it('put $schema first, replace an old one, and read back as the same scenario', () => {
    const doc = { ...tinyScenario(), $schema: 'https://elsewhere.example/old.json' }
    const text = scenarioFileText(doc, 'https://example.org/planner/')
    expect(Object.keys(JSON.parse(text) as object)[0]).toBe('$schema')
    expect(JSON.parse(text).$schema).toBe('https://example.org/planner/scenario.schema.json')
    const read = parseScenarioText(text)
    if (!read.ok) throw new Error('the exported file is not JSON')
    const back = validateScenario(read.json)
    const original = validateScenario(tinyScenario())
    expect(back.ok && original.ok).toBe(true)
    if (back.ok && original.ok) expect(back.scenario).toEqual(original.scenario)
  })
})
