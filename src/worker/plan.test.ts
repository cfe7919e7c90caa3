/**
 * The worker's request handling, run in Node against the real solver: the same functions the
 * browser worker exposes over comlink.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../node/loadSolver.ts'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { createPlannerState, disposePlanner, planComparison, planOracle } from './plan.ts'
import { withoutTimings } from './inProcessClient.ts'

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
    doc.qkd.links[0].a = 'NOPE'
    doc.horizon.slots = -3
    const response = planOracle(highs, state, { revision: 7, scenario: doc })
    expect(response.ok).toBe(false)
    if (response.ok || response.kind !== 'invalid') throw new Error('expected invalid')
    expect(response.revision).toBe(7)
    expect(response.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['qkd.links[0].a', 'horizon.slots']),
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

describe('canonical solves', () => {
  it('answer after warm edits exactly what a fresh tab answers, and keep the warm models', () => {
    const warm = createPlannerState()
    const fresh = createPlannerState()
    try {
      const doc = representativeScenario() as Record<string, any>
      const first = planOracle(highs, warm, { revision: 1, scenario: doc })
      const firstComparison = planComparison(highs, { revision: 1, scenario: doc }, warm)
      // A tab's first solve is on fresh models: canonical already.
      expect(first.ok && first.canonical).toBe(true)
      expect(firstComparison.ok && firstComparison.canonical).toBe(true)
      // Drag the share around, as a user does, so the warm models carry bases of other shares.
      for (const share of [0.012, 0.006, 0.009, 0.008]) {
        doc.qkd.vppShare = share
        const step = planOracle(highs, warm, { revision: 2, scenario: doc })
        const stepComparison = planComparison(highs, { revision: 2, scenario: doc }, warm)
        expect(step.ok && !step.canonical && step.plan.warm).toBe(true)
        expect(stepComparison.ok && stepComparison.canonical).toBe(false)
      }
      const request = { revision: 3, scenario: doc, canonical: true }
      const oracle = planOracle(highs, warm, request)
      const comparison = planComparison(highs, request, warm)
      expect(oracle.ok && oracle.canonical).toBe(true)
      expect(comparison.ok && comparison.canonical).toBe(true)
      const other = { revision: 3, scenario: doc }
      expect(withoutTimings(oracle)).toEqual(withoutTimings(planOracle(highs, fresh, other)))
      expect(withoutTimings(comparison)).toEqual(
        withoutTimings(planComparison(highs, other, fresh)),
      )
      // The canonical solve left the warm model in place for the next edit.
      doc.qkd.vppShare = 0.0075
      const next = planOracle(highs, warm, { revision: 4, scenario: doc })
      expect(next.ok && next.plan.warm).toBe(true)
    } finally {
      disposePlanner(warm)
      disposePlanner(fresh)
    }
  }, 60_000)
})
