/**
 * The fuzz suite in `npm test` (issue 13 item 6): generated scenarios, structurally valid but
 * extreme (`generate.ts`), through validate → oracle LP and MILP → the four policies → the
 * analyses (`check.ts`), with a fixed seed. Every case ends in a refusal that names its path, or
 * in results whose numbers are finite, whose plans pass the store replay and whose oracle bounds
 * every plan. The analyses run on a quarter of the cases to keep the suite short; `npm run fuzz`
 * runs them on every case, ten thousand at a time (README, "Fuzzing").
 */
import fc from 'fast-check'
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSolver } from '../../node/loadSolver.ts'
import { DEFAULT_BUDGET, runCase } from './check.ts'
import { caseArb, FUZZ_SEED } from './generate.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

/** Cases per run: a few hundred, about a minute on two cores. */
const RUNS = 300

describe('fuzzing the whole pipeline', () => {
  it(`keeps every property on ${RUNS} generated scenarios`, () => {
    let refused = 0
    let solved = 0
    let analysed = 0
    fc.assert(
      fc.property(caseArb, fc.nat({ max: 3 }), (c, pick) => {
        const analyses = pick === 0
        const result = runCase(highs, c, { ...DEFAULT_BUDGET, analyses })
        expect(result.failures).toEqual([])
        if (result.refused) refused++
        else if (result.statuses.lp === 'optimal') solved++
        if (analyses && !result.refused) analysed++
      }),
      { numRuns: RUNS, seed: FUZZ_SEED },
    )
    // The generator reaches both ends: refusals, and days that solve and get analysed.
    expect(refused).toBeGreaterThan(RUNS / 10)
    expect(solved).toBeGreaterThan(RUNS / 4)
    expect(analysed).toBeGreaterThan(RUNS / 20)
  }, 300_000)
})
