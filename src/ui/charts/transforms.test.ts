import { describe, expect, it } from 'vitest'
import type { ComparedPolicyReport, Comparison } from '../../domain/report/comparisonReport.ts'
import type { LinkReport } from '../../domain/report/oracleReport.ts'
import type { ThresholdPoint } from '../../domain/report/thresholdPoints.ts'
import { tinyScenario } from '../../domain/scenario/builtins/tiny.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { validateScenario } from '../../domain/derive/validateScenario.ts'
import { POLICY_SERIES, processColour } from './chartConfig.ts'
import {
  drawnLinksNote,
  focusLink,
  formatDecadeEur,
  keyUseData,
  keyUseTable,
  linkLabel,
  linkSeries,
  linksToDraw,
  logAxis,
  policyRows,
  positivePerMbit,
  priceData,
  priceTable,
  processSeries,
  slaData,
  slotTickInterval,
  storeData,
  thresholdData,
  waitingRows,
} from './transforms.ts'

function tiny(): Scenario {
  const result = validateScenario(tinyScenario())
  if (!result.ok) throw new Error('tiny scenario is invalid')
  return result.scenario
}

const link = (prices: number[], store: number[] = []): LinkReport => ({
  shadowPriceEurPerBit: prices,
  storeBits: store,
  usedBits: [],
})

// The tiny day: 4 one-hour slots, processes dispatch and metering, links CC-R and R-GW.
const plan = {
  slots: 4,
  slotMinutes: 60,
  byProcess: {
    metering: { keyUsedBits: [1e6, 2e6, 0, 5e5], slaViolations: [0, 3, 0, 1] },
    dispatch: { keyUsedBits: [3e6, 0, 1e6, 0], slaViolations: [2, 0, 4, 0] },
  },
  supplyBits: { 'CC-R': [9e6, 9e6, 9e6, 9e6], 'R-GW': [7e6, 7e6, 7e6, 1.4e6] },
  links: {
    'R-GW': link([0, 2e-12, 5e-6, 1e-9], [1e6, 5e5, 0, 2.5e5]),
    'CC-R': link([1e-15, 0, 0, 0], [1.8e6, 1.8e6, 1.8e6, 1e6]),
  },
}

describe('labels and series', () => {
  it('names links by their end nodes and keeps unknown ids', () => {
    expect(linkLabel(tiny(), 'R-GW')).toBe('R–GW')
    expect(linkLabel(tiny(), 'gone')).toBe('gone')
  })

  it('orders processes as in the scenario with safe keys and scenario colours', () => {
    const series = processSeries(tiny(), ['metering', 'dispatch', 'extra.one'])
    expect(series.map((s) => [s.key, s.id, s.label])).toEqual([
      ['p0', 'dispatch', 'Dispatch'],
      ['p1', 'metering', 'Metering'],
      ['p2', 'extra.one', 'extra.one'],
    ])
    expect(series[0]?.colour).toBe(processColour(0))
    expect(series[1]?.colour).toBe(processColour(1))
    expect(series[2]?.colour).toBe(processColour(2))
  })

  it('labels links in the order given', () => {
    expect(linkSeries(tiny(), ['R-GW', 'CC-R']).map((s) => `${s.key}:${s.label}`)).toEqual([
      'l0:R–GW',
      'l1:CC–R',
    ])
  })
})

describe('links to draw', () => {
  it('draws every link in scenario order when there are few', () => {
    expect(linksToDraw(tiny(), plan.links)).toEqual(['CC-R', 'R-GW'])
    expect(linksToDraw(tiny(), plan.links, 'CC-R', 2)).toEqual(['CC-R', 'R-GW'])
  })

  it('keeps the most expensive links, then the picked one', () => {
    // R-GW peaks at 5e-6 €/bit, CC-R at 1e-15.
    expect(linksToDraw(tiny(), plan.links, undefined, 1)).toEqual(['R-GW'])
    expect(linksToDraw(tiny(), plan.links, 'CC-R', 1)).toEqual(['R-GW', 'CC-R'])
    expect(linksToDraw(tiny(), plan.links, 'R-GW', 1)).toEqual(['R-GW'])
    expect(linksToDraw(tiny(), plan.links, 'gone', 1)).toEqual(['R-GW'])
  })

  it('says what it leaves out', () => {
    expect(drawnLinksNote(10, 10)).toBe('')
    expect(drawnLinksNote(8, 150)).toContain(
      'the 8 links with the highest peak shadow price of 150',
    )
    expect(drawnLinksNote(8, 150)).not.toContain('picked')
    expect(drawnLinksNote(9, 150)).toContain('plus the picked link')
  })
})

