/**
 * The decision-support commands' contract: the JSON shapes the issue specifies, readable text
 * without --json, and usage errors for bad ranges.
 */
import { describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { mustValidate } from '../domain/solve/testScenarios.ts'
import { EXIT, main, type CliIo } from './main.ts'

const tiny = mustValidate(tinyScenario())
const tinyJson = JSON.stringify(tinyScenario())

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: async (path) => {
      if (path !== 't.json') throw Object.assign(new Error('missing'), { code: 'ENOENT' })
      return tinyJson
    },
    readStdin: async () => tinyJson,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

describe('qkdvpp frontier', () => {
  it('prints the points asked for and the breakpoints as JSON', async () => {
    const r = await run([
      'frontier',
      't.json',
      '--from',
      '0.001',
      '--to',
      '0.01',
      '--steps',
      '7',
      '--json',
    ])
    expect(r.code).toBe(EXIT.ok)
    const out = JSON.parse(r.stdout) as {
      points: {
        vppShare: number
        objectiveEur: number
        residualRiskEur: number
        slaViolations: number
      }[]
      breakpoints: number[]
    }
    expect(out.points).toHaveLength(7)
    expect(out.points[0]!.vppShare).toBeCloseTo(0.001, 12)
    expect(out.points[6]!.vppShare).toBeCloseTo(0.01, 12)
    for (const p of out.points) {
      expect(typeof p.objectiveEur).toBe('number')
      expect(typeof p.residualRiskEur).toBe('number')
      expect(typeof p.slaViolations).toBe('number')
    }
    expect(Array.isArray(out.breakpoints)).toBe(true)
    for (const b of out.breakpoints) {
      expect(b).toBeGreaterThan(0.001)
      expect(b).toBeLessThan(0.01)
    }
  })

  it('spaces the points evenly with --spacing linear and reads stdin', async () => {
    const r = await run([
      'frontier',
      '-',
      '--from',
      '0.002',
      '--to',
      '0.004',
      '--steps',
      '3',
      '--spacing',
      'linear',
      '--json',
    ])
    const out = JSON.parse(r.stdout) as { points: { vppShare: number }[] }
    expect(out.points.map((p) => p.vppShare)).toEqual([0.002, 0.003, 0.004])
  })

  it('rejects a bad range with a usage error', async () => {
    for (const argv of [
      ['frontier', 't.json', '--from', '2'],
      ['frontier', 't.json', '--from', '0.5', '--to', '0.1'],
      ['frontier', 't.json', '--steps', '1'],
      ['frontier', 't.json', '--spacing', 'cubic'],
    ]) {
      const r = await run(argv)
      expect(r.code, argv.join(' ')).toBe(EXIT.invalid)
      expect(r.stderr).toMatch(/--(from|to|steps|spacing)/)
    }
  })

  it('prints a readable table without --json', async () => {
    const r = await run(['frontier', 't.json', '--steps', '3'])
    expect(r.stdout).toContain('Budget frontier of "Tiny relay example"')
    expect(r.stdout).toContain('Breakpoints')
  })
})

describe('qkdvpp link-value', () => {
  it('ranks every link by its best upgrade, with store and rate values and re-solve checks', async () => {
    const r = await run(['link-value', 't.json', '--json'])
    expect(r.code).toBe(EXIT.ok)
    const out = JSON.parse(r.stdout) as {
      links: {
        linkId: string
        valueEurPerKbps: number
        valueEurPerKbpsLinkRate: number
        storeValueEurPerMbit: number
        storeValueParts: Record<string, number>
        bestUpgrade: { lever: string; eurPerDay: number }
        check: { agrees: boolean }
        storeCheck: {
          agrees: boolean
          stepMbit: number
          raisedEurPerMbit: number
          loweredEurPerMbit: number
          relativeError: number
        }
      }[]
    }
    expect(out.links.map((l) => l.linkId).sort()).toEqual(tiny.qkd.links.map((l) => l.id).sort())
    for (const l of out.links) {
      expect(l.check.agrees).toBe(true)
      expect(l.storeCheck.agrees).toBe(true)
      expect(typeof l.storeValueEurPerMbit).toBe('number')
      expect(Object.keys(l.storeValueParts).sort()).toEqual([
        'capacityEurPerMbit',
        'reserveEurPerMbit',
        'terminalEurPerMbit',
      ])
      expect(l.storeCheck.stepMbit).toBeGreaterThan(0)
      expect(['store', 'rate', 'none']).toContain(l.bestUpgrade.lever)
      expect(l.bestUpgrade.eurPerDay).toBe(
        Math.max(0, l.storeValueEurPerMbit, l.valueEurPerKbpsLinkRate),
      )
    }
    const best = out.links.map((l) => l.bestUpgrade.eurPerDay)
    expect(best).toEqual([...best].sort((a, b) => b - a))
    const text = await run(['link-value', 't.json'])
    expect(text.code).toBe(EXIT.ok)
    expect(text.stdout).toContain('€ per Mbit of store')
    expect(text.stdout).toContain('€ per kb/s of link rate')
    expect(text.stdout).toContain('best upgrade')
    expect(text.stdout).toMatch(/\+1 Mbit store|\+1 kb\/s rate|none \(key not scarce\)/)
  })
})

describe('qkdvpp contingency', () => {
  it('gives the base and one row per link and relay', async () => {
    const r = await run(['contingency', 't.json', '--json'])
    expect(r.code).toBe(EXIT.ok)
    const out = JSON.parse(r.stdout) as {
      base: { objectiveEur: number }
      links: {
        linkId: string
        objectiveEur: number
        residualRiskEur: number
        slaViolations: number
      }[]
      nodes: { nodeId: string }[]
    }
    expect(typeof out.base.objectiveEur).toBe('number')
    expect(out.links).toHaveLength(tiny.qkd.links.length)
    for (const l of out.links)
      expect(l.objectiveEur).toBeGreaterThanOrEqual(out.base.objectiveEur - 1e-9)
    expect(out.nodes.map((n) => n.nodeId)).toEqual(['R'])
  })
})

describe('qkdvpp lp-vs-milp', () => {
  it('reports LP ≤ MILP and the split choices', async () => {
    const r = await run(['lp-vs-milp', 't.json', '--json'])
    expect(r.code).toBe(EXIT.ok)
    const out = JSON.parse(r.stdout) as {
      lpEur: number
      milpEur: number
      fractionalChoices: number
    }
    expect(out.lpEur).toBeLessThanOrEqual(out.milpEur + 1e-12)
    expect(out.fractionalChoices).toBeGreaterThanOrEqual(0)
  })
})
