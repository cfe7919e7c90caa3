/**
 * Scenario import and chart CSV, without a browser.
 */
import { describe, expect, it } from 'vitest'
import { tinyScenario } from '../../domain/scenario/builtins/tiny.ts'
import { validateScenario } from '../../domain/derive/validateScenario.ts'
import { keyUseData, keyUseTable, storeData } from '../charts/transforms.ts'
import { csvCell, tidyCsv, seriesAndUnit } from './csv.ts'
import { fileStem } from './download.ts'
import { parseScenarioText } from './importScenario.ts'

describe('parseScenarioText', () => {
  it('accepts a valid scenario and fills its defaults', () => {
    const result = parseScenarioText(JSON.stringify(tinyScenario()))
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.scenario.policy.slaWeight).toBe(1)
  })

  it('reports broken JSON and every validation problem at its path', () => {
    expect(parseScenarioText('{"format":')).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: expect.stringMatching(/^not valid JSON/) }],
    })
    const doc = tinyScenario() as any
    doc.qkd.links[0].a = 'X'
    doc.qkd.links[1].a = 'Y'
    const result = parseScenarioText(JSON.stringify(doc))
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(['qkd.links[0].a', 'qkd.links[1].a']),
      )
  })
})

describe('parseScenarioText, text as editors write it', () => {
  it('accepts a leading UTF-8 byte-order mark', () => {
    const result = parseScenarioText(`\ufeff${JSON.stringify(tinyScenario(), null, 2)}`)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.scenario.name).toBe('Tiny relay example')
  })

  it('names the line and column where the JSON breaks, not counting a byte-order mark', () => {
    const text = JSON.stringify(tinyScenario(), null, 2).replace('"seed": 7,', '"seed": 7')
    const line = text.split('\n').findIndex((l) => l.includes('"seed": 7')) + 2
    for (const file of [text, `\ufeff${text}`]) {
      const result = parseScenarioText(file)
      expect(result.ok).toBe(false)
      if (!result.ok)
        expect(result.issues).toEqual([
          {
            path: '(root)',
            message: `not valid JSON at line ${line}, column 3: unexpected "\\"" where ',' or '}' should be`,
          },
        ])
    }
  })
})

describe('tidyCsv', () => {
  it('writes one row per observation with unit, hash and version, quoting where needed', () => {
    const csv = tidyCsv(
      'risk',
      { columns: ['Slot start', 'Oracle (€)', 'Greedy, myopic (€)'], rows: [['00:00', 1.5, 2]] },
      'abc',
    )
    expect(csv.split('\r\n')).toEqual([
      'chart,Slot start,series,value,unit,scenario_hash,app_version',
      'risk,00:00,Oracle,1.5,€,abc,0.1.0',
      'risk,00:00,"Greedy, myopic",2,€,abc,0.1.0',
      '',
    ])
  })

  it('writes text that a spreadsheet would run as a formula as text, and numbers as numbers', () => {
    for (const hostile of ['=1+1', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(hostile).replace(/^"/, '')).toMatch(/^'/)
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell(-3.5)).toBe('-3.5')
    expect(csvCell(-1e-7)).toBe('-1e-7')
    // A number that reached the table already as text is still a number, not a formula.
    expect(csvCell('-3.5')).toBe('-3.5')
    expect(csvCell('Dispatch - night')).toBe('Dispatch - night')
  })

  it('neutralises hostile process labels in a chart export', () => {
    const doc = tinyScenario() as any
    doc.processes[0].label = '=HYPERLINK("http://evil.example","open")'
    doc.processes[1].label = '@cmd|"/c calc"!A0'
    const validated = validateScenario(doc)
    if (!validated.ok) throw new Error('the hostile labels are valid scenario text')
    const scenario = validated.scenario
    const ids = scenario.processes.map((p) => p.id)
    const plan = {
      slots: 2,
      slotMinutes: 60,
      byProcess: Object.fromEntries(
        ids.map((id) => [id, { keyUsedBits: [-2.5e6, 1e6], slaViolations: [0, 0] }]),
      ),
      supplyBits: { 'CC-R': [3e6, 3e6] },
      links: {},
    }
    const table = keyUseTable(keyUseData(plan, scenario), storeData(plan, scenario, []))
    const lines = tidyCsv('key-use', table, 'abc').split('\r\n')
    const series = lines.slice(1, -1).map((line) => parseCsvLine(line)[2])
    expect(series).toContain(`'${doc.processes[0].label} used`)
    expect(series).toContain(`'${doc.processes[1].label} used`)
    // No field of any row starts with a formula character, and the negative value stays numeric.
    for (const line of lines.slice(1, -1))
      for (const field of parseCsvLine(line)) expect(field).not.toMatch(/^[=+@\t\r]|^-(?!\d)/)
    expect(lines).toContain(
      `key-use,00:00,"'${doc.processes[0].label.replace(/"/g, '""')} used",-2.5,Mbit,abc,0.1.0`,
    )
  })

  it('splits a unit off a column name', () => {
    expect(seriesAndUnit('Key used (Mbit)')).toEqual({ series: 'Key used', unit: 'Mbit' })
    expect(seriesAndUnit('Policy')).toEqual({ series: 'Policy', unit: '' })
  })
})

/** The fields of one RFC 4180 line (quoted fields may hold commas and doubled quotes). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = ''
      i++
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') [value, i] = [value + '"', i + 2]
        else if (line[i] === '"') break
        else [value, i] = [value + line[i], i + 1]
      }
      fields.push(value)
      i += 2
    } else {
      const end = line.indexOf(',', i)
      fields.push(line.slice(i, end < 0 ? line.length : end))
      i = end < 0 ? line.length + 1 : end + 1
    }
  }
  return fields
}

describe('fileStem', () => {
  it('makes a safe file name from any scenario name', () => {
    expect(fileStem('Representative VPP day')).toBe('representative-vpp-day')
    expect(fileStem('<script>alert(1)</script>')).toBe('script-alert-1-script')
    expect(fileStem('***')).toBe('scenario')
  })
})
