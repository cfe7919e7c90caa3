/**
 * The oracle on the built-in scenarios: LP export round trip, warm re-solves, infeasibility
 * explanations, metric consistency and the representative day's calibration (MODEL.md §7–§8).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Highs } from 'highs'
import { loadSolver } from '../../node/loadSolver.ts'
import { linkUseBits } from '../allocation.ts'
import { buildInstance, type Instance } from '../derive/instance.ts'
import { computeMetrics } from '../metrics/metrics.ts'
import { thresholdCertificate } from '../metrics/threshold.ts'
import { buildOracleModel } from '../model/buildOracleModel.ts'
import { writeLp } from '../model/lpWriter.ts'
import { runOracle } from '../report/oracleReport.ts'
import { largeScenario } from '../scenario/builtins/large.ts'
import { representativeScenario } from '../scenario/builtins/representative.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import type { Scenario } from '../scenario/types.ts'
import { OracleSession, type OracleResult } from './oracleSession.ts'
import { mustValidate } from './testScenarios.ts'

let highs: Highs
let representative: Scenario
beforeAll(async () => {
  highs = await loadSolver()
  representative = mustValidate(representativeScenario())
})

function solveOnce(instance: Instance, integer = false): OracleResult {
  const session = new OracleSession(highs, instance, { integer })
  try {
    return session.solve()
  } finally {
    session.dispose()
  }
}

/** Solves LP text with a fresh HiGHS model and returns the objective in Eur. */
function solveLpText(text: string, objectiveUnitEur: number): number {
  const model = highs.createModel({ format: 'lp', data: text })
  try {
    model.options.set({ output_flag: false })
    const run = model.run()
    expect(run.modelStatus).toBe(highs.constants.modelStatus.optimal)
    return model.getObjectiveValue() * objectiveUnitEur
  } finally {
    model.dispose()
  }
}

const withDoc = (mutate: (doc: Record<string, any>) => void): Scenario => {
  const doc = representativeScenario() as Record<string, any>
  mutate(doc)
  return mustValidate(doc)
}

describe('LP-text export', () => {
  it.each([
    ['tiny', false],
    ['tiny', true],
    ['representative', false],
  ] as const)('re-reads to the same optimum (%s, integer=%s)', (name, integer) => {
    const scenario = name === 'tiny' ? mustValidate(tinyScenario()) : representative
    const instance = buildInstance(scenario, 0)
    const built = buildOracleModel(instance)
    const text = writeLp(
      instance,
      built,
      { scenarioName: scenario.name, scenarioHash: 'test' },
      integer,
    )
    const direct = solveOnce(instance, integer)
    const viaText = solveLpText(text, built.scaling.objectiveUnitEur)
    expect(Math.abs(viaText - direct.objectiveEur)).toBeLessThanOrEqual(
      1e-7 * Math.abs(direct.objectiveEur) + 1e-9,
    )
  })

  it('stays within LP readers’ line limits on the large scenario and parses to the same dimensions', () => {
    const instance = buildInstance(mustValidate(largeScenario()), 0)
    const built = buildOracleModel(instance)
    const text = writeLp(instance, built, { scenarioName: 'large', scenarioHash: 'test' }, true)
    const longest = text.split('\n').reduce((m, line) => Math.max(m, line.length), 0)
    expect(longest).toBeLessThan(255)
    const model = highs.createModel({ format: 'lp', data: text })
    try {
      const dims = model.getDimensions()
      expect(dims.numCols).toBe(built.model.numCols)
      expect(dims.numRows).toBe(built.model.numRows)
    } finally {
      model.dispose()
    }
  })

  it('states the units of the scaled model in its header', () => {
    const instance = buildInstance(mustValidate(tinyScenario()), 0)
    const built = buildOracleModel(instance)
    const text = writeLp(instance, built, { scenarioName: 'x', scenarioHash: 'h' }, false)
    expect(text).toContain(`key in blocks of ${built.scaling.keyUnitBits} bits`)
    expect(text).toContain(`objective in units of ${built.scaling.objectiveUnitEur} Eur`)
  })
})

