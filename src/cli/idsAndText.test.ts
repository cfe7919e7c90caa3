/**
 * Ids are data and text is hostile (issue 13, "Ids and text"): ids that are also names of
 * JavaScript built-ins round-trip through validate, solve and the JSON result; a byte-order mark
 * is accepted; `description` is a bounded string; terminal output carries no escape sequences;
 * and no number the result promises is NaN, Infinity or null.
 */
import { describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { EXIT, main, type CliIo } from './main.ts'

async function run(argv: string[], files: Record<string, string>) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: async (path) => files[path] ?? Promise.reject(new Error('missing')),
    readStdin: async () => '',
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

type Doc = Record<string, any>

/** The tiny day with its ids renamed to built-in property names. */
function hostileIds(): Doc {
  const doc = tinyScenario() as Doc
  const rename: Record<string, string> = { 'CC-R': '__proto__', 'R-GW': 'constructor' }
  for (const link of doc.qkd.links) link.id = rename[link.id] ?? link.id
  doc.processes[0].id = 'toString'
  doc.processes[1].id = 'hasOwnProperty'
  for (const s of doc.shocks) s.links = s.links.map((id: string) => rename[id] ?? id)
  return doc
}

/** Every number reachable from `value` (before serialising, so NaN cannot hide as null). */
function numbersOf(value: unknown, path = '', out: Array<[string, number]> = []) {
  if (typeof value === 'number') out.push([path, value])
  else if (Array.isArray(value)) value.forEach((v, i) => numbersOf(v, `${path}[${i}]`, out))
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) numbersOf(v, `${path}.${k}`, out)
  return out
}

describe('ids that are built-in names', () => {
  it('round-trip through solve --json and the policy comparison', async () => {
    const files = { 'h.json': JSON.stringify(hostileIds()) }
    const oracle = JSON.parse((await run(['solve', 'h.json', '--json'], files)).stdout)
    expect(Object.keys(oracle.policies.oracle.links).sort()).toEqual(['__proto__', 'constructor'])
    expect(oracle.policies.oracle.links['__proto__'].usedBits).toHaveLength(4)
    const all = await run(['solve', 'h.json', '--json', '--policy', 'all', '--days', '2'], files)
    expect(all.code).toBe(EXIT.ok)
    const doc = JSON.parse(all.stdout)
    for (const policy of Object.values(doc.policies) as Doc[])
      expect(Object.keys(policy.links).sort()).toEqual(['__proto__', 'constructor'])
  })
})

describe('text', () => {
  it('accepts a file that starts with a UTF-8 byte-order mark', async () => {
    const r = await run(['validate', 'b.json'], {
      'b.json': `\ufeff${JSON.stringify(tinyScenario())}`,
    })
    expect(r.code).toBe(EXIT.ok)
    expect(r.stdout).toBe('valid\n')
  })

  it('names the line and column where the JSON breaks', async () => {
    const text = `\ufeff{\n  "format": "qkd-vpp-scenario",\n  "version" 1\n}`
    const r = await run(['validate', 'x.json'], { 'x.json': text })
    expect(r.code).toBe(EXIT.invalid)
    expect(r.stderr).toContain(
      `(root): not valid JSON at line 3, column 13: unexpected "1" where ':' after a property name should be`,
    )
  })

  it('keeps a description and refuses one that is not a short string', async () => {
    const doc = tinyScenario() as Doc
    doc.description = 'Notes'
    expect((await run(['validate', 'd.json'], { 'd.json': JSON.stringify(doc) })).code).toBe(
      EXIT.ok,
    )
    doc.description = { html: '<b>x</b>' }
    const wrong = await run(['validate', 'd.json'], { 'd.json': JSON.stringify(doc) })
    expect(wrong.code).toBe(EXIT.invalid)
    expect(wrong.stderr).toMatch(/^description: /m)
    doc.description = 'x'.repeat(4001)
    const long = await run(['validate', 'd.json'], { 'd.json': JSON.stringify(doc) })
    expect(long.stderr).toMatch(/^description: must be at most 4000 characters/m)
  })

  it('writes no escape sequence of a scenario name to the terminal', async () => {
    const doc = tinyScenario() as Doc
    doc.name = 'Day\u001b[2J\u001b[1;1H\rFAKE'
    const r = await run(['solve', 'n.json'], { 'n.json': JSON.stringify(doc) })
    expect(r.code).toBe(EXIT.ok)
    // eslint-disable-next-line no-control-regex -- looking for control characters is the test
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/)
    expect(r.stdout).toContain('Day[2J[1;1HFAKE')
    const json = await run(['solve', 'n.json', '--json'], { 'n.json': JSON.stringify(doc) })
    expect(JSON.parse(json.stdout).scenario.name).toBe(doc.name)
  })

  it('reports the solver version as a version string', async () => {
    const r = await run(['solve', 't.json', '--json'], { 't.json': JSON.stringify(tinyScenario()) })
    expect(JSON.parse(r.stdout).solver.version).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe('numbers', () => {
  it('promises only finite numbers in the JSON result', async () => {
    const files = { 'h.json': JSON.stringify(hostileIds()) }
    const r = await run(['solve', 'h.json', '--json', '--policy', 'all', '--days', '2'], files)
    const doc = JSON.parse(r.stdout)
    const numbers = numbersOf(doc)
    expect(numbers.length).toBeGreaterThan(100)
    for (const [path, v] of numbers) expect(Number.isFinite(v), path).toBe(true)
    // Every figure of an optimal or feasible plan is a number, never null.
    for (const [name, p] of Object.entries(doc.policies) as Array<[string, Doc]>) {
      for (const key of [
        'objectiveEur',
        'residualRiskEur',
        'slaViolations',
        'keyUsedBits',
        'keyUtilization',
        'keyEfficiencyEurPerMbit',
        'keyShortfallBits',
        'terminalChargeEur',
      ])
        expect(typeof p[key], `${name}.${key}`).toBe('number')
    }
  })
})

describe('analyses of a scenario without a plan', () => {
  it.each(['frontier', 'link-value', 'contingency', 'lp-vs-milp'])(
    '%s exits 3 with the explanation instead of an empty table',
    async (command) => {
      const doc = tinyScenario() as Doc
      doc.policy.holdAllowed = false
      doc.processes[0].minOption = 'D2'
      doc.shocks = [{ label: 'Cut', startSlot: 1, endSlot: 4, links: 'all', factor: 0 }]
      const r = await run([command, 'x.json'], { 'x.json': JSON.stringify(doc) })
      expect(r.code).toBe(EXIT.infeasible)
      expect(r.stderr).toContain('the base scenario has no plan')
      expect(r.stderr).toContain('To make it feasible: ')
      expect(r.stdout).toBe('')
    },
  )
})
