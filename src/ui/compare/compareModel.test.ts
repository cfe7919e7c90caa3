import { describe, expect, it } from 'vitest'
import type { OraclePlan } from '../../worker/api.ts'
import { diffValueText, kpiDeltas, overlayRows } from './compareModel.ts'

/** A plan with only the fields the compare view reads. */
function plan(fields: Partial<OraclePlan>): OraclePlan {
  return {
    objectiveEur: 100,
    residualRiskEur: 80,
    slaViolations: 4,
    keyUsedBits: 2e6,
    keyUtilization: 0.5,
    keySpilledBits: 1e5,
    keyEfficiencyEurPerMbit: 10,
    slots: 2,
    slotMinutes: 60,
    series: { residualRiskEur: [1, 2], slaViolations: [0, 1], keyUsedBits: [1e6, 3e6] },
    ...fields,
  } as OraclePlan
}

describe('kpiDeltas', () => {
  it('gives B − A, its share of A and whether B is better for each figure', () => {
    const rows = kpiDeltas(
      plan({}),
      plan({ objectiveEur: 90, residualRiskEur: 100, keyUsedBits: 3e6, keyUtilization: 0.6 }),
    )
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    expect(byId.objective).toMatchObject({ a: 100, b: 90, delta: -10, verdict: 'better' })
    expect(byId.objective?.relative).toBeCloseTo(-0.1, 12)
    expect(byId.risk).toMatchObject({ delta: 20, relative: 0.25, verdict: 'worse' })
    // More key used is neither better nor worse by itself; higher utilization is better.
    expect(byId.keyUsed).toMatchObject({ delta: 1e6, verdict: 'neutral' })
    expect(byId.utilization?.verdict).toBe('better')
    expect(byId.sla).toMatchObject({ delta: 0, relative: 0, verdict: 'same' })
  })

  it('treats differences at solver noise as the same and lacks a share of a zero A', () => {
    const [objective] = kpiDeltas(plan({ objectiveEur: 0 }), plan({ objectiveEur: 1e-12 }))
    expect(objective).toMatchObject({ verdict: 'same', relative: null })
  })

  it('marks a figure missing on either side as unknown, without a delta', () => {
    const rows = kpiDeltas(plan({ residualRiskEur: null }), plan({}))
    expect(rows.find((r) => r.id === 'risk')).toMatchObject({
      a: null,
      b: 80,
      delta: null,
      relative: null,
      verdict: 'unknown',
    })
  })
})

describe('overlayRows', () => {
  it('puts A and B on one clock axis, slot by slot, scaled', () => {
    const rows = overlayRows(
      plan({}),
      plan({ series: { residualRiskEur: [5, 6], slaViolations: [], keyUsedBits: [] } }),
      (p) => p.series.residualRiskEur,
      2,
    )
    expect(rows).toEqual([
      { minute: 0, time: '00:00', a: 2, b: 10 },
      { minute: 60, time: '01:00', a: 4, b: 12 },
    ])
  })

  it('merges plans with different slot lengths by start time, leaving gaps', () => {
    const b = plan({
      slots: 4,
      slotMinutes: 30,
      series: { residualRiskEur: [1, 1, 1, 1], slaViolations: [], keyUsedBits: [] },
    })
    const rows = overlayRows(plan({}), b, (p) => p.series.residualRiskEur)
    expect(rows.map((r) => [r.time, r.a, r.b])).toEqual([
      ['00:00', 1, 1],
      ['00:30', undefined, 1],
      ['01:00', 2, 1],
      ['01:30', undefined, 1],
    ])
  })

  it('draws A alone while B has no plan', () => {
    expect(overlayRows(plan({}), undefined, (p) => p.series.keyUsedBits)).toEqual([
      { minute: 0, time: '00:00', a: 1e6 },
      { minute: 60, time: '01:00', a: 3e6 },
    ])
  })
})

describe('diffValueText', () => {
  it('shows absent fields as a dash, numbers without float noise and other values as JSON', () => {
    expect(diffValueText(undefined)).toBe('—')
    expect(diffValueText(0.1 + 0.2)).toBe('0.3')
    expect(diffValueText('CC')).toBe('"CC"')
    expect(diffValueText(['L1', 'L2'])).toBe('["L1","L2"]')
    expect(diffValueText({ id: 'x'.repeat(200) })).toHaveLength(80)
  })
})
