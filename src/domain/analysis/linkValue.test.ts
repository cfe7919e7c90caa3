/**
 * Link values from duals against re-solves: the value of extra rate on a link must lie between
 * the one-sided finite differences of the objective (an LP's dual is a subgradient), and match
 * them away from kinks.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { linkKeyRateBps } from '../derive/supply.ts'
import { runOracle } from '../report/oracleReport.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { withShare } from './frontier.ts'
import { linkValues, withLinkRate } from './linkValue.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

const cases = {
  tiny: () => mustValidate(tinyScenario()),
  representative: () => mustValidate(representativeScenario()),
  // A twentieth of the share: key is scarce, so every link's value is large and clear of noise.
  'representative, scarce key': () => {
    const s = mustValidate(representativeScenario())
    return withShare(s, s.qkd.vppShare / 20)
  },
}

describe.each(Object.keys(cases) as (keyof typeof cases)[])('link values of %s', (name) => {
  const scenario = cases[name]()
  let values: ReturnType<typeof linkValues>
  beforeAll(() => {
    values = linkValues(highs, scenario, { check: true })
  })

  it('covers every link once, ranked by the value of extra link rate', () => {
    expect(values.links.map((l) => l.linkId).sort()).toEqual(
      scenario.qkd.links.map((l) => l.id).sort(),
    )
    values.links.forEach((l, i) => {
      expect(l.valueEurPerKbps).toBeGreaterThanOrEqual(0)
      if (i > 0)
        expect(l.valueEurPerKbpsLinkRate).toBeLessThanOrEqual(
          values.links[i - 1]!.valueEurPerKbpsLinkRate,
        )
    })
  })

  it('agrees with re-solves: each value lies between the one-sided differences', () => {
    for (const l of values.links) {
      expect(l.check, l.linkId).toBeDefined()
      expect(l.check!.agrees, `${l.linkId}: ${JSON.stringify(l.check)}`).toBe(true)
    }
  })

  it('agrees with an independent cold re-solve on the most valuable link', () => {
    const top = values.links[0]!
    const index = scenario.qkd.links.findIndex((l) => l.id === top.linkId)
    const link = scenario.qkd.links[index]!
    const rate = linkKeyRateBps(link, scenario.qkd.rateModel)
    const step = rate * 1e-3
    const base = runOracle(highs, scenario, { integer: false }).result.objectiveEur
    const raised = runOracle(highs, withLinkRate(scenario, index, rate + step), { integer: false })
      .result.objectiveEur
    const finiteDifference = (base - raised) / (step / 1000)
    const noise = (1e-7 * Math.max(1, Math.abs(base))) / (step / 1000)
    expect(finiteDifference).toBeLessThanOrEqual(top.valueEurPerKbpsLinkRate + noise)
    if (name === 'representative, scarce key') {
      // Scarce key and a small step: no kink in between, so the two agree to 1 %.
      expect(Math.abs(finiteDifference - top.valueEurPerKbpsLinkRate)).toBeLessThanOrEqual(
        0.01 * top.valueEurPerKbpsLinkRate,
      )
    }
  })
})

describe('link values when key is scarce', () => {
  it('agree with the re-solve to within 1 % on every link worth more than noise', () => {
    const s = mustValidate(representativeScenario())
    const values = linkValues(highs, withShare(s, s.qkd.vppShare / 20), {
      check: true,
      checkStep: 1e-4,
    })
    const valuable = values.links.filter((l) => l.valueEurPerKbpsLinkRate > 1e-4)
    expect(valuable.length).toBeGreaterThan(2)
    for (const l of valuable) expect(l.check!.relativeError, l.linkId).toBeLessThan(0.01)
  })
})