describe('incremental re-solve', () => {
  const cases: Array<[string, (doc: Record<string, any>) => void]> = [
    ['VPP share', (d) => (d.qkd.vppShare = 0.008)],
    // 0.012 moves the ideal key block to the next power of two; the model keeps its units.
    ['VPP share across a key-unit boundary', (d) => (d.qkd.vppShare = 0.012)],
    ['link rate', (d) => (d.qkd.links[0].keyRateBps = 1.5e6)],
    ['link buffer', (d) => (d.qkd.links[7].bufferBits = 4e6)],
    ['window multiplier', (d) => (d.threat.windows[0].multiplier = 25)],
    ['shock factor', (d) => (d.shocks[0].factor = 0.05)],
  ]
  it.each(cases)('a %s change re-solves warm to the cold optimum', (_name, mutate) => {
    const session = new OracleSession(highs, buildInstance(representative, 0))
    try {
      const first = session.solve()
      expect(first.warm).toBe(false)
      const changed = buildInstance(withDoc(mutate), 0)
      session.update(changed)
      const warm = session.solve()
      expect(warm.warm).toBe(true)
      expect(session.buildMs).toBe(0)
      const cold = solveOnce(changed)
      expect(Math.abs(warm.objectiveEur - cold.objectiveEur)).toBeLessThanOrEqual(
        1e-7 * Math.abs(cold.objectiveEur) + 1e-9,
      )
    } finally {
      session.dispose()
    }
  })

  it('rebuilds after a structural change and still solves correctly', () => {
    const session = new OracleSession(highs, buildInstance(representative, 0))
    try {
      session.solve()
      const changed = buildInstance(
        withDoc((d) => (d.policy.pathsPerFlow = 1)),
        0,
      )
      session.update(changed)
      const next = session.solve()
      expect(next.warm).toBe(false)
      expect(next.objectiveEur).toBeCloseTo(solveOnce(changed).objectiveEur, 6)
    } finally {
      session.dispose()
    }
  })
})

describe('infeasible scenarios', () => {
  it('explains in domain words which links, processes and slots conflict', () => {
    // Dispatch must carry a per-message tag and may not be held, and a full outage of every link
    // through the day's middle leaves no key for it once the stores run dry. (The terminal rule
    // only charges key missing at the end of the day; it cannot make up key mid-day.)
    const scenario = withDoc((d) => {
      d.policy.holdAllowed = false
      const dispatch = d.processes.find((p: { id: string }) => p.id === 'dispatch')
      dispatch.minOption = dispatch.options.find((o: { kind: string }) => o.kind === 'wc-mac').id
      d.shocks.push({ label: 'Blackout', startSlot: 40, endSlot: 70, links: 'all', factor: 0 })
    })
    const result = solveOnce(buildInstance(scenario, 0))
    expect(result.status).toBe('infeasible')
    const why = result.infeasibility!
    expect(why.processes).toContain('dispatch')
    expect(why.links.length).toBeGreaterThan(0)
    expect(why.slots.every((t) => t >= 0 && t < 96)).toBe(true)
    const text = why.messages.join(' ')
    expect(text).toMatch(/Link [A-Z0-9-]+ \(/)
    expect(text).toContain('dispatch')
    expect(text).toContain('holding messages is not allowed')
  })
})

describe('metrics of the oracle', () => {
  it('agree with the solver objective and the key balance', () => {
    const instance = buildInstance(representative, 0)
    const result = solveOnce(instance)
    const metrics = computeMetrics(instance, result.allocation!)
    // The unscaled objective recomputed from the allocation equals the solver's scaled optimum.
    expect(Math.abs(metrics.objectiveEur - result.objectiveEur)).toBeLessThanOrEqual(
      1e-6 * result.objectiveEur,
    )
    const use = linkUseBits(instance, result.allocation!)
    const usedTotal = use.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0)
    expect(metrics.keyUsedBits).toBeCloseTo(usedTotal, 0)
    const starting = instance.links.reduce((s, l) => s + l.initialBits, 0)
    expect(metrics.keyUtilization).toBeCloseTo(
      metrics.keyUsedBits / (metrics.keyGeneratedBits + starting),
      12,
    )
    expect(metrics.keyShortfallBits).toBe(0)
    expect(metrics.series.residualRiskEur).toHaveLength(96)
    const riskSum = metrics.series.residualRiskEur.reduce((a, b) => a + b, 0)
    expect(riskSum).toBeCloseTo(metrics.residualRiskEur, 6)
    // Generated = Σ Δt·r over every link and slot.
    const generated = instance.links.reduce(
      (s, l) => s + l.supplyBps.reduce((a, r) => a + r * 900, 0),
      0,
    )
    expect(metrics.keyGeneratedBits).toBeCloseTo(generated, 0)
  })

  it('report one entry per slot in every series', () => {
    const run = runOracle(highs, representative)
    expect(run.report.status).toBe('optimal')
    for (const series of Object.values(run.report.series)) expect(series).toHaveLength(96)
    for (const link of Object.values(run.report.links)) {
      expect(link.shadowPriceEurPerBit).toHaveLength(96)
      expect(link.storeBits).toHaveLength(96)
      expect(link.usedBits).toHaveLength(96)
    }
  })
})

