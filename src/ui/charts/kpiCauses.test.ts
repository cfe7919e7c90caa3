/**
 * The KPI strip's cause lines, on plans the worker really makes: their parts add up to the
 * headline figures, in words, with every cause listed.
 */
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { representativeScenario } from '../../domain/scenario/builtins/representative.ts'
import { loadSolver } from '../../node/loadSolver.ts'
import { createPlannerState, disposePlanner, planOracle } from '../../worker/plan.ts'
import type { OraclePlan } from '../../worker/api.ts'
import { riskCauseLines, slaCauseLines } from './kpiCauses.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

function plan(doc: unknown): OraclePlan {
  const state = createPlannerState()
  try {
    const response = planOracle(highs, state, { revision: 1, scenario: doc })
    if (!response.ok) throw new Error(response.message)
    return response.plan
  } finally {
    disposePlanner(state)
  }
}

const sum = (values: { value: number }[]): number => values.reduce((a, b) => a + b.value, 0)

describe('KPI cause lines', () => {
  it('split the representative day’s residual risk into parts that add up to it', () => {
    const p = plan(representativeScenario())
    const risk = riskCauseLines(p.residualRiskByCause)
    expect(risk.map((l) => l.words)).toEqual([
      'floor (best allowed option)',
      'key scarcity',
      'outage',
    ])
    expect(sum(risk)).toBeCloseTo(p.residualRiskEur ?? Number.NaN, 6)
    // Key is scarce at today's share: most of the risk is key scarcity, some the outages.
    expect(risk.find((l) => l.cause === 'keyScarcity')?.value).toBeGreaterThan(0)
    expect(risk.find((l) => l.cause === 'outage')?.value).toBeGreaterThan(0)
  })

  it('put every late message of an unreachable deadline under that cause', () => {
    const doc = representativeScenario() as { processes: { id: string; deadlineMs: number }[] }
    const dispatch = doc.processes.find((q) => q.id === 'dispatch')
    if (dispatch === undefined) throw new Error('the representative day has dispatch')
    dispatch.deadlineMs = 5
    const p = plan(doc)
    const sla = slaCauseLines(p.slaViolationsByCause)
    expect(sla.map((l) => l.words)).toEqual([
      'no allowed option meets the deadline',
      'held for lack of key',
      'link outage',
      'late by choice',
    ])
    expect(sum(sla)).toBeCloseTo(p.slaViolations ?? Number.NaN, 3)
    expect(sla[0]?.value).toBeGreaterThan(0)
  })

  it('are empty for a plan without a split', () => {
    expect(slaCauseLines(null)).toEqual([])
    expect(riskCauseLines(null)).toEqual([])
  })
})
