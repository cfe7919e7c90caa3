import { describe, expect, it } from 'vitest'
import type { ContingencyReport } from '../../domain/analysis/contingency.ts'
import type { Frontier } from '../../domain/analysis/frontier.ts'
import { representativeScenario } from '../../domain/scenario/builtins/representative.ts'
import { completeScenario } from '../../store/scenarioSlice.ts'
import type { LinkValue, LinkValues } from '../../domain/analysis/linkValue.ts'
import { slotClock } from '../format.ts'
import { bestUpgradeByLink, linkValueMapText } from '../editors/mapColour.ts'
import {
  bestUpgradeText,
  checkText,
  linkChecksText,
  linkValueRows,
  linkValueSummary,
  storeCheckText,
  formatEurSig,
  listSome,
  deltaText,
  formatShare,
  frontierRows,
  frontierSentence,
  frontierTable,
  percentLogTicks,
  tornadoRows,
  unresolvedText,
} from './transforms.ts'

const frontier: Frontier = {
  points: [
    {
      vppShare: 0.0002,
      status: 'infeasible',
      objectiveEur: null,
      residualRiskEur: null,
      slaViolations: null,
      slopeEurPerShare: null,
    },
    {
      vppShare: 0.004,
      status: 'optimal',
      objectiveEur: 120,
      residualRiskEur: 80,
      slaViolations: 3,
      slopeEurPerShare: -5000,
    },
    {
      vppShare: 0.02,
      status: 'optimal',
      objectiveEur: 60,
      residualRiskEur: 50,
      slaViolations: 0,
      slopeEurPerShare: 0,
    },
  ],
  breakpoints: [0.01],
  unresolvedIntervals: [],
  currentShare: 0.01,
  solves: 4,
  elapsedMs: 10,
}

describe('frontier shaping', () => {
  it('puts shares in percent and prices 0.1 % more share from the slope', () => {
    const rows = frontierRows(frontier)
    expect(rows.map((r) => r.sharePct)).toEqual([0.02, 0.4, 2])
    expect(rows[1]?.savingPerStepEur).toBeCloseTo(5)
    expect(rows[0]?.feasible).toBe(false)
    expect(rows[0]?.savingPerStepEur).toBeNull()
  })
  it('tells each point in domain words', () => {
    expect(formatShare(0.004)).toBe('0.40 %')
    expect(frontierSentence(frontier.points[1]!)).toBe(
      'At 0.40 % VPP share the best plan costs €120 (risk €80, 3 late messages); one more 0.10 % of share saves €5.',
    )
    expect(frontierSentence(frontier.points[0]!)).toContain('no plan meets every hard constraint')
    expect(frontierSentence(frontier.points[2]!)).toContain('more share saves nothing')
  })
  it('lists breakpoints as their own table rows, in share order', () => {
    const table = frontierTable(frontier)
    expect(table.rows.map((r) => r[0])).toEqual([0.02, 0.4, 1, 2])
    expect(table.rows[2]?.[1]).toContain('breakpoint')
    expect(table.rows[0]?.[2]).toBe('infeasible')
  })
  it('explains unresolved intervals only when there are some', () => {
    expect(unresolvedText(frontier)).toBeUndefined()
    expect(unresolvedText({ ...frontier, unresolvedIntervals: [[0.001, 0.002]] })).toContain(
      '0.10 %–0.20 %',
    )
  })
})

describe('percentLogTicks', () => {
  it('picks 1-2-5 ticks inside the range', () => {
    expect(percentLogTicks(0.02, 2)).toEqual([0.02, 0.05, 0.1, 0.2, 0.5, 1, 2])
  })
  it('falls back to the ends for a narrow range and rejects nonsense', () => {
    expect(percentLogTicks(0.3, 0.4)).toEqual([0.3, 0.4])
    expect(percentLogTicks(0, 1)).toEqual([])
  })
})

describe('checkText', () => {
  it('shows agreement or the re-solve range', () => {
    const base = { stepKbps: 0.1, raisedEurPerKbps: 2, loweredEurPerKbps: 2, relativeError: 0 }
    expect(checkText({ ...base, agrees: true }, 2)).toBe('✓ agrees')
    expect(checkText({ ...base, agrees: false, relativeError: 0.5, raisedEurPerKbps: 1 }, 2)).toBe(
      '✗ differs: re-solves give €2…€1 vs €2 (50 %)',
    )
    expect(checkText(undefined, 2)).toBe('not checked')
  })
})

