/**
 * Scenario import and chart CSV, without a browser.
 */
import { describe, expect, it } from 'vitest'
import { tinyScenario } from '../../domain/scenario/builtins/tiny.ts'
import { tidyCsv, seriesAndUnit } from './csv.ts'
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

  it('splits a unit off a column name', () => {
    expect(seriesAndUnit('Key used (Mbit)')).toEqual({ series: 'Key used', unit: 'Mbit' })
    expect(seriesAndUnit('Policy')).toEqual({ series: 'Policy', unit: '' })
  })
})

describe('fileStem', () => {
  it('makes a safe file name from any scenario name', () => {
    expect(fileStem('Representative VPP day')).toBe('representative-vpp-day')
    expect(fileStem('<script>alert(1)</script>')).toBe('script-alert-1-script')
    expect(fileStem('***')).toBe('scenario')
  })
})
