/**
 * The MILP against brute force on tiny instances: every combination of one option (or hold) per
 * flow and slot is enumerated, its stores replayed, and the cheapest feasible one must equal the
 * MILP optimum.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { holdCostEur, optionCostEur, buildInstance, type Instance } from '../derive/instance.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { OracleSession } from './oracleSession.ts'
import { mustValidate } from './testScenarios.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

/**
 * Exhaustive search. A choice per flow-slot is an option index, or `nOptions` for hold. Stores
 * are kept as full as possible (use drawn, the rest banked up to the buffer), which is the best
 * any plan can do for feasibility, so a choice vector is feasible iff this replay is.
 */
function bruteForce(instance: Instance): number {
  const F = instance.flows.length
  const T = instance.slots
  const cells = F * T
  const choices = instance.flows.map((f) => f.options.length + (instance.holdAllowed ? 1 : 0))
  const pick = new Array<number>(cells).fill(0)
  let best = Infinity
  for (;;) {
    let cost = 0
    const use = instance.links.map(() => new Array<number>(T).fill(0))
    for (let k = 0; k < F; k++) {
      const f = instance.flows[k]!
      for (let t = 0; t < T; t++) {
        const c = pick[k * T + t]!
        if (c === f.options.length) {
          cost += holdCostEur(instance, f)
          continue
        }
        const o = f.options[c]!
        cost += optionCostEur(instance, f, o, t)
        for (const e of f.paths[0]!.links) use[e]![t]! += o.keyBps * instance.slotSeconds
      }
    }
    let feasible = true
    instance.links.forEach((link, e) => {
      let s = link.initialBits
      for (let t = 0; t < T; t++) {
        s = Math.min(link.bufferBits, s + link.supplyBps[t]! * instance.slotSeconds - use[e]![t]!)
        if (s < link.reserveBits - 1e-6) feasible = false
      }
      if (s < Math.min(link.initialBits, link.bufferBits) - 1e-6) feasible = false
    })
    if (feasible) best = Math.min(best, cost)
    let i = 0
    while (i < cells) {
      const k = Math.floor(i / T)
      pick[i] = pick[i]! + 1
      if (pick[i]! < choices[k]!) break
      pick[i] = 0
      i++
    }
    if (i === cells) return best
  }
}

function milpObjective(instance: Instance): {
  status: string
  objective: number
  lpBound: number | undefined
} {
  const session = new OracleSession(highs, instance, { integer: true, mipRelativeGap: 0 })
  try {
    const r = session.solve()
    return { status: r.status, objective: r.objectiveEur, lpBound: r.lpBoundEur }
  } finally {
    session.dispose()
  }
}

describe('oracle MILP', () => {
  it('equals brute force on the tiny scenario over a range of budgets', () => {
    for (const share of [0.005, 0.02, 0.035, 0.05, 0.2]) {
      const doc = tinyScenario() as { qkd: { vppShare: number } }
      doc.qkd.vppShare = share
      const instance = buildInstance(mustValidate(doc))
      const expected = bruteForce(instance)
      const milp = milpObjective(instance)
      expect(milp.status).toBe('optimal')
      expect(milp.objective).toBeCloseTo(expected, 6)
      expect(Math.abs(milp.objective - expected)).toBeLessThanOrEqual(1e-6 * expected + 1e-9)
      // The LP relaxation never exceeds the integer optimum.
      expect(milp.lpBound!).toBeLessThanOrEqual(milp.objective * (1 + 1e-9) + 1e-9)
    }
  })

  it('equals brute force when holding is forbidden and the floor option needs key', () => {
    const doc = tinyScenario() as {
      policy: Record<string, unknown>
      processes: Array<Record<string, unknown>>
      qkd: { vppShare: number }
    }
    doc.policy.holdAllowed = false
    doc.processes[0]!.minOption = 'D1'
    doc.qkd.vppShare = 0.01
    const instance = buildInstance(mustValidate(doc))
    const expected = bruteForce(instance)
    const milp = milpObjective(instance)
    expect(milp.status).toBe('optimal')
    expect(milp.objective).toBeCloseTo(expected, 6)
  })

  it('is never cheaper than the LP', () => {
    const instance = buildInstance(mustValidate(tinyScenario()))
    const lp = new OracleSession(highs, instance)
    try {
      const lpResult = lp.solve()
      const milp = milpObjective(instance)
      expect(milp.objective).toBeGreaterThanOrEqual(lpResult.objectiveEur * (1 - 1e-9))
    } finally {
      lp.dispose()
    }
  })
})
