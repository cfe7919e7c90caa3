/**
 * The budget frontier against the LP's theory: non-increasing and convex in the share, slopes
 * from the duals equal to finite differences, and every reported breakpoint a real kink.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { runOracle } from '../report/oracleReport.ts'
import optimalWithoutSolution from './fixtures/fuzz-optimal-without-solution.json' with { type: 'json' }
import { budgetFrontier, frontierShares, withShare } from './frontier.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

const scenarios = {
  tiny: () => mustValidate(tinyScenario()),
  representative: () => mustValidate(representativeScenario()),
}

/** Objective of a cold LP solve at `share`, €. */
function coldObjective(scenario: ReturnType<typeof mustValidate>, share: number): number {
  return runOracle(highs, withShare(scenario, share), { integer: false }).result.objectiveEur
}

describe('frontierShares', () => {
  it('spaces shares evenly or geometrically between the ends', () => {
    expect(frontierShares(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1])
    const log = frontierShares(0.001, 0.1, 3, 'log')
    expect(log[0]).toBeCloseTo(0.001, 12)
    expect(log[1]).toBeCloseTo(0.01, 12)
    expect(log[2]).toBe(0.1)
  })
})

describe.each(Object.keys(scenarios) as (keyof typeof scenarios)[])('frontier of %s', (name) => {
  const scenario = scenarios[name]()
  let frontier: ReturnType<typeof budgetFrontier>
  beforeAll(() => {
    frontier = budgetFrontier(highs, scenario, { steps: 16 })
  })

  it('never rises as the share grows', () => {
    const values = frontier.points.map((p) => p.objectiveEur as number)
    values.forEach((v, i) => {
      if (i === 0) return
      expect(v).toBeLessThanOrEqual((values[i - 1] as number) * (1 + 1e-9) + 1e-9)
    })
  })

  it('is convex: every point lies on or above the tangent at every other point', () => {
    for (const p of frontier.points) {
      for (const q of frontier.points) {
        const tangent =
          (q.objectiveEur as number) + (q.slopeEurPerShare as number) * (p.vppShare - q.vppShare)
        const tolerance = 1e-6 * Math.max(1, Math.abs(p.objectiveEur as number))
        expect(p.objectiveEur as number).toBeGreaterThanOrEqual(tangent - tolerance)
      }
    }
  })

  it('matches cold solves at every sampled share', () => {
    for (const p of frontier.points.filter((_, i) => i % 5 === 0)) {
      const cold = coldObjective(scenario, p.vppShare)
      expect(Math.abs((p.objectiveEur as number) - cold)).toBeLessThanOrEqual(
        1e-8 * Math.max(1, Math.abs(cold)),
      )
    }
  })

  it('reports slopes that lie between the one-sided finite differences', () => {
    const p = frontier.points[Math.floor(frontier.points.length / 3)]!
    const h = p.vppShare * 1e-4
    const right = (coldObjective(scenario, p.vppShare + h) - (p.objectiveEur as number)) / h
    const left = ((p.objectiveEur as number) - coldObjective(scenario, p.vppShare - h)) / h
    const slack = (1e-7 * Math.max(1, Math.abs(p.objectiveEur as number))) / h
    expect(p.slopeEurPerShare as number).toBeGreaterThanOrEqual(left - slack)
    expect(p.slopeEurPerShare as number).toBeLessThanOrEqual(right + slack)
  })

  it('marks breakpoints where the slope really changes, inside the swept range', () => {
    expect(frontier.breakpoints.length).toBeGreaterThan(0)
    const first = frontier.points[0]!.vppShare
    const last = frontier.points[frontier.points.length - 1]!.vppShare
    for (const b of frontier.breakpoints.slice(0, 3)) {
      expect(b).toBeGreaterThan(first)
      expect(b).toBeLessThan(last)
      // A kink: the objective lies strictly above the chord between two points either side.
      const h = b * 0.02
      const below = coldObjective(scenario, b - h)
      const above = coldObjective(scenario, b + h)
      const at = coldObjective(scenario, b)
      expect((below + above) / 2).toBeGreaterThan(at + 1e-9 * Math.max(1, Math.abs(at)))
    }
  })
})

describe('frontier over a range that reaches zero key', () => {
  it('reports infeasible or costly points without throwing and keeps the shares asked for', () => {
    const scenario = mustValidate(tinyScenario())
    const frontier = budgetFrontier(highs, scenario, { from: 0, to: 0.01, steps: 5 })
    expect(frontier.points.map((p) => p.vppShare)).toEqual(frontierShares(0, 0.01, 5))
    const zero = frontier.points[0]!
    if (zero.status === 'optimal') {
      expect(zero.objectiveEur as number).toBeGreaterThanOrEqual(
        frontier.points[4]!.objectiveEur as number,
      )
    } else {
      expect(zero.objectiveEur).toBeNull()
    }
  })
})

describe('frontier regressions found by fuzzing', () => {
  it('never reports an optimal point without its figures', () => {
    // A warm re-solve at share 0.2 ended "optimal" without a feasible solution; the point came
    // out optimal with a null objective. Such a solve is now a numerical failure, re-solved cold.
    const frontier = budgetFrontier(highs, mustValidate(optimalWithoutSolution), {
      steps: 3,
      maxRefinementSolves: 2,
    })
    expect(frontier.points.some((p) => p.status === 'optimal')).toBe(true)
    for (const p of frontier.points) {
      const figures = [p.objectiveEur, p.residualRiskEur, p.slaViolations, p.slopeEurPerShare]
      if (p.status === 'optimal') expect(figures.every((x) => x !== null)).toBe(true)
      else expect(p.objectiveEur).toBeNull()
    }
  })
})