describe('the representative day is calibrated as MODEL.md §7–§8 ask', () => {
  let instance: Instance
  let result: OracleResult
  beforeAll(() => {
    instance = buildInstance(representative, 0)
    result = solveOnce(instance)
  })

  it('is optimal and satisfies the threshold certificate within solver tolerance', () => {
    expect(result.status).toBe('optimal')
    const certificate = thresholdCertificate(
      instance,
      result.allocation!,
      result.shadowPriceEurPerBit,
    )
    expect(certificate.relativeViolation).toBeLessThan(1e-6)
  })

  it('binds the budget on some link in at least a quarter of the slots', () => {
    const binding = Array.from({ length: 96 }, (_, t) =>
      result.shadowPriceEurPerBit.some((p) => (p[t] ?? 0) > 0),
    )
    expect(binding.filter(Boolean).length).toBeGreaterThanOrEqual(24)
  })

  it('prices key higher inside each shock window than in quiet slots on the shocked links', () => {
    const inAny = (t: number) =>
      representative.threat.windows.some((w) => t >= w.startSlot && t < w.endSlot) ||
      representative.shocks.some((s) => t >= s.startSlot && t < s.endSlot)
    const quiet = Array.from({ length: 96 }, (_, t) => t).filter((t) => !inAny(t))
    const mean = (p: Float64Array, slots: number[]) =>
      slots.reduce((s, t) => s + (p[t] ?? 0), 0) / slots.length
    for (const shock of representative.shocks) {
      const slots = Array.from(
        { length: shock.endSlot - shock.startSlot },
        (_, i) => shock.startSlot + i,
      )
      const links = shock.links === 'all' ? instance.links.map((l) => l.id) : shock.links
      for (const id of links) {
        const e = instance.links.findIndex((l) => l.id === id)
        const prices = result.shadowPriceEurPerBit[e]!
        expect(mean(prices, slots), `${shock.label} on ${id}`).toBeGreaterThan(mean(prices, quiet))
      }
    }
  })

  it('carries an all-classical risk between €10k and €1M', () => {
    const metrics = computeMetrics(instance, result.allocation!)
    expect(metrics.classicalRiskEur).toBeGreaterThan(1e4)
    expect(metrics.classicalRiskEur).toBeLessThan(1e6)
    expect(metrics.residualRiskEur).toBeLessThan(metrics.classicalRiskEur)
  })

  it('chooses every option kind somewhere during the day', () => {
    const kinds = new Set<string>()
    instance.flows.forEach((f, k) => {
      const shares = result.allocation!.optionShare[k]!
      for (let t = 0; t < 96; t++) {
        f.options.forEach((o, oi) => {
          if ((shares[t * f.options.length + oi] ?? 0) > 1e-6) kinds.add(o.kind)
        })
      }
    })
    expect([...kinds].sort()).toEqual(['aes-refresh', 'classical', 'otp-mac', 'wc-mac'])
  })
})
