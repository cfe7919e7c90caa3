/**
 * The policies against the paper's claims (MODEL.md §5–§7) and the simulator's invariants, with
 * the real solver: no policy overdraws a store, online policies cannot see the future, the proposed
 * controller keeps the price-threshold rule, and on the representative day the proposed policy
 * beats greedy and static while tracking the oracle — also on other seeds, a halved budget and
 * stronger attacks.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { buildInstance, type Instance } from '../derive/instance.ts'
import { pathPriceEurPerBit } from '../metrics/threshold.ts'
import { comparePolicies, windowSlots, type Comparison } from '../report/comparisonReport.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import type { Scenario } from '../scenario/types.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import {
  disposeEvaluation,
  evaluateDay,
  POLICY_NAMES,
  prepareEvaluation,
  type EvaluationContext,
} from './evaluate.ts'
import { greedyController } from './greedy.ts'
import { stepValue } from './hull.ts'
import { laddersForSlot } from './ladders.ts'
import { proposedController } from './proposed.ts'
import { simulateDay, type OnlineController, type SlotView } from './simulate.ts'
import { staticController } from './static.ts'

let highs: Highs
let representative: Scenario
beforeAll(async () => {
  highs = await loadSolver()
  representative = mustValidate(representativeScenario())
})

const variant = (mutate: (doc: Record<string, any>) => void): Scenario => {
  const doc = representativeScenario() as Record<string, any>
  mutate(doc)
  return mustValidate(doc)
}

function withContext<T>(scenario: Scenario, run: (context: EvaluationContext) => T): T {
  const context = prepareEvaluation(highs, scenario, POLICY_NAMES)
  try {
    return run(context)
  } finally {
    disposeEvaluation(context)
  }
}

const controllers = (context: EvaluationContext): OnlineController[] => [
  greedyController(),
  staticController(context.forecast, context.nominal),
  proposedController(context.forecast, context.robust),
]

/** Replays a simulation's key use against the realised supply, slot by slot. */
function assertNoOverdraw(
  realised: Instance,
  controller: OnlineController,
  forecast: Instance,
): void {
  const sim = simulateDay(realised, forecast, controller)
  const T = realised.slots
  const use = realised.links.map(() => new Float64Array(T))
  realised.flows.forEach((f, k) => {
    for (let t = 0; t < T; t++) {
      let bps = 0
      f.options.forEach(
        (o, oi) =>
          (bps += o.keyBps * (sim.allocation.optionShare[k]?.[t * f.options.length + oi] ?? 0)),
      )
      f.paths.forEach((p, pi) => {
        const share = sim.allocation.pathShare[k]?.[t * f.paths.length + pi] ?? 0
        for (const e of p.links) use[e]![t]! += bps * realised.slotSeconds * share
      })
    }
  })
  realised.links.forEach((link, e) => {
    let store = link.initialBits
    for (let t = 0; t < T; t++) {
      const supply = realised.slotSeconds * (link.supplyBps[t] ?? 0)
      const spendable = Math.max(0, store + supply - link.reserveBits)
      const tolerance = 1e-6 * Math.max(1, spendable)
      expect(
        use[e]![t]!,
        `${controller.name} overdraws ${link.id} in slot ${t}`,
      ).toBeLessThanOrEqual(spendable + tolerance)
      store = Math.min(link.bufferBits, store + supply - use[e]![t]!)
    }
  })
}

/** A reported figure that must be there (a policy with a plan). */
function figure(value: number | null): number {
  if (value === null) throw new Error('expected a figure, got none')
  return value
}

