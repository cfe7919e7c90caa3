/**
 * The CLI's contract: exit codes, the JSON result shape, stdin input, and no stack traces on
 * user errors. Most tests call `main()` with an in-memory io; one runs the real bin script the
 * way `npx qkdvpp` does.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { EXIT, main, type CliIo } from './main.ts'

interface Captured {
  code: number
  stdout: string
  stderr: string
}

async function run(
  argv: string[],
  files: Record<string, string> = {},
  stdin = '',
): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: async (path) => {
      const text = files[path]
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' })
      return text
    },
    readStdin: async () => stdin,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

const tinyJson = JSON.stringify(tinyScenario())

describe('qkdvpp example', () => {
  it.each(['representative', 'tiny', 'large'])(
    'prints the %s scenario, which validates',
    async (name) => {
      const printed = await run(['example', name])
      expect(printed.code).toBe(EXIT.ok)
      const validated = await run(['validate', 'x.json'], { 'x.json': printed.stdout })
      expect(validated).toEqual({ code: EXIT.ok, stdout: 'valid\n', stderr: '' })
    },
  )

  it('rejects an unknown example with a usage error', async () => {
    const r = await run(['example', 'huge'])
    expect(r.code).toBe(EXIT.invalid)
    expect(r.stderr).toContain('unknown example "huge"')
  })
})

describe('qkdvpp schema', () => {
  it('prints a JSON Schema that an independent validator (Ajv) applies as the planner does', async () => {
    const r = await run(['schema'], {})
    expect(r.code).toBe(EXIT.ok)
    const schema = JSON.parse(r.stdout) as Record<string, unknown>
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    const ajv = new Ajv2020({ allErrors: true, strict: false })
    const check = ajv.compile(schema)
    for (const doc of [tinyScenario(), representativeScenario()]) {
      expect(check(doc), JSON.stringify(check.errors)).toBe(true)
      expect(check({ ...doc, $schema: './scenario.schema.json' })).toBe(true)
    }
    const typo = tinyScenario() as Record<string, any>
    typo.qkd.links[0].lenghtKm = 3
    expect(check(typo)).toBe(false)
    const outOfRange = tinyScenario() as Record<string, any>
    outOfRange.qkd.vppShare = 2
    expect(check(outOfRange)).toBe(false)
  })
})

describe('qkdvpp validate', () => {
  it('prints one path: message line per problem and exits 2', async () => {
    const doc = tinyScenario() as Record<string, any>
    doc.qkd.links[0].b = 'NOWHERE'
    doc.processes[1].minOption = 'M9'
    doc.policy.pathsPerFlow = 0
    const r = await run(['validate', 'bad.json'], { 'bad.json': JSON.stringify(doc) })
    expect(r.code).toBe(EXIT.invalid)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^policy\.pathsPerFlow: must be between 1 and 4/),
    ])
    // Cross-field problems come once every field reads.
    doc.policy.pathsPerFlow = 1
    const crossed = await run(['validate', 'bad.json'], { 'bad.json': JSON.stringify(doc) })
    expect(crossed.code).toBe(EXIT.invalid)
    const lines = crossed.stderr.trim().split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^qkd\.links\[0\]\.b: unknown node "NOWHERE"/),
        expect.stringMatching(
          /^processes\[1\]\.minOption: "M9" is not one of the process's options/,
        ),
      ]),
    )
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it('reports malformed JSON and missing files as invalid input without a stack trace', async () => {
    const broken = await run(['validate', 'b.json'], { 'b.json': '{"format": ' })
    expect(broken.code).toBe(EXIT.invalid)
    expect(broken.stderr).toMatch(/^\(root\): not valid JSON/)
    const missing = await run(['validate', 'nope.json'])
    expect(missing.code).toBe(EXIT.invalid)
    expect(missing.stderr).toContain('nope.json: cannot read file (ENOENT)')
  })

  it('accepts builtin:NAME in place of a file', async () => {
    expect((await run(['validate', 'builtin:tiny'])).stdout).toBe('valid\n')
    expect((await run(['validate', 'builtin:nope'])).code).toBe(EXIT.invalid)
  })

  it('reads standard input for -', async () => {
    expect((await run(['validate', '-'], {}, tinyJson)).stdout).toBe('valid\n')
  })
})

describe('qkdvpp solve', () => {
  it('prints exactly one JSON object of the documented shape', async () => {
    const r = await run(['solve', 't.json', '--json'], { 't.json': tinyJson })
    expect(r.code).toBe(EXIT.ok)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({
      format: 'qkd-vpp-result',
      version: 1,
      scenario: { name: 'Tiny relay example', hash: expect.stringMatching(/^[0-9a-f]{16}$/) },
      solver: { name: 'HiGHS', version: expect.any(String) },
    })
    const oracle = doc.policies.oracle
    for (const key of [
      'objectiveEur',
      'residualRiskEur',
      'slaViolations',
      'slaViolationRate',
      'keyGeneratedBits',
      'keyUsedBits',
      'keySpilledBits',
      'keyUtilization',
      'keyEfficiencyEurPerMbit',
      'solveMs',
      'thresholdViolation',
    ]) {
      expect(typeof oracle[key], key).toBe('number')
    }
    expect(oracle.status).toBe('optimal')
    // The causes add up to the totals, and the terminal rule's charge is reported.
    const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0)
    expect(Object.keys(oracle.slaViolationsByCause).sort()).toEqual(
      ['deadlineUnreachable', 'heldForKey', 'lateByChoice', 'outage'].sort(),
    )
    expect(sum(oracle.slaViolationsByCause)).toBeCloseTo(oracle.slaViolations, 6)
    expect(Object.keys(oracle.residualRiskByCause).sort()).toEqual(
      ['floor', 'keyScarcity', 'outage'].sort(),
    )
    expect(sum(oracle.residualRiskByCause)).toBeCloseTo(oracle.residualRiskEur, 6)
    expect(typeof oracle.terminalChargeEur).toBe('number')
    expect(doc.warnings).toEqual([])
    for (const series of Object.values(oracle.series) as number[][]) expect(series).toHaveLength(4)
    expect(Object.keys(oracle.links)).toEqual(['CC-R', 'R-GW'])
    for (const link of Object.values(oracle.links) as Array<Record<string, number[]>>) {
      expect(link.shadowPriceEurPerBit).toHaveLength(4)
      expect(link.storeBits).toHaveLength(4)
      expect(link.usedBits).toHaveLength(4)
    }
  })

  it('gives the same hash to the same scenario written differently', async () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(tinyScenario()).reverse()))
    const a = JSON.parse((await run(['solve', 'a', '--json'], { a: tinyJson })).stdout)
    const b = JSON.parse((await run(['solve', 'b', '--json'], { b: reordered })).stdout)
    expect(a.scenario.hash).toBe(b.scenario.hash)
  })

  it('solves the MILP with --integer and reports the integrality gap', async () => {
    const r = await run(['solve', 't.json', '--json', '--integer'], { 't.json': tinyJson })
    const oracle = JSON.parse(r.stdout).policies.oracle
    expect(oracle.status).toBe('optimal')
    expect(oracle.lpBoundEur).toBeLessThanOrEqual(oracle.objectiveEur * (1 + 1e-9))
    expect(oracle.integralityGap).toBeGreaterThanOrEqual(0)
    expect(oracle.mipGap).toBeGreaterThanOrEqual(0)
    expect(oracle.mipGap).toBeLessThanOrEqual(5e-3)
  })

  it('prints a readable summary without --json', async () => {
    const r = await run(['solve', 't.json'], { 't.json': tinyJson })
    expect(r.code).toBe(EXIT.ok)
    expect(r.stdout).toContain('Status:   optimal')
    expect(r.stdout).toContain('Residual risk')
    expect(r.stdout).toMatch(/R-GW\s+\d+/)
  })

  it('exits 3 on an infeasible scenario and names links, processes and slots', async () => {
    // Dispatch must carry a per-message tag (its AES refresh needs too little key to run dry) and
    // may not be held, and a full outage of every link through the day's middle leaves no key.
    const doc = representativeScenario() as Record<string, any>
    doc.policy.holdAllowed = false
    const dispatch = doc.processes.find((p: { id: string }) => p.id === 'dispatch')
    dispatch.minOption = dispatch.options.find((o: { kind: string }) => o.kind === 'wc-mac').id
    doc.shocks.push({ label: 'Blackout', startSlot: 40, endSlot: 70, links: 'all', factor: 0 })
    const r = await run(['solve', 'x.json'], { 'x.json': JSON.stringify(doc) })
    expect(r.code).toBe(EXIT.infeasible)
    expect(r.stderr).toContain('is infeasible')
    expect(r.stderr).toMatch(
      /Link [A-Z0-9-]+ \([A-Z0-9]+–[A-Z0-9]+\) cannot supply enough key in slots \d+/,
    )
    expect(r.stderr).toMatch(/Process dispatch, flow CC -> RS\d/)
    // Only fixes that were checked to work are offered, and the same words come under --policy all.
    expect(r.stderr).toMatch(/To make it feasible: allow holding messages/)
    const all = await run(['solve', 'x.json', '--policy', 'all', '--days', '1'], {
      'x.json': JSON.stringify(doc),
    })
    expect(all.code).toBe(EXIT.infeasible)
    expect(all.stderr).toContain('To make it feasible: allow holding messages')
    // A policy without a plan has no figures: n/a in the table, null in the JSON, never a 0.
    const oracleRow = all.stdout.split('\n').find((line) => line.startsWith('oracle'))
    expect(oracleRow?.split(/\s+/).slice(1)).toEqual(['infeasible', ...Array(9).fill('n/a')])
    const json = JSON.parse(
      (
        await run(['solve', 'x.json', '--policy', 'all', '--days', '1', '--json'], {
          'x.json': JSON.stringify(doc),
        })
      ).stdout,
    )
    expect(json.policies.static.inWindows).toEqual({ riskEur: null, peakRiskEur: null })
    expect(json.policies.static.robustness).toEqual({
      meanRiskEur: null,
      cvar95RiskEur: null,
      days: 0,
    })
  })

  it('warns about a deadline no allowed option can meet, naming the latency', async () => {
    const doc = JSON.parse(tinyJson)
    doc.processes[1].deadlineMs = 0.05
    doc.processes[1].options[0].latencyMs = 0.2
    const r = await run(['solve', 't.json'], { 't.json': JSON.stringify(doc) })
    expect(r.code).toBe(EXIT.ok)
    expect(r.stderr).toMatch(/warning: Process metering cannot meet its 0\.05 ms deadline/)
    const json = JSON.parse(
      (await run(['solve', 't.json', '--json'], { 't.json': JSON.stringify(doc) })).stdout,
    )
    expect(json.warnings[0]).toContain('metering')
  })

  it('compares every policy with --policy all and reports regret, windows and robustness', async () => {
    const r = await run([
      'solve',
      'builtin:representative',
      '--policy',
      'all',
      '--days',
      '2',
      '--json',
    ])
    expect(r.code).toBe(EXIT.ok)
    const doc = JSON.parse(r.stdout)
    expect(Object.keys(doc.policies)).toEqual(['oracle', 'proposed', 'greedy', 'static'])
    for (const [name, p] of Object.entries(doc.policies) as Array<[string, any]>) {
      expect(typeof p.objectiveEur, name).toBe('number')
      expect(typeof p.regretVsOracle, name).toBe('number')
      expect(p.robustness).toEqual({
        meanRiskEur: expect.any(Number),
        cvar95RiskEur: expect.any(Number),
        days: 2,
      })
      expect(p.series.residualRiskEur).toHaveLength(96)
      expect(p.windows.length).toBeGreaterThan(0)
    }
    expect(doc.policies.oracle.regretVsOracle).toBe(0)
    // The proposed controller reports its per-link prices, one per slot.
    expect(doc.policies.proposed.links['CC-DSO'].shadowPriceEurPerBit).toHaveLength(96)
  })

  it('prints a comparison table for one policy against the oracle', async () => {
    const r = await run(['solve', 'builtin:tiny', '--policy', 'greedy', '--days', '1'])
    expect(r.code).toBe(EXIT.ok)
    expect(r.stdout).toMatch(/^policy\s+status\s+objective\s+regret/m)
    expect(r.stdout).toMatch(/^greedy\s+feasible\s+€/m)
  })

  it('rejects unknown policies, options and missing files as usage errors', async () => {
    expect((await run(['solve', 't.json', '--policy', 'magic'], { 't.json': tinyJson })).code).toBe(
      EXIT.invalid,
    )
    expect((await run(['solve', 't.json', '--fast'], { 't.json': tinyJson })).code).toBe(
      EXIT.invalid,
    )
    expect((await run(['solve'])).code).toBe(EXIT.invalid)
    expect((await run(['frobnicate'])).code).toBe(EXIT.invalid)
    expect((await run([])).code).toBe(EXIT.invalid)
    expect((await run(['--help'])).code).toBe(EXIT.ok)
  })
})

describe('qkdvpp export-lp', () => {
  it('prints LP text with a units header', async () => {
    const r = await run(['export-lp', 't.json', '--integer'], { 't.json': tinyJson })
    expect(r.code).toBe(EXIT.ok)
    expect(r.stdout).toMatch(/^\\ QKD-VPP oracle MILP/)
    expect(r.stdout).toContain('Subject To')
    expect(r.stdout).toContain('General')
    expect(r.stdout.trimEnd().endsWith('End')).toBe(true)
  })
})

describe('the installed bin script', () => {
  it('runs through node like npx qkdvpp, with exit codes intact', async () => {
    const bin = fileURLToPath(new URL('../../bin/qkdvpp.js', import.meta.url))
    const exec = promisify(execFile)
    const ok = await exec(process.execPath, [bin, 'example', 'tiny'])
    expect(JSON.parse(ok.stdout).name).toBe('Tiny relay example')
    const bad = await exec(process.execPath, [bin, 'validate', '/nonexistent.json']).catch(
      (e: { code: number; stderr: string }) => e,
    )
    expect((bad as { code: number }).code).toBe(2)
    expect((bad as { stderr: string }).stderr).toContain('cannot read file')
  })
})
