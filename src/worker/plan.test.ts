/**
 * The worker's request handling, run in Node against the real solver: the same functions the
 * browser worker exposes over comlink.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../node/loadSolver.ts'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { buildInstance } from '../domain/derive/instance.ts'
import { robustPlan } from '../domain/policy/offlinePlan.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import { modelBytes, SessionPool } from '../domain/solve/sessionPool.ts'
import { OracleSession } from '../domain/solve/oracleSession.ts'
import type { ComparisonProgress } from './api.ts'
import {
  comparisonStep,
  createPlannerState,
  disposePlanner,
  planComparison,
  planOracle,
} from './plan.ts'
import { figureDifferences } from './inProcessClient.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

describe('planOracle', () => {
  it('re-solves warm when only numbers change, and reports every chart series', () => {
    const state = createPlannerState()
    try {
      const doc = representativeScenario() as Record<string, any>
      const first = planOracle(highs, state, { revision: 1, scenario: doc })
      if (!first.ok) throw new Error(first.message)
      expect(first.plan.warm).toBe(false)
      expect(first.plan.slots).toBe(96)
      expect(Object.keys(first.plan.byProcess)).toEqual([
        'bidding',
        'dispatch',
        'metering',
        'settlement',
        'archival',
      ])
      expect(first.plan.threshold.length).toBeGreaterThan(100)
      doc.qkd.vppShare = 0.012
      const second = planOracle(highs, state, { revision: 2, scenario: doc })
      if (!second.ok) throw new Error(second.message)
      expect(second.revision).toBe(2)
      expect(second.plan.warm).toBe(true)
      expect(second.plan.objectiveEur).not.toBe(first.plan.objectiveEur)
      expect(second.hash).not.toBe(first.hash)
    } finally {
      disposePlanner(state)
    }
  })

  it('answers an invalid scenario with every problem at its path, never by throwing', () => {
    const state = createPlannerState()
    const doc = tinyScenario() as Record<string, any>
    doc.qkd.links[0].lengthKm = 'far'
    doc.horizon.slots = -3
    const response = planOracle(highs, state, { revision: 7, scenario: doc })
    expect(response.ok).toBe(false)
    if (response.ok || response.kind !== 'invalid') throw new Error('expected invalid')
    expect(response.revision).toBe(7)
    expect(response.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['qkd.links[0].lengthKm', 'horizon.slots']),
    )
    expect(planOracle(highs, state, { revision: 8, scenario: null }).ok).toBe(false)
    expect(planOracle(highs, state, { revision: 9, scenario: 'text' }).ok).toBe(false)
  })

  it('explains an infeasible scenario in domain words', () => {
    const state = createPlannerState()
    try {
      const doc = representativeScenario() as Record<string, any>
      doc.policy.holdAllowed = false
      // Dispatch must carry a per-message tag, which the stores cannot carry through the blackout.
      const dispatch = doc.processes.find((p: { id: string }) => p.id === 'dispatch')
      dispatch.minOption = dispatch.options.find((o: { kind: string }) => o.kind === 'wc-mac').id
      doc.shocks.push({ label: 'Blackout', startSlot: 40, endSlot: 70, links: 'all', factor: 0 })
      const response = planOracle(highs, state, { revision: 3, scenario: doc })
      if (response.ok || response.kind !== 'infeasible') throw new Error('expected infeasible')
      expect(response.infeasibility.processes).toContain('dispatch')
      expect(response.infeasibility.messages.join(' ')).toMatch(/To make it feasible/)
    } finally {
      disposePlanner(state)
    }
  })

  it('answers a solve stopped by its limit with the domain words, not as a crash', () => {
    const state = createPlannerState()
    try {
      const scenario = validateScenario(representativeScenario())
      if (!scenario.ok) throw new Error('the representative day is valid')
      // A session with a limit no solve can meet: the worker must pass its reason on as it is.
      state.session = new OracleSession(highs, buildInstance(scenario.scenario, 0), {
        integer: true,
        timeLimitSeconds: 1e-6,
      })
      const response = planOracle(highs, state, { revision: 5, scenario: representativeScenario() })
      if (response.ok || response.kind !== 'no-plan') throw new Error('expected no plan')
      expect(response.status).toBe('time-limit')
      expect(response.message).toMatch(/^No trustworthy plan: .*time limit/)
    } finally {
      disposePlanner(state)
    }
  })

  it('names every process whose deadline no option meets, with its latency', () => {
    const state = createPlannerState()
    try {
      const doc = representativeScenario() as Record<string, any>
      doc.processes.find((p: { id: string }) => p.id === 'dispatch').deadlineMs = 5
      const response = planOracle(highs, state, { revision: 6, scenario: doc })
      if (!response.ok) throw new Error(response.message)
      expect(response.plan.warnings).toHaveLength(1)
      expect(response.plan.warnings[0]).toMatch(/^Process dispatch cannot meet its 5 ms deadline/)
      const late = response.plan.slaViolationsByCause
      expect(late?.deadlineUnreachable).toBeGreaterThan(0)
      expect(late?.deadlineUnreachable).toBeCloseTo(response.plan.slaViolations ?? 0, 3)
    } finally {
      disposePlanner(state)
    }
  })
})

describe('planComparison', () => {
  it('compares the four policies on the evaluation day', () => {
    const response = planComparison(highs, { revision: 4, scenario: tinyScenario() })
    if (!response.ok) throw new Error(response.message)
    expect(Object.keys(response.comparison.policies)).toEqual([
      'oracle',
      'proposed',
      'greedy',
      'static',
    ])
    expect(response.comparison.policies.oracle?.regretVsOracle).toBe(0)
  })
})

describe('warm solves', () => {
  it('answer after warm edits what a fresh tab answers, on a warm model', () => {
    const warm = createPlannerState()
    const fresh = createPlannerState()
    try {
      const doc = representativeScenario() as Record<string, any>
      const share = doc.qkd.vppShare as number
      const first = planOracle(highs, warm, { revision: 1, scenario: doc })
      expect(first.ok && first.plan.warm).toBe(false)
      expect(planComparison(highs, { revision: 1, scenario: doc }, warm).ok).toBe(true)
      // Drag the share around, as a user does, so the warm models carry bases of other shares.
      for (const factor of [1.5, 0.6, 1.2, 0.9]) {
        doc.qkd.vppShare = share * factor
        const step = planOracle(highs, warm, { revision: 2, scenario: doc })
        expect(step.ok && step.plan.warm).toBe(true)
        expect(planComparison(highs, { revision: 2, scenario: doc }, warm).ok).toBe(true)
      }
      doc.qkd.vppShare = share * 0.8
      const request = { revision: 3, scenario: doc }
      const oracle = planOracle(highs, warm, request)
      const comparison = planComparison(highs, request, warm)
      expect(oracle.ok && oracle.plan.warm).toBe(true)
      const freshOracle = planOracle(highs, fresh, request)
      expect(freshOracle.ok && freshOracle.plan.warm).toBe(false)
      if (!oracle.ok || !freshOracle.ok) throw new Error('the edited scenario does not solve')
      // Every figure but the `warm` flag and wall-clock timings, to the tie-break's 1e-6.
      expect(oracle.hash).toBe(freshOracle.hash)
      const differences = figureDifferences(
        { ...oracle.plan, warm: false },
        { ...freshOracle.plan, warm: false },
      )
      expect(differences).toEqual([])
      expect(figureDifferences(comparison, planComparison(highs, request, fresh))).toEqual([])
    } finally {
      disposePlanner(warm)
      disposePlanner(fresh)
    }
  }, 60_000)
})

describe('comparison progress and the model pool', () => {
  it('names each step of a comparison from the model it asks for', () => {
    expect(comparisonStep('plan:forecast', 20)).toEqual({
      done: 0,
      total: 23,
      label: 'nominal day-ahead plan',
    })
    expect(comparisonStep('plan:1000006', 20)).toEqual({
      done: 7,
      total: 23,
      label: 'robust plan 7/20 samples',
    })
    expect(comparisonStep('oracle:0', 20).done).toBe(21)
  })

  it('reports progress through the comparison, and its size with the plan', () => {
    const state = createPlannerState()
    const steps: ComparisonProgress[] = []
    try {
      const plan = planOracle(highs, state, { revision: 1, scenario: tinyScenario() })
      if (!plan.ok) throw new Error(plan.message)
      expect(plan.plan.size.flows).toBeGreaterThan(0)
      expect(plan.plan.size.columns).toBeGreaterThan(0)
      const answer = planComparison(highs, { revision: 1, scenario: tinyScenario() }, state, (p) =>
        steps.push(p),
      )
      expect(answer.ok).toBe(true)
      const samples = plan.plan.size.samples
      expect(steps.map((p) => p.label)).toContain(`robust plan ${samples}/${samples} samples`)
      expect(steps.map((p) => p.done)).toEqual([...steps.map((p) => p.done)].sort((a, b) => a - b))
    } finally {
      disposePlanner(state)
    }
  })

  it('keeps no more models than its memory budget holds, and plans the same within it', () => {
    const validated = validateScenario(representativeScenario())
    if (!validated.ok) throw new Error('representative does not validate')
    const scenario = validated.scenario
    const oneModel = modelBytes(buildInstance(scenario)) * 2.5
    const capped = new SessionPool(highs, { budgetBytes: oneModel })
    const roomy = new SessionPool(highs)
    try {
      const a = robustPlan(highs, scenario, capped)
      expect(capped.size).toBe(2)
      const b = robustPlan(highs, scenario, roomy)
      expect(roomy.size).toBe(scenario.uncertainty.scenarioCount)
      const objectives = (p: typeof a) => p.samples.map((x) => x.objectiveEur)
      // Equal up to the solver's optimality tolerance (another warm start, the same optimum).
      const same = (x: typeof a, y: typeof a) =>
        objectives(x).forEach((v, i) => {
          const w = objectives(y)[i] ?? NaN
          expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-7 * Math.abs(w))
        })
      same(a, b)
      // Again after an edit of numbers only: each day gets its own warm start back.
      const edited = structuredClone(scenario)
      edited.qkd.vppShare *= 0.8
      const c = robustPlan(highs, edited, capped)
      const d = robustPlan(highs, edited, roomy)
      expect(capped.size).toBe(2)
      same(c, d)
    } finally {
      capped.dispose()
      roomy.dispose()
    }
  })
})
