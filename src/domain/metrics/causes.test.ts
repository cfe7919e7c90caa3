/**
 * Causes of late messages and residual risk (causes.ts): the parts add up to the plan's totals,
 * and each cause appears exactly where the scenario puts it.
 */
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSolver } from '../../node/loadSolver.ts'
import { buildInstance } from '../derive/instance.ts'
import { runOracle } from '../report/oracleReport.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { applyFix } from '../solve/fixes.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { computeMetrics } from './metrics.ts'
import { unreachableDeadlines, unreachableDeadlineText } from './causes.ts'

let highs: Highs
beforeAll(async () => {
  highs = await loadSolver()
})

type Doc = Record<string, any>
const sum = (r: object): number => Object.values(r).reduce((a: number, b) => a + (b as number), 0)

function solved(doc: Doc) {
  const scenario = mustValidate(doc)
  const run = runOracle(highs, scenario)
  return { scenario, run, metrics: run.metrics! }
}

describe('late messages and residual risk by cause', () => {
  it.each([
    ['tiny', () => tinyScenario() as Doc],
    ['representative', () => representativeScenario() as Doc],
  ])('add up to the totals on %s', (_, make) => {
    const { metrics } = solved(make())
    expect(sum(metrics.slaViolationsByCause)).toBeCloseTo(metrics.slaViolations, 6)
    expect(sum(metrics.residualRiskByCause)).toBeCloseTo(metrics.residualRiskEur, 6)
  })

  it('puts held messages during a full outage under "outage", and the rest under lack of key', () => {
    const doc = tinyScenario() as Doc
    doc.shocks = [{ label: 'Cut', startSlot: 1, endSlot: 3, links: 'all', factor: 0 }]
    doc.qkd.links.forEach(
      (l: Doc) => ((l.bufferBits = 1000), (l.initialBufferBits = 0), (l.reserveFraction = 0)),
    )
    doc.processes[0].minOption = 'D1'
    const { metrics } = solved(doc)
    const by = metrics.slaViolationsByCause
    expect(by.outage).toBeGreaterThan(0)
    expect(by.deadlineUnreachable).toBe(0)
    expect(sum(by)).toBeCloseTo(metrics.slaViolations, 6)
    // Risk above the floor inside the outage is the outage's.
    expect(metrics.residualRiskByCause.outage).toBeGreaterThan(0)
  })

  it('names a deadline no allowed option meets, with the latency parts, and counts it', () => {
    const doc = tinyScenario() as Doc
    // Metering's deadline below what even PQC-only (no key fetch) takes.
    doc.processes[1].deadlineMs = 0.05
    doc.processes[1].options[0].latencyMs = 0.2
    const { scenario, metrics } = solved(doc)
    const [u, ...rest] = unreachableDeadlines(scenario, buildInstance(scenario, 0))
    expect(rest).toHaveLength(0)
    expect(u?.processId).toBe('metering')
    expect(u?.deadlineMs).toBe(0.05)
    expect(u?.latencyMs).toBeGreaterThan(0.05)
    expect(u?.latencyMs).toBeCloseTo((u?.optionMs ?? 0) + (u?.keyFetchMs ?? 0) + (u?.relayMs ?? 0))
    const text = unreachableDeadlineText(u!)
    expect(text).toContain('metering')
    expect(text).toContain('0.05 ms deadline')
    const instance = buildInstance(scenario, 0)
    const meteringMessages = instance.flows
      .filter((f) => f.processId === 'metering')
      .reduce((s, f) => s + f.messagesPerSlot * instance.slots, 0)
    expect(metrics.slaViolationsByCause.deadlineUnreachable).toBeCloseTo(meteringMessages, 6)
  })

  it('reports no unreachable deadline on the built-in days', () => {
    for (const doc of [tinyScenario(), representativeScenario()]) {
      const scenario = mustValidate(doc)
      expect(unreachableDeadlines(scenario, buildInstance(scenario, 0))).toEqual([])
    }
  })

  it('keeps the split consistent for any policy allocation', () => {
    const scenario = mustValidate(tinyScenario())
    const instance = buildInstance(scenario, 0)
    const run = runOracle(highs, scenario)
    const m = computeMetrics(instance, run.result.allocation!)
    expect(run.report.slaViolationsByCause).toEqual(
      Object.fromEntries(
        Object.entries(m.slaViolationsByCause).map(([k, v]) => [k, Number(v.toPrecision(12))]),
      ),
    )
  })
})

describe('infeasibility fixes that work', () => {
  function infeasibleDoc(outageFactor: number): Doc {
    const doc = tinyScenario() as Doc
    doc.policy.holdAllowed = false
    doc.processes[0].minOption = 'D2'
    doc.shocks = [{ label: 'Cut', startSlot: 1, endSlot: 4, links: 'all', factor: outageFactor }]
    return doc
  }

  it('offers only fixes that make the scenario feasible when applied', () => {
    for (const factor of [0, 0.05]) {
      const scenario = mustValidate(infeasibleDoc(factor))
      const run = runOracle(highs, scenario)
      expect(run.report.status).toBe('infeasible')
      const fixes = run.report.infeasibility?.fixes ?? []
      expect(fixes.length).toBeGreaterThan(0)
      for (const fix of fixes) {
        expect(runOracle(highs, applyFix(scenario, fix)).report.status, fix.text).toBe('optimal')
      }
      expect(run.report.infeasibility?.messages.at(-1)).toMatch(/^To make it feasible: /)
    }
  })

  it('never offers more share when the links of the conflict generate no key', () => {
    const run = runOracle(highs, mustValidate(infeasibleDoc(0)))
    const kinds = (run.report.infeasibility?.fixes ?? []).map((f) => f.kind)
    expect(kinds).not.toContain('raise-share')
    expect(kinds).toContain('allow-hold')
  })

  it('offers more share when the links still generate some key', () => {
    const run = runOracle(highs, mustValidate(infeasibleDoc(0.05)))
    const kinds = (run.report.infeasibility?.fixes ?? []).map((f) => f.kind)
    expect(kinds).toContain('raise-share')
  })
})
