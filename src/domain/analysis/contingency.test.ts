/**
 * The N-1 sweep: losing a link or relay never lowers the oracle cost, every case is reported,
 * the outage itself is applied as documented, and each case equals a cold solve of the failed
 * scenario.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { buildInstance } from '../derive/instance.ts'
import { EVALUATION_DAY } from '../report/evaluationDay.ts'
import { runOracle } from '../report/oracleReport.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { idRecordOf } from '../util/idRecord.ts'
import { withBuiltInIds } from '../util/renameIds.ts'
import { withShare } from './frontier.ts'
import {
  applyOutage,
  contingencyCases,
  contingencySweep,
  firstKeyLoss,
  shockWindow,
  trustedRelays,
} from './contingency.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

const cases = {
  tiny: () => mustValidate(tinyScenario()),
  representative: () => mustValidate(representativeScenario()),
  'representative, scarce key': () => {
    const s = mustValidate(representativeScenario())
    return withShare(s, s.qkd.vppShare / 20)
  },
}

describe('the N-1 case list', () => {
  it.each(Object.keys(cases) as (keyof typeof cases)[])(
    'of %s is the same from a given evaluation-day instance as built on its own',
    (name) => {
      const scenario = cases[name]()
      const instance = buildInstance(scenario, EVALUATION_DAY)
      expect(contingencyCases(scenario, instance)).toEqual(contingencyCases(scenario))
      expect(contingencyCases(scenario).length).toBeGreaterThan(scenario.qkd.links.length)
    },
  )
})

describe.each(Object.keys(cases) as (keyof typeof cases)[])('N-1 sweep of %s', (name) => {
  const scenario = cases[name]()
  let report: ReturnType<typeof contingencySweep>
  beforeAll(() => {
    report = contingencySweep(highs, scenario)
  })

  it('reports every link and every trusted relay, for the day and the shock window', () => {
    expect(report.links.map((l) => l.linkId)).toEqual(scenario.qkd.links.map((l) => l.id))
    expect(report.nodes.map((n) => n.nodeId)).toEqual(trustedRelays(scenario))
    const hasWindow = shockWindow(scenario) !== null
    for (const row of [...report.links, ...report.nodes])
      expect(row.window !== undefined).toBe(hasWindow)
  })

  it('never lowers the oracle cost by losing a link or a relay', () => {
    const base = report.base.objectiveEur as number
    const tolerance = 1e-7 * Math.max(1, Math.abs(base))
    for (const row of [...report.links, ...report.nodes]) {
      for (const outcome of [row, row.window]) {
        if (outcome === undefined || outcome.objectiveEur === null) continue
        expect(outcome.objectiveEur).toBeGreaterThanOrEqual(base - tolerance)
        expect(outcome.deltaObjectiveEur as number).toBeGreaterThanOrEqual(-tolerance)
      }
      // A failure over the whole day costs at least as much as the same failure in a window.
      const inWindow = row.window?.objectiveEur ?? null
      if (inWindow !== null && row.objectiveEur !== null)
        expect(row.objectiveEur).toBeGreaterThanOrEqual(inWindow - tolerance)
    }
  })

  it('equals a cold solve of the failed scenario', () => {
    const all = contingencyCases(scenario)
    const sample = all[Math.floor(all.length / 2)]!
    const cold = runOracle(highs, applyOutage(scenario, sample), { integer: false }).result
    const rows = sample.kind === 'link' ? report.links : report.nodes
    const row = rows.find((r) => ('linkId' in r ? r.linkId : r.nodeId) === sample.id)!
    const outcome = sample.scope === 'day' ? row : row.window!
    if (cold.status === 'optimal') {
      expect(Math.abs((outcome.objectiveEur as number) - cold.objectiveEur)).toBeLessThanOrEqual(
        1e-7 * Math.max(1, cold.objectiveEur),
      )
    } else {
      expect(outcome.objectiveEur).toBeNull()
    }
  })
})

describe('applyOutage', () => {
  const scenario = mustValidate(representativeScenario())

  it('zeroes a failed link for the outage only and leaves the rest of the scenario alone', () => {
    const link = scenario.qkd.links[0]!
    const failed = applyOutage(scenario, {
      kind: 'link',
      id: link.id,
      scope: 'window',
      startSlot: 10,
      endSlot: 20,
    })
    expect(failed.shocks.slice(0, -1)).toEqual(scenario.shocks)
    expect(failed.shocks.at(-1)).toMatchObject({
      links: [link.id],
      factor: 0,
      startSlot: 10,
      endSlot: 20,
    })
    expect(failed.qkd).toEqual(scenario.qkd)
  })

  it('fails every link a relay terminates', () => {
    const node = trustedRelays(scenario)[0]!
    const failed = applyOutage(scenario, {
      kind: 'node',
      id: node,
      scope: 'day',
      startSlot: 0,
      endSlot: scenario.horizon.slots,
    })
    const expected = scenario.qkd.links.filter((l) => l.a === node || l.b === node).map((l) => l.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(failed.shocks.at(-1)?.links).toEqual(expected)
  })
})

describe('firstKeyLoss', () => {
  it('names the process that loses key earliest, ignoring reshuffles below 1 %', () => {
    const base = { bidding: [100, 100, 100], dispatch: [100, 100, 100] }
    expect(firstKeyLoss(base, { bidding: [100, 99.5, 50], dispatch: [100, 80, 100] })).toEqual({
      processId: 'dispatch',
      slot: 1,
      lostBits: 20,
    })
    expect(firstKeyLoss(base, base)).toBeNull()
    expect(firstKeyLoss(base, { bidding: [0, 0, 0], dispatch: [0, 100, 100] }, 1)).toEqual({
      processId: 'bidding',
      slot: 1,
      lostBits: 100,
    })
  })
})

describe('a process called __proto__', () => {
  // The tiny day with one process, `__proto__` (nodes and links renamed after built-ins too).
  // Before metrics kept ids in null-prototype records, its key use went to Object.prototype
  // instead of the base plan's record, and no case named it as the process that loses key.
  const doc = withBuiltInIds(tinyScenario()) as Record<string, any>
  doc.processes = doc.processes.slice(0, 1)
  const scenario = mustValidate(doc)

  /** Key used per slot by the only process: on the per-link basis, the links' summed use. */
  const keyUse = (s: typeof scenario): number[] | undefined => {
    const links = Object.values(runOracle(highs, s, { integer: false }).report.links)
    if (links.length === 0 || links[0]?.usedBits.length === 0) return undefined
    return Array.from({ length: s.horizon.slots }, (_, t) =>
      links.reduce((sum, l) => sum + (l.usedBits[t] ?? 0), 0),
    )
  }

  it('is named as the process that loses key, where and as much as the plans say', () => {
    expect(scenario.processes.map((p) => p.id)).toEqual(['__proto__'])
    const report = contingencySweep(highs, scenario)
    const base = keyUse(scenario)
    if (base === undefined) throw new Error('the base day has no plan')
    let named = 0
    for (const c of contingencyCases(scenario)) {
      const rows = c.kind === 'link' ? report.links : report.nodes
      const row = rows.find((r) => ('linkId' in r ? r.linkId : r.nodeId) === c.id)!
      const outcome = c.scope === 'day' ? row : row.window!
      const outage = keyUse(applyOutage(scenario, c))
      const expected =
        outage === undefined
          ? null
          : firstKeyLoss(
              idRecordOf([['__proto__', base]]),
              idRecordOf([['__proto__', outage]]),
              c.startSlot,
            )
      expect(outcome.firstLoss?.processId ?? null, `${c.kind} ${c.id} ${c.scope}`).toBe(
        expected?.processId ?? null,
      )
      if (expected === null) continue
      named++
      expect(outcome.firstLoss?.slot).toBe(expected.slot)
      expect(outcome.firstLoss?.lostBits).toBeCloseTo(expected.lostBits, 0)
    }
    expect(named).toBeGreaterThan(0)
  })
})
