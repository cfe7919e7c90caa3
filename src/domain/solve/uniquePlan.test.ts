/**
 * One plan per scenario (MODEL.md §8, "Unique figures"): the tie-break stage and the prices'
 * slivers make every reported figure independent of the solver's path. A warm re-solve (reached
 * from another share), a fresh solve and a solve of the same scenario with its processes and
 * fleet groups listed in reverse must agree to 1e-6 relative on every figure the planner shows.
 */
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSolver } from '../../node/loadSolver.ts'
import { buildInstance } from '../derive/instance.ts'
import { computeMetrics } from '../metrics/metrics.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import type { Scenario } from '../scenario/types.ts'
import { OracleSession } from './oracleSession.ts'
import { mustValidate } from './testScenarios.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

interface Figures {
  totals: Record<string, number>
  series: Record<string, number[]>
}

function figuresOf(scenario: Scenario, session: OracleSession): Figures {
  const instance = buildInstance(scenario, 0)
  session.update(instance)
  const result = session.solve()
  expect(result.status).toBe('optimal')
  const m = computeMetrics(instance, result.allocation!)
  const series: Record<string, number[]> = {
    'risk per slot': m.series.residualRiskEur,
    'SLA violations per slot': m.series.slaViolations,
  }
  instance.links.forEach((link, e) => {
    series[`${link.id} store`] = m.links[link.id]?.storeBits ?? []
    series[`${link.id} price`] = Array.from(result.shadowPriceEurPerBit[e] ?? [])
  })
  return {
    totals: {
      'solver objective': result.objectiveEur,
      objective: m.objectiveEur,
      'residual risk': m.residualRiskEur,
      'SLA violations': m.slaViolations,
      'key used': m.keyUsedBits,
      'key spilled': m.keySpilledBits,
      utilization: m.keyUtilization,
      efficiency: m.keyEfficiencyEurPerMbit,
    },
    series,
  }
}

/** Largest difference relative to the larger magnitude (series: to the series' largest value). */
function expectAgree(a: Figures, b: Figures, label: string): void {
  for (const [name, x] of Object.entries(a.totals)) {
    const y = b.totals[name] as number
    const scale = Math.max(Math.abs(x), Math.abs(y), 1e-12)
    expect(Math.abs(x - y) / scale, `${label}: ${name} ${x} vs ${y}`).toBeLessThanOrEqual(1e-6)
  }
  for (const [name, xs] of Object.entries(a.series)) {
    const ys = b.series[name] as number[]
    expect(ys, `${label}: ${name}`).toHaveLength(xs.length)
    const scale = Math.max(1e-300, ...xs.map(Math.abs), ...ys.map(Math.abs))
    const worst = Math.max(0, ...xs.map((x, t) => Math.abs(x - (ys[t] as number)) / scale))
    expect(worst, `${label}: ${name}`).toBeLessThanOrEqual(1e-6)
  }
}

type Doc = Record<string, any>

function reversed(doc: Doc): Doc {
  return {
    ...doc,
    processes: [...(doc.processes as unknown[])].reverse(),
    fleet: { groups: [...(doc.fleet.groups as unknown[])].reverse() },
  }
}

function withShare(doc: Doc, factor: number): Doc {
  return { ...doc, qkd: { ...doc.qkd, vppShare: doc.qkd.vppShare * factor } }
}

const cases: Array<[string, () => Doc]> = [
  ['tiny', () => tinyScenario() as Doc],
  ['representative', () => representativeScenario() as Doc],
  ['representative at half its share', () => withShare(representativeScenario() as Doc, 0.5)],
]

describe.each(cases)('one plan per scenario: %s', (_, make) => {
  it('agrees warm, fresh and with its lists reordered', () => {
    const doc = make()
    const scenario = mustValidate(doc)
    const fresh = new OracleSession(highs, buildInstance(scenario, 0))
    const warm = new OracleSession(highs, buildInstance(mustValidate(withShare(doc, 1.7)), 0))
    const reorderedScenario = mustValidate(reversed(doc))
    const reordered = new OracleSession(highs, buildInstance(reorderedScenario, 0))
    try {
      const a = figuresOf(scenario, fresh)
      // The warm session solved another share first, so its basis is a different path.
      warm.solve()
      const b = figuresOf(scenario, warm)
      const c = figuresOf(reorderedScenario, reordered)
      expectAgree(a, b, 'warm')
      expectAgree(a, c, 'reordered')
    } finally {
      fresh.dispose()
      warm.dispose()
      reordered.dispose()
    }
  })
})