describe('link value rows', () => {
  const rateCheck = { stepKbps: 0.1, raisedEurPerKbps: 2, loweredEurPerKbps: 2, relativeError: 0 }
  const storeCheck = {
    stepMbit: 0.005,
    raisedEurPerMbit: 50,
    loweredEurPerMbit: 50,
    relativeError: 0,
  }
  const link = (
    linkId: string,
    store: number,
    rate: number,
    lever: 'store' | 'rate' | 'none',
    agrees = true,
  ): LinkValue => ({
    linkId,
    a: 'CC',
    b: 'RS2',
    valueEurPerKbps: 7,
    valueEurPerKbpsLinkRate: rate,
    storeValueEurPerMbit: store,
    storeValueParts: { capacityEurPerMbit: store, reserveEurPerMbit: 0, terminalEurPerMbit: 0 },
    bestUpgrade: { lever, eurPerDay: Math.max(0, store, rate) },
    pricedSlots: 3,
    check: { ...rateCheck, agrees: true },
    storeCheck: { ...storeCheck, agrees, relativeError: agrees ? 0 : 0.5 },
  })
  const values: LinkValues = {
    status: 'optimal',
    objectiveEur: 100,
    links: [link('A', 50, 2, 'store'), link('B', 1, 10, 'rate', false), link('C', 0, 0, 'none')],
    elapsedMs: 1,
  }
  const scenario = completeScenario(representativeScenario())

  it('keeps the ranking, labels both ends and scales the bars to the best upgrade', () => {
    const rows = linkValueRows(values, scenario)
    expect(rows.map((r) => [r.rank, r.linkId, r.bar])).toEqual([
      [1, 'A', 1],
      [2, 'B', 0.2],
      [3, 'C', 0],
    ])
    expect(rows[0]!.label).toBe('A (VPP control centre–Regional substation 2)')
    expect(rows[0]!.bestText).toBe('+1 Mbit store: €50 a day')
    expect(rows[1]!.bestText).toBe('+1 kb/s rate: €10 a day')
    expect(rows[2]!.bestText).toBe('none (key is not scarce)')
    expect(rows.map((r) => r.agrees)).toEqual([true, false, true])
    expect(rows[0]!.checkText).toBe('✓ agrees')
    expect(rows[1]!.checkText).toBe(
      'store ✗ differs: re-solves give €50…€50 vs €1 (50 %); rate ✓ agrees',
    )
    expect(linkValueRows(values, undefined)[0]!.label).toBe('A (CC–RS2)')
  })

  it('sums up the best upgrade, or says no link is scarce', () => {
    expect(linkValueSummary(values)).toBe(
      'The best single upgrade is +1 Mbit store: €50 a day on A; 2 of 3 links agree with their re-solves on both levers.',
    )
    expect(linkValueSummary({ ...values, links: [link('C', 0, 0, 'none')] })).toContain(
      'No link is scarce',
    )
  })

  it('words each check and the upgrade', () => {
    expect(storeCheckText(undefined, 1)).toBe('not checked')
    expect(storeCheckText({ ...storeCheck, agrees: true }, 50)).toBe('✓ agrees')
    const unchecked = { ...link('D', 1, 1, 'rate') }
    delete unchecked.check
    delete unchecked.storeCheck
    expect(linkChecksText(unchecked)).toBe('not checked')
    expect(bestUpgradeText({ lever: 'rate', eurPerDay: 0.000812345 })).toBe(
      '+1 kb/s rate: €0.000812 a day',
    )
  })

  it('colours the map by the best upgrade and names both levers in the tooltip', () => {
    expect(bestUpgradeByLink(values)).toEqual({ A: 50, B: 10, C: 0 })
    expect(bestUpgradeByLink(undefined)).toEqual({})
    expect(linkValueMapText(values.links[0])).toBe(
      'best upgrade +1 Mbit store: €50 a day (store €50/day per Mbit, rate €2/day per kb/s)',
    )
    expect(linkValueMapText(undefined)).toBe('no link value yet')
  })
})

describe('tornadoRows', () => {
  const scenario = completeScenario(representativeScenario())
  const [l1, l2] = scenario.qkd.links
  const process = scenario.processes[0]!
  const outcome = (delta: number | null) => ({
    status: delta === null ? ('infeasible' as const) : ('optimal' as const),
    objectiveEur: delta === null ? null : 100 + delta,
    residualRiskEur: null,
    slaViolations: null,
    deltaObjectiveEur: delta,
    firstLoss: delta === null ? null : { processId: process.id, slot: 4, lostBits: 2e6 },
  })
  const report: ContingencyReport = {
    base: { status: 'optimal', objectiveEur: 100, residualRiskEur: 90, slaViolations: 0 },
    window: { startSlot: 4, endSlot: 8 },
    links: [
      { linkId: l1!.id, ...outcome(5), window: outcome(1) },
      { linkId: l2!.id, ...outcome(20), window: outcome(null) },
    ],
    nodes: [{ nodeId: 'relay-x', ...outcome(null), window: outcome(2) }],
    elapsedMs: 1,
  }
  it('puts infeasible cases first, then the costliest, with full-width bars for no plan', () => {
    const rows = tornadoRows(report, scenario)
    expect(rows.map((r) => r.id)).toEqual(['relay-x', l2!.id, l1!.id])
    expect(rows[0]?.dayFeasible).toBe(false)
    expect(rows[0]?.dayBar).toBeCloseTo(22)
    expect(rows[1]?.windowBar).toBeCloseTo(22)
    expect(rows[2]?.dayBar).toBe(5)
    expect(rows[2]?.dayLoss).toBe(
      `${process.label} loses key first, at ${slotClock(4, scenario.horizon.slotMinutes)} (2 Mbit)`,
    )
    expect(rows[0]?.dayLoss).toContain('no feasible plan')
  })
  it('writes deltas, infeasibility and a missing window', () => {
    expect(deltaText(5, true)).toBe('+€5')
    expect(deltaText(null, false)).toBe('infeasible')
    expect(deltaText(null, undefined)).toBe('no shock window')
  })
})

describe('small formats', () => {
  it('keeps three significant digits of small euro values and caps long lists', () => {
    expect(formatEurSig(0.000812345)).toBe('€0.000812')
    expect(formatEurSig(659178)).toBe('€659,178')
    expect(formatEurSig(null)).toBe('–')
    expect(listSome(['a', 'b', 'c'], 2)).toBe('a, b and 1 more')
    expect(listSome(['a', 'b'], 2)).toBe('a, b')
  })
})