describe('SLA and key use', () => {
  it('gives late messages per slot per process and their total', () => {
    const { series, rows } = slaData(plan, tiny())
    expect(series.map((s) => s.id)).toEqual(['dispatch', 'metering'])
    expect(rows.map((r) => [r.time, r.p0, r.p1, r.total])).toEqual([
      ['00:00', 2, 0, 2],
      ['01:00', 0, 3, 3],
      ['02:00', 4, 0, 4],
      ['03:00', 0, 1, 1],
    ])
  })

  it('gives key used per process and summed supply in Mbit', () => {
    const { rows } = keyUseData(plan, tiny())
    expect(rows.map((r) => [r.p0, r.p1, r.used, r.supply])).toEqual([
      [3, 1, 4, 16],
      [0, 2, 2, 16],
      [1, 0, 1, 16],
      [0, 0.5, 0.5, 10.4],
    ])
  })

  it('tables key use, supply and every store', () => {
    const table = keyUseTable(keyUseData(plan, tiny()), storeData(plan, tiny()))
    expect(table.columns).toEqual([
      'Slot start',
      'Dispatch used (Mbit)',
      'Metering used (Mbit)',
      'Total used (Mbit)',
      'Total supply (Mbit)',
      'Store CC–R (Mbit)',
      'Store R–GW (Mbit)',
    ])
    expect(table.rows[3]).toEqual(['03:00', 0, 0.5, 0.5, 10.4, 1, 0.25])
  })

  it('gives every link store in Mbit', () => {
    const { series, rows } = storeData(plan, tiny())
    expect(series.map((s) => s.id)).toEqual(['CC-R', 'R-GW'])
    expect(rows.map((r) => [r.l0, r.l1])).toEqual([
      [1.8, 1],
      [1.8, 0.5],
      [1.8, 0],
      [1, 0.25],
    ])
  })
})

describe('shadow prices', () => {
  it('maps prices to € per Mbit and zero to null', () => {
    expect(positivePerMbit(5e-6)).toBeCloseTo(5, 12)
    expect(positivePerMbit(0)).toBeNull()
    expect(positivePerMbit(-1e-9)).toBeNull()
    expect(positivePerMbit(undefined)).toBeNull()
    expect(positivePerMbit(Number.NaN)).toBeNull()
  })

  it('focuses on the selected link, else on the most expensive one', () => {
    expect(focusLink(plan.links, 'CC-R')).toBe('CC-R')
    expect(focusLink(plan.links, 'missing')).toBe('R-GW')
    expect(focusLink(plan.links, undefined)).toBe('R-GW')
    expect(focusLink({}, undefined)).toBeUndefined()
  })

  it('reads a picked link called after a built-in as absent when the plan lacks it', () => {
    // What a worker answer looks like on the page: structured clone gives records
    // Object.prototype back, so `constructor` and `toString` are inherited members.
    const links: Record<string, LinkReport> = structuredClone({ 'R-GW': plan.links['R-GW'] })
    expect(focusLink(links, 'constructor')).toBe('R-GW')
    expect(focusLink(links, 'toString')).toBe('R-GW')
    expect(linksToDraw(tiny(), links, 'constructor', 0)).toEqual([])
  })

  it('adds the proposed prices of the focused link only when it has some', () => {
    const proposed = { 'R-GW': link([1e-6, 0, 2e-6, 3e-6]), 'CC-R': link([]) }
    const withProposed = priceData(plan, tiny(), proposed, 'R-GW')
    expect(withProposed.hasProposed).toBe(true)
    const round = (v: number | string | null | undefined) =>
      typeof v === 'number' ? Number(v.toPrecision(6)) : v
    const rows = withProposed.rows.map((r) => [r.l0, r.l1, r.proposed].map(round))
    expect(rows).toEqual([
      [1e-9, null, 1],
      [null, 2e-6, null],
      [null, 5, 2],
      [null, 0.001, 3],
    ])
    const table = priceTable(withProposed, 'Proposed, link R–GW')
    expect(table.columns).toEqual([
      'Slot start',
      'CC–R (€/Mbit)',
      'R–GW (€/Mbit)',
      'Proposed, link R–GW (€/Mbit)',
    ])
    expect(table.rows[1]).toEqual(['01:00', 0, 0.000002, 0])
    const without = priceData(plan, tiny(), proposed, 'CC-R')
    expect(without.hasProposed).toBe(false)
    expect(without.rows[0]).not.toHaveProperty('proposed')
  })

  it('builds whole-decade log axes with few ticks', () => {
    expect(logAxis([0.02, 300, null, 0, -1])).toEqual({
      domain: [0.01, 1000],
      ticks: [0.01, 0.1, 1, 10, 100, 1000],
    })
    // 16 decades thin to every third decade, ending on a tick.
    const wide = logAxis([2e-11, 5e5])
    expect(wide?.domain).toEqual([1e-11, 1e7])
    expect(wide?.ticks).toEqual([1e-11, 1e-8, 1e-5, 0.01, 10, 1e4, 1e7])
    expect(logAxis([1, 1])?.domain).toEqual([1, 10])
    expect(logAxis([0, null, undefined])).toBeUndefined()
  })

  it('formats decade ticks in euros', () => {
    expect(formatDecadeEur(0.01)).toBe('€0.01')
    expect(formatDecadeEur(10000)).toBe('€10,000')
    expect(formatDecadeEur(1e-6)).toBe('€1e-6')
    expect(formatDecadeEur(1e5)).toBe('€1e5')
  })
})