describe('the day simulator', () => {
  it('never lets any online policy spend key a link does not hold, over many seeds and days', () => {
    for (const seed of [1, 2, 3]) {
      const scenario = variant((d) => {
        d.seed = seed
        d.uncertainty.yieldSigma = 0.4
        d.uncertainty.scenarioCount = 4
      })
      withContext(scenario, (context) => {
        for (const day of [0, 1, 2, 3]) {
          const realised = buildInstance(scenario, day)
          for (const controller of controllers(context))
            assertNoOverdraw(realised, controller, context.forecast)
        }
      })
    }
  })

  it('keeps the oracle and every policy free of store shortfalls in the metrics', () => {
    withContext(representative, (context) => {
      for (const day of evaluateDay(context, 0, POLICY_NAMES)) {
        expect(day.metrics?.keyShortfallBits, day.policy).toBe(0)
      }
    })
  })

  it('gives online policies only the forecast and the past: the future cannot change today', () => {
    withContext(representative, (context) => {
      const dayA = buildInstance(representative, 0)
      // Day B differs from day A only from slot 50 on (supply and attacks).
      const dayB: Instance = {
        ...dayA,
        links: dayA.links.map((l) => ({
          ...l,
          supplyBps: l.supplyBps.map((r, t) => (t >= 50 ? r * 0.2 : r)),
        })),
        flows: dayA.flows.map((f) => ({
          ...f,
          attempts: f.attempts.map((a, t) => (t >= 50 ? a * 7 : a)),
        })),
      }
      for (const make of [
        () => greedyController(),
        () => staticController(context.forecast, context.nominal),
        () => proposedController(context.forecast, context.robust),
      ]) {
        const a = simulateDay(dayA, context.forecast, make())
        const b = simulateDay(dayB, context.forecast, make())
        for (let k = 0; k < dayA.flows.length; k++) {
          const n = dayA.flows[k]!.options.length
          expect(Array.from(b.allocation.optionShare[k]!.slice(0, 50 * n))).toEqual(
            Array.from(a.allocation.optionShare[k]!.slice(0, 50 * n)),
          )
        }
      }
    })
  })

  it('hands a controller a view without the realised day', () => {
    const scenario = mustValidate(tinyScenario())
    const forecast = buildInstance(scenario)
    const seen: SlotView[] = []
    const spy: OnlineController = {
      name: 'spy',
      plan: (view) => {
        seen.push(view)
        return greedyController().plan(view)
      },
    }
    simulateDay(buildInstance(scenario, 3), forecast, spy)
    expect(seen).toHaveLength(4)
    for (const view of seen) {
      expect(view.forecast).toBe(forecast)
      expect(Object.keys(view).sort()).toEqual([
        'forecast',
        'lastSupplyBits',
        'lastUseBits',
        'storeBits',
        't',
      ])
    }
  })
})

describe('the proposed controller', () => {
  it('never buys an upgrade whose value per bit is below its path price', () => {
    withContext(representative, (context) => {
      const controller = proposedController(context.forecast, context.robust)
      const sim = simulateDay(buildInstance(representative, 0), context.forecast, controller)
      let checked = 0
      for (let t = 0; t < context.forecast.slots; t++) {
        const trace = controller.traces[t]!
        const rows = context.forecast.links.map((_, e) => Float64Array.of(trace.prices[e] ?? 0))
        const ladders = laddersForSlot(context.forecast, t)
        context.forecast.flows.forEach((f, k) => {
          const ladder = ladders[k]!
          // Which ladder position did the slot end at? Recover it from the option shares.
          const shares = sim.allocation.optionShare[k]!.slice(
            t * f.options.length,
            (t + 1) * f.options.length,
          )
          const keyBits =
            f.options.reduce((s, o, oi) => s + o.keyBps * (shares[oi] ?? 0), 0) *
            context.forecast.slotSeconds
          const pi = pathPriceEurPerBit(f, rows, 0)
          for (let i = 0; i + 1 < ladder.points.length; i++) {
            if (keyBits > ladder.points[i]!.bits + 1e-6) {
              checked++
              expect(
                stepValue(ladder, i),
                `${f.flow.id} slot ${t} step ${i}`,
              ).toBeGreaterThanOrEqual(pi * (1 - 1e-9))
            }
          }
        })
        for (const step of trace.belowThreshold) {
          const f = context.forecast.flows[step.flow]!
          expect(step.valuePerBit).toBeLessThan(pathPriceEurPerBit(f, rows, 0))
        }
      }
      expect(checked).toBeGreaterThan(500)
    })
  })

  it('raises its prices inside every key-yield shock on the shocked links', () => {
    withContext(representative, (context) => {
      const controller = proposedController(context.forecast, context.robust)
      simulateDay(buildInstance(representative, 0), context.forecast, controller)
      const quiet = Array.from({ length: 96 }, (_, t) => t).filter(
        (t) => !windowSlots(representative).includes(t),
      )
      const mean = (p: Float64Array, slots: number[]) =>
        slots.reduce((s, t) => s + (p[t] ?? 0), 0) / slots.length
      for (const shock of representative.shocks) {
        const slots = Array.from(
          { length: shock.endSlot - shock.startSlot },
          (_, i) => shock.startSlot + i,
        )
        for (const id of shock.links === 'all' ? [] : shock.links) {
          const e = context.forecast.links.findIndex((l) => l.id === id)
          const prices = controller.priceHistory[e]!
          expect(mean(prices, slots), `${shock.label} on ${id}`).toBeGreaterThan(
            mean(prices, quiet),
          )
        }
      }
    })
  })
})

/**
 * The paper's claims for one scenario's realised day 0. `maxRegret` is the regret allowed against
 * the oracle; near abundance the day's objective is small and a constant gap of a few euros is a
 * large share of it, so there the claim that carries meaning is the second one: proposed closes
 * at least 90 % of the gap the better baseline leaves to the oracle.
 */
function expectClaims(comparison: Comparison, label: string, maxRegret = 0.1): void {
  const { oracle, proposed, greedy, static: fixed } = comparison.policies
  if (!oracle || !proposed || !greedy || !fixed) throw new Error('missing policy')
  expect(proposed.residualRiskEur!, `${label}: risk vs greedy`).toBeLessThan(
    greedy.residualRiskEur!,
  )
  expect(proposed.residualRiskEur!, `${label}: risk vs static`).toBeLessThan(fixed.residualRiskEur!)
  expect(proposed.slaViolations!, `${label}: SLA vs greedy`).toBeLessThanOrEqual(
    greedy.slaViolations!,
  )
  expect(proposed.slaViolations!, `${label}: SLA vs static`).toBeLessThanOrEqual(
    fixed.slaViolations!,
  )
  expect(proposed.regretVsOracle!, `${label}: regret`).toBeLessThanOrEqual(maxRegret)
  const best = Math.min(greedy.objectiveEur!, fixed.objectiveEur!)
  expect(
    (best - proposed.objectiveEur!) / (best - oracle.objectiveEur!),
    `${label}: share of the baseline's gap closed`,
  ).toBeGreaterThanOrEqual(0.9)
  expect(oracle.regretVsOracle).toBe(0)
  // Risk inside the attack windows and shocks, over the windows. (Their single worst slot is no
  // longer a fair test: greedy now pays for the RS2 cut in held messages rather than in risk,
  // while the planners leave a little risk in a few window slots on purpose.)
  for (const [name, policy] of [
    ['proposed', proposed],
    ['oracle', oracle],
  ] as const) {
    expect(figure(policy.inWindows.riskEur), `${label}: ${name} window risk`).toBeLessThan(
      figure(greedy.inWindows.riskEur),
    )
  }
}

describe('the representative day shows the paper’s claims', () => {
  it('with its own seed: proposed beats greedy and static and tracks the oracle', () => {
    const comparison = comparePolicies(highs, representative, POLICY_NAMES, 1)
    expectClaims(comparison, 'representative')
    for (const r of Object.values(comparison.policies)) {
      expect(r.series.residualRiskEur).toHaveLength(96)
      expect(r.robustness.days).toBe(1)
    }
    expect(comparison.policies.proposed!.links['CC-RS2']!.shadowPriceEurPerBit).toHaveLength(96)
  })

  it.each([
    ['another seed', (d: Record<string, any>) => (d.seed = 99), 0.1],
    ['a halved budget', (d: Record<string, any>) => (d.qkd.vppShare /= 2), 0.1],
    // Budgets near the default once exposed a controller that emptied stores before the cut.
    ['a 5 % larger budget', (d: Record<string, any>) => (d.qkd.vppShare *= 1.05), 0.1],
    // Near abundance the objective is small: a constant gap of a few euros is a quarter of it.
    ['a 1.5 times larger budget', (d: Record<string, any>) => (d.qkd.vppShare *= 1.5), 0.3],
    [
      'three times the attacks',
      (d: Record<string, any>) => d.processes.forEach((p: any) => (p.attacksPerHour *= 3)),
      0.1,
    ],
  ])('and for its design, not one seed: %s', (label, mutate, maxRegret) => {
    const scenario = variant((d) => {
      mutate(d)
      d.uncertainty.scenarioCount = 6
    })
    expectClaims(comparePolicies(highs, scenario, POLICY_NAMES, 1), label, maxRegret)
  })

  it('holds on average over Monte Carlo days', () => {
    const comparison = comparePolicies(
      highs,
      variant((d) => (d.uncertainty.scenarioCount = 6)),
      POLICY_NAMES,
      6,
    )
    const { proposed, greedy, static: fixed, oracle } = comparison.policies
    expect(proposed!.robustness.days).toBe(6)
    expect(figure(proposed!.robustness.meanRiskEur)).toBeLessThan(
      figure(greedy!.robustness.meanRiskEur),
    )
    expect(figure(proposed!.robustness.meanRiskEur)).toBeLessThan(
      figure(fixed!.robustness.meanRiskEur),
    )
    expect(figure(proposed!.robustness.cvar95RiskEur)).toBeLessThan(
      figure(greedy!.robustness.cvar95RiskEur),
    )
    expect(figure(oracle!.robustness.meanRiskEur)).toBeLessThanOrEqual(
      figure(proposed!.robustness.meanRiskEur) * 1.0001,
    )
    expect(figure(proposed!.robustness.cvar95RiskEur)).toBeGreaterThanOrEqual(
      figure(proposed!.robustness.meanRiskEur),
    )
  })
})