describe('threshold points', () => {
  const point = (pathPrice: number, valuePerBit: number, taken: number): ThresholdPoint => ({
    flowId: 'CC->GW',
    processId: 'dispatch',
    slot: 2,
    from: 'D0',
    to: 'D1',
    valuePerBit,
    pathPrice,
    taken,
  })

  it('splits taken from untaken, drops zero prices and shares one axis', () => {
    const data = thresholdData([
      point(1e-6, 3e-6, 1),
      point(1e-6, 2e-7, 0),
      point(4e-6, 4e-6, 0.5),
      point(0, 5e-6, 1),
    ])
    expect(data.dropped).toBe(1)
    expect(data.taken.map((d) => [d.price, d.value])).toEqual([[1, 3]])
    expect(data.notTaken.map((d) => Number(d.value.toPrecision(6)))).toEqual([0.2, 4])
    expect(data.notTaken[1]?.taken).toBe(0.5)
    expect(data.axis).toEqual({ domain: [0.1, 10], ticks: [0.1, 1, 10] })
  })

  it('has no axis when nothing can be drawn', () => {
    const data = thresholdData([point(0, 1e-6, 1)])
    expect(data.dropped).toBe(1)
    expect(data.axis).toBeUndefined()
  })
})

describe('policy table', () => {
  const report = (objective: number, regret: number | null): ComparedPolicyReport =>
    ({
      objectiveEur: objective,
      residualRiskEur: 70.4,
      slaViolations: 25137,
      keyUsedBits: 1.5e9,
      keyUtilization: 0.8843,
      regretVsOracle: regret,
      inWindows: { riskEur: 69.86, peakRiskEur: 7.6 },
      robustness: { meanRiskEur: 70, cvar95RiskEur: 81.25, days: 1 },
    }) as ComparedPolicyReport

  it('lists present policies in fixed order with formatted figures', () => {
    const comparison = {
      policies: { greedy: report(40000, 2.1651), oracle: report(12638, 0) },
      planningMs: 0,
      totalMs: 0,
    } as Comparison
    const rows = policyRows(comparison)
    expect(rows.map((r) => r[0])).toEqual([POLICY_SERIES.oracle.label, POLICY_SERIES.greedy.label])
    expect(rows[0]).toEqual([
      POLICY_SERIES.oracle.label,
      '€12,638',
      '0.00 %',
      '€70.4',
      '25,137',
      '1,500 Mbit',
      '88.4 %',
      '€69.86',
      '€7.6',
      '€81.25',
    ])
    expect(rows[1]?.[2]).toBe('216.51 %')
  })

  it('shows a dash for a missing regret', () => {
    const rows = policyRows({ policies: { static: report(1, null) }, planningMs: 0, totalMs: 0 })
    expect(rows[0]?.[2]).toBe('–')
  })
})

describe('slot axis', () => {
  it('labels about eight slots whatever the horizon', () => {
    expect(slotTickInterval(96)).toBe(11)
    expect(slotTickInterval(288)).toBe(35)
    expect(slotTickInterval(4)).toBe(0)
    expect(slotTickInterval(1)).toBe(0)
  })
})

describe('waitingRows', () => {
  it('lays out every slot of the horizon by its start time, with no values yet', () => {
    const scenario = tiny()
    const rows = waitingRows(scenario)
    expect(rows).toHaveLength(scenario.horizon.slots)
    expect(rows[0]).toEqual({ slot: 0, time: '00:00' })
    const last = scenario.horizon.slots - 1
    const minutes = last * scenario.horizon.slotMinutes
    const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    expect(rows[last]).toEqual({ slot: last, time: clock })
  })
})
