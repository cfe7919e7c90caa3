/**
 * The scenario validator (MODEL.md §2, §8): every problem of a document is reported at once, each
 * with the JSON path of the offending field, and defaults are filled on success.
 */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_BUFFER_BITS,
  DEFAULT_CLASSICAL_SUCCESS_BOUND,
  DEFAULT_HORIZON,
  DEFAULT_NAME,
  DEFAULT_POLICY,
  DEFAULT_RATE_MODEL,
  DEFAULT_SEED,
  DEFAULT_UNCERTAINTY,
  DEFAULT_VPP_SHARE,
} from './defaults.ts'
import type { ValidationIssue } from './issues.ts'
import type { Scenario } from './types.ts'
import { validateScenario } from '../derive/validateScenario.ts'

/**
 * A small valid document: CC -(10)- R -(20)- GW1, R -(30)- GW2, CC -(40)- MO. Two aggregators,
 * one control, two processes (a fleet-driven one and an explicit pair), one window, one shock.
 */
function baseDoc(): any {
  return {
    format: 'qkd-vpp-scenario',
    version: 1,
    name: 'base',
    horizon: { slots: 8, slotMinutes: 15 },
    qkd: {
      nodes: [
        { id: 'CC', role: 'control' },
        { id: 'R', role: 'relay' },
        { id: 'GW1', role: 'aggregator' },
        { id: 'GW2', role: 'aggregator' },
        { id: 'MO', role: 'market' },
      ],
      links: [
        { id: 'CC-R', a: 'CC', b: 'R', lengthKm: 10 },
        { id: 'R-GW1', a: 'R', b: 'GW1', lengthKm: 20 },
        { id: 'R-GW2', a: 'R', b: 'GW2', lengthKm: 30 },
        { id: 'CC-MO', a: 'CC', b: 'MO', lengthKm: 40 },
      ],
    },
    fleet: {
      groups: [
        { id: 'g1', type: 'pv', sites: 10, unitKw: 5, gateway: 'GW1' },
        { id: 'g2', type: 'battery', sites: 4, unitKw: 250, gateway: 'GW2' },
      ],
    },
    processes: [
      {
        id: 'dispatch',
        endpoints: 'control->gateways',
        messagesPerSitePerHour: 60,
        messageBytes: 200,
        deadlineMs: 1000,
        impactEur: 1000,
        attacksPerHour: 4,
        options: [
          { id: 'd0', kind: 'classical' },
          { id: 'd1', kind: 'aes-refresh', refreshSeconds: 10 },
          { id: 'd2', kind: 'wc-mac', tagBits: 64 },
        ],
      },
      {
        id: 'bidding',
        endpoints: { from: 'CC', to: 'MO' },
        messagesPerHour: 60,
        messageBytes: 1000,
        deadlineMs: 60000,
        impactEur: 50000,
        attacksPerHour: 2,
        options: [
          { id: 'b0', kind: 'classical' },
          { id: 'b1', kind: 'otp-mac', tagBits: 128 },
        ],
      },
    ],
    threat: {
      windows: [{ label: 'w', startSlot: 2, endSlot: 4, multiplier: 5, processes: ['dispatch'] }],
    },
    shocks: [{ label: 's', startSlot: 5, endSlot: 8, links: ['R-GW1'], factor: 0.5 }],
  }
}

function valid(doc: unknown): Scenario {
  const result = validateScenario(doc)
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
  return result.scenario
}

function issuesOf(doc: unknown): ValidationIssue[] {
  const result = validateScenario(doc)
  expect(result.ok).toBe(false)
  return result.ok ? [] : result.issues
}

/** Asserts that exactly one issue sits at `path` and that its message contains `fragment`. */
function expectIssue(issues: ValidationIssue[], path: string, fragment: string): void {
  const atPath = issues.filter((i) => i.path === path)
  expect(
    atPath.map((i) => i.path),
    `issues: ${JSON.stringify(issues)}`,
  ).toEqual([path])
  expect(atPath[0]?.message).toContain(fragment)
}

/** Validates `mutate(baseDoc())` and returns its issues (the document must be invalid). */
function issuesAfter(mutate: (doc: any) => void): ValidationIssue[] {
  const doc = baseDoc()
  mutate(doc)
  return issuesOf(doc)
}

describe('validateScenario: valid documents', () => {
  it('accepts the base document and keeps the values it gives', () => {
    const s = valid(baseDoc())
    expect(s.name).toBe('base')
    expect(s.horizon).toEqual({ slots: 8, slotMinutes: 15 })
    expect(s.qkd.nodes.map((n) => n.id)).toEqual(['CC', 'R', 'GW1', 'GW2', 'MO'])
    expect(s.qkd.links.map((l) => l.lengthKm)).toEqual([10, 20, 30, 40])
    expect(s.processes[1]?.endpoints).toEqual({ from: 'CC', to: 'MO' })
    expect(s.processes[0]?.messagesPerSitePerHour).toBe(60)
    expect(s.processes[0]?.messagesPerHour).toBeUndefined()
    expect(s.processes[1]?.messagesPerHour).toBe(60)
    expect(s.threat.windows[0]?.processes).toEqual(['dispatch'])
    expect(s.shocks[0]?.links).toEqual(['R-GW1'])
  })

  it('does not modify the input document', () => {
    const doc = baseDoc()
    const copy = structuredClone(doc)
    valid(doc)
    expect(doc).toEqual(copy)
  })

  it('accepts boundary values (endSlot = slots, startSlot = slots - 1, shocks on all links)', () => {
    const doc = baseDoc()
    doc.threat.windows[0].startSlot = 7
    doc.threat.windows[0].endSlot = 8
    doc.shocks[0] = { label: 'all', startSlot: 0, endSlot: 8, links: 'all', factor: 0 }
    doc.qkd.links[0].reserveFraction = 0.5
    doc.qkd.vppShare = 1
    doc.horizon = { slots: 288, slotMinutes: 1 }
    const s = valid(doc)
    expect(s.shocks[0]?.links).toBe('all')
    expect(s.horizon.slots).toBe(288)
  })

  it('accepts a minOption that names one of the options', () => {
    const doc = baseDoc()
    doc.processes[0].minOption = 'd1'
    expect(valid(doc).processes[0]?.minOption).toBe('d1')
  })

  it('accepts a list of explicit endpoint pairs and a description at the root', () => {
    const doc = baseDoc()
    doc.description = 'free text'
    doc.processes[1].endpoints = [
      { from: 'CC', to: 'MO' },
      { from: 'GW1', to: 'GW2' },
    ]
    expect(valid(doc).processes[1]?.endpoints).toEqual([
      { from: 'CC', to: 'MO' },
      { from: 'GW1', to: 'GW2' },
    ])
  })
})

describe('validateScenario: defaults', () => {
  /** Only required fields. */
  function minimalDoc(): any {
    return {
      format: 'qkd-vpp-scenario',
      qkd: {
        nodes: [
          { id: 'CC', role: 'control' },
          { id: 'GW', role: 'aggregator' },
        ],
        links: [{ id: 'L', a: 'CC', b: 'GW', lengthKm: 5 }],
      },
      processes: [
        {
          id: 'p',
          endpoints: 'control->gateways',
          messagesPerHour: 10,
          messageBytes: 100,
          deadlineMs: 500,
          impactEur: 10,
          attacksPerHour: 1,
          options: [
            { id: 'c', kind: 'classical' },
            { id: 'a', kind: 'aes-refresh', refreshSeconds: 60 },
          ],
        },
      ],
    }
  }

  it('fills every top-level default', () => {
    const s = valid(minimalDoc())
    expect(s.version).toBe(1)
    expect(s.name).toBe(DEFAULT_NAME)
    expect(s.name).toBe('Untitled scenario')
    expect(s.seed).toBe(DEFAULT_SEED)
    expect(s.horizon).toEqual(DEFAULT_HORIZON)
    expect(s.horizon).toEqual({ slots: 96, slotMinutes: 15 })
    expect(s.qkd.rateModel).toEqual(DEFAULT_RATE_MODEL)
    expect(s.qkd.rateModel).toEqual({ r0Bps: 4e6, lossDbPerKm: 0.2 })
    expect(s.qkd.vppShare).toBe(DEFAULT_VPP_SHARE)
    expect(s.qkd.vppShare).toBe(0.02)
    expect(s.fleet.groups).toEqual([])
    expect(s.threat).toEqual({
      windows: [],
      classicalSuccessBound: DEFAULT_CLASSICAL_SUCCESS_BOUND,
    })
    expect(s.threat.classicalSuccessBound).toBe(1e-3)
    expect(s.shocks).toEqual([])
    expect(s.policy).toEqual(DEFAULT_POLICY)
    expect(s.uncertainty).toEqual(DEFAULT_UNCERTAINTY)
  })

  it('fills node, link, process and option defaults', () => {
    const s = valid(minimalDoc())
    expect(s.qkd.nodes[0]).toEqual({ id: 'CC', label: 'CC', role: 'control', x: 0.5, y: 0.5 })
    // bufferBits defaults to 10e6; the initial store to half of it, 5e6; no reserve.
    expect(s.qkd.links[0]).toEqual({
      id: 'L',
      a: 'CC',
      b: 'GW',
      lengthKm: 5,
      bufferBits: DEFAULT_BUFFER_BITS,
      initialBufferBits: 5e6,
      reserveFraction: 0,
    })
    expect(s.qkd.links[0]?.keyRateBps).toBeUndefined()
    const p = s.processes[0]
    expect(p?.label).toBe('p')
    expect(p?.slaPenaltyEur).toBe(0)
    expect(p?.impactEurPerMw).toBe(0)
    expect(p?.minOption).toBeUndefined()
    expect(p?.options[0]).toEqual({ id: 'c', label: 'c', kind: 'classical', latencyMs: 0 })
    // aes-refresh channels default to 1.
    expect(p?.options[1]).toEqual({
      id: 'a',
      label: 'a',
      kind: 'aes-refresh',
      latencyMs: 0,
      refreshSeconds: 60,
      channels: 1,
    })
  })

  it('defaults the initial store to half of an explicit bufferBits', () => {
    const doc = minimalDoc()
    doc.qkd.links[0].bufferBits = 3e6
    // 3e6 / 2 = 1.5e6
    expect(valid(doc).qkd.links[0]?.initialBufferBits).toBe(1.5e6)
  })

  it('fills defaults field by field inside a partly given section', () => {
    const doc = minimalDoc()
    doc.policy = { pathsPerFlow: 3 }
    doc.uncertainty = { yieldSigma: 0 }
    doc.horizon = { slots: 24 }
    doc.qkd.rateModel = { lossDbPerKm: 0.3 }
    const s = valid(doc)
    expect(s.policy).toEqual({ ...DEFAULT_POLICY, pathsPerFlow: 3 })
    expect(s.uncertainty).toEqual({ ...DEFAULT_UNCERTAINTY, yieldSigma: 0 })
    expect(s.horizon).toEqual({ slots: 24, slotMinutes: 15 })
    expect(s.qkd.rateModel).toEqual({ r0Bps: 4e6, lossDbPerKm: 0.3 })
  })

  it('default windows and shocks get default labels', () => {
    const doc = minimalDoc()
    doc.threat = { windows: [{ startSlot: 0, endSlot: 1, multiplier: 2 }] }
    doc.shocks = [{ startSlot: 0, endSlot: 1, links: 'all', factor: 0.5 }]
    const s = valid(doc)
    expect(s.threat.windows[0]?.label).toBe('attack window')
    expect(s.threat.windows[0]?.processes).toBeUndefined()
    expect(s.shocks[0]?.label).toBe('key-yield shock')
  })

  it('two documents that differ only in left-out defaults validate to the same scenario', () => {
    const explicit = minimalDoc()
    explicit.version = 1
    explicit.name = DEFAULT_NAME
    explicit.seed = 1
    explicit.horizon = { slots: 96, slotMinutes: 15 }
    explicit.policy = { ...DEFAULT_POLICY }
    explicit.uncertainty = { ...DEFAULT_UNCERTAINTY }
    explicit.qkd.vppShare = 0.02
    explicit.qkd.links[0].bufferBits = 10e6
    explicit.qkd.links[0].initialBufferBits = 5e6
    expect(valid(explicit)).toEqual(valid(minimalDoc()))
  })
})

describe('validateScenario: the root', () => {
  it.each([
    ['null', null, 'got null'],
    ['an array', [], 'got an array'],
    ['a string', 'scenario', 'got "scenario"'],
    ['a number', 42, 'got 42'],
    ['a boolean', true, 'got a boolean'],
  ])('rejects %s as the root without throwing', (_what, input, fragment) => {
    let result: ReturnType<typeof validateScenario> | undefined
    expect(() => {
      result = validateScenario(input)
    }).not.toThrow()
    expect(result?.ok).toBe(false)
    const issues = result !== undefined && !result.ok ? result.issues : []
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toBe('(root)')
    expect(issues[0]?.message).toContain('must be an object')
    expect(issues[0]?.message).toContain(fragment)
  })

  it('rejects undefined as the root', () => {
    const issues = issuesOf(undefined)
    expect(issues).toEqual([{ path: '(root)', message: 'is required' }])
  })

  it('rejects an empty object with the required sections', () => {
    const issues = issuesOf({})
    expect(issues).toEqual([
      { path: 'format', message: 'must be "qkd-vpp-scenario"' },
      { path: 'qkd', message: 'is required' },
      { path: 'processes', message: 'is required' },
    ])
  })

  it('rejects a wrong or missing format', () => {
    expectIssue(
      issuesAfter((d) => (d.format = 'qkd-vpp')),
      'format',
      'must be "qkd-vpp-scenario"',
    )
    expectIssue(
      issuesAfter((d) => delete d.format),
      'format',
      'must be "qkd-vpp-scenario"',
    )
    expectIssue(
      issuesAfter((d) => (d.format = 1)),
      'format',
      'must be "qkd-vpp-scenario"',
    )
  })

  it('refuses a version newer than supported, naming both versions', () => {
    const issues = issuesAfter((d) => (d.version = 2))
    expect(issues).toHaveLength(1)
    expectIssue(issues, 'version', 'newer than this planner understands')
    expect(issues[0]?.message).toContain('2')
    expect(issues[0]?.message).toContain('(1)')
  })

  it.each([
    ['a string', '1'],
    ['a fraction', 1.5],
    ['negative', -1],
    ['a boolean', true],
  ])('rejects a version that is %s', (_what, version) => {
    const issues = issuesAfter((d) => (d.version = version))
    expectIssue(issues, 'version', 'must be a whole number')
  })

  it('refuses version 0 because no migration to version 1 is registered', () => {
    const issues = issuesAfter((d) => (d.version = 0))
    expectIssue(issues, 'version', 'no migration from version 0 to 1')
  })

  it('reads a missing version as the current one', () => {
    const doc = baseDoc()
    delete doc.version
    expect(valid(doc).version).toBe(1)
  })

  it('rejects a name longer than 200 characters and an empty name', () => {
    expectIssue(
      issuesAfter((d) => (d.name = 'x'.repeat(201))),
      'name',
      'at most 200 characters',
    )
    expectIssue(
      issuesAfter((d) => (d.name = '')),
      'name',
      'must not be empty',
    )
    expect(valid({ ...baseDoc(), name: 'x'.repeat(200) }).name).toHaveLength(200)
  })
})

describe('validateScenario: unknown (misspelt) fields', () => {
  it.each([
    ['root', (d: any) => (d.proceses = []), 'proceses'],
    ['horizon', (d: any) => (d.horizon.slot = 4), 'horizon.slot'],
    ['qkd', (d: any) => (d.qkd.node = []), 'qkd.node'],
    ['rate model', (d: any) => (d.qkd.rateModel = { r0: 1 }), 'qkd.rateModel.r0'],
    ['node', (d: any) => (d.qkd.nodes[1].lable = 'x'), 'qkd.nodes[1].lable'],
    ['link', (d: any) => (d.qkd.links[2].bufferbits = 1), 'qkd.links[2].bufferbits'],
    ['fleet', (d: any) => (d.fleet.group = []), 'fleet.group'],
    ['group', (d: any) => (d.fleet.groups[1].site = 3), 'fleet.groups[1].site'],
    ['process', (d: any) => (d.processes[1].deadline = 3), 'processes[1].deadline'],
    [
      'option',
      (d: any) => (d.processes[0].options[2].tagbits = 3),
      'processes[0].options[2].tagbits',
    ],
    [
      'endpoint pair',
      (d: any) => (d.processes[1].endpoints.form = 'CC'),
      'processes[1].endpoints.form',
    ],
    ['threat', (d: any) => (d.threat.window = []), 'threat.window'],
    ['window', (d: any) => (d.threat.windows[0].multipler = 2), 'threat.windows[0].multipler'],
    ['shock', (d: any) => (d.shocks[0].factr = 2), 'shocks[0].factr'],
    ['policy', (d: any) => (d.policy = { pathPerFlow: 2 }), 'policy.pathPerFlow'],
    ['uncertainty', (d: any) => (d.uncertainty = { sigma: 2 }), 'uncertainty.sigma'],
  ])('reports an unknown field in the %s', (_where, mutate, path) => {
    expectIssue(issuesAfter(mutate), path, 'is not a known field')
  })

  it('reports a misspelt required field both as unknown and as missing', () => {
    const issues = issuesAfter((d) => {
      d.qkd.links[2].lenghtKm = d.qkd.links[2].lengthKm
      delete d.qkd.links[2].lengthKm
    })
    expectIssue(issues, 'qkd.links[2].lenghtKm', 'is not a known field')
    expectIssue(issues, 'qkd.links[2].lengthKm', 'is required')
  })
})

describe('validateScenario: duplicate ids', () => {
  it('reports a duplicate node id at the second use', () => {
    const issues = issuesAfter((d) => d.qkd.nodes.push({ id: 'R', role: 'relay' }))
    expectIssue(issues, 'qkd.nodes[5].id', 'duplicate node id "R" (first used at qkd.nodes[1])')
  })

  it('reports a duplicate link id', () => {
    const issues = issuesAfter((d) => (d.qkd.links[3].id = 'CC-R'))
    expectIssue(issues, 'qkd.links[3].id', 'duplicate link id "CC-R" (first used at qkd.links[0])')
  })

  it('reports a duplicate DER group id', () => {
    const issues = issuesAfter((d) => (d.fleet.groups[1].id = 'g1'))
    expectIssue(issues, 'fleet.groups[1].id', 'duplicate DER group id "g1"')
  })

  it('reports a duplicate process id', () => {
    const issues = issuesAfter((d) => (d.processes[1].id = 'dispatch'))
    expectIssue(issues, 'processes[1].id', 'duplicate process id "dispatch"')
  })

  it('reports a duplicate option id within a process', () => {
    const issues = issuesAfter((d) => (d.processes[0].options[2].id = 'd0'))
    expectIssue(
      issues,
      'processes[0].options[2].id',
      'duplicate option id "d0" (first used at processes[0].options[0])',
    )
  })

  it('allows the same option id in two different processes', () => {
    const doc = baseDoc()
    doc.processes[1].options[0].id = 'd0'
    expect(valid(doc).processes[1]?.options[0]?.id).toBe('d0')
  })

  it('reports every repeat, not only the first', () => {
    const issues = issuesAfter((d) => {
      d.qkd.links[2].id = 'CC-R'
      d.qkd.links[3].id = 'CC-R'
    })
    expectIssue(issues, 'qkd.links[2].id', 'duplicate link id')
    expectIssue(issues, 'qkd.links[3].id', 'duplicate link id')
  })
})

describe('validateScenario: ids and strings', () => {
  it('rejects ids with characters outside the allowed set', () => {
    expectIssue(
      issuesAfter((d) => (d.qkd.nodes[4].id = 'M O')),
      'qkd.nodes[4].id',
      'may use only letters, digits',
    )
    expectIssue(
      issuesAfter((d) => (d.processes[0].id = 'x'.repeat(65))),
      'processes[0].id',
      '1–64 characters',
    )
  })

  it('rejects an empty or non-string id', () => {
    expectIssue(
      issuesAfter((d) => (d.fleet.groups[0].id = '')),
      'fleet.groups[0].id',
      'must not be empty',
    )
    expectIssue(
      issuesAfter((d) => (d.qkd.links[1].id = 7)),
      'qkd.links[1].id',
      'must be a string, got 7',
    )
  })

  it('rejects an unknown enum value with the allowed list', () => {
    expectIssue(
      issuesAfter((d) => (d.qkd.nodes[1].role = 'router')),
      'qkd.nodes[1].role',
      'must be one of control, dso, market, archive, aggregator, relay, got "router"',
    )
    expectIssue(
      issuesAfter((d) => (d.fleet.groups[0].type = 'solar')),
      'fleet.groups[0].type',
      'must be one of pv, pv-battery',
    )
    expectIssue(
      issuesAfter((d) => (d.processes[0].options[0].kind = 'tls')),
      'processes[0].options[0].kind',
      'must be one of classical, aes-refresh, wc-mac, otp-mac',
    )
    expectIssue(
      issuesAfter((d) => (d.uncertainty = { riskMeasure: 'mean' })),
      'uncertainty.riskMeasure',
      'must be one of expected, cvar, worst',
    )
  })

  it('requires a role on every node', () => {
    expectIssue(
      issuesAfter((d) => delete d.qkd.nodes[4].role),
      'qkd.nodes[4].role',
      'is required (one of control',
    )
  })

  it('rejects a non-boolean where a boolean is required', () => {
    expectIssue(
      issuesAfter((d) => (d.policy = { integer: 'yes' })),
      'policy.integer',
      'must be true or false, got "yes"',
    )
    expectIssue(
      issuesAfter((d) => (d.policy = { holdAllowed: 0 })),
      'policy.holdAllowed',
      'must be true or false, got 0',
    )
  })

  it('rejects a list item that is not an object', () => {
    expectIssue(
      issuesAfter((d) => (d.qkd.nodes[2] = 'GW1')),
      'qkd.nodes[2]',
      'must be an object',
    )
    expectIssue(
      issuesAfter((d) => (d.processes[0].options[1] = null)),
      'processes[0].options[1]',
      'must be an object',
    )
  })

  it('rejects a section of the wrong type', () => {
    expectIssue(
      issuesAfter((d) => (d.horizon = null)),
      'horizon',
      'must be an object, got null',
    )
    expectIssue(
      issuesAfter((d) => (d.qkd.links = {})),
      'qkd.links',
      'must be an array',
    )
    expectIssue(
      issuesAfter((d) => (d.processes = 'all')),
      'processes',
      'must be an array, got "all"',
    )
    expectIssue(
      issuesAfter((d) => (d.shocks = {})),
      'shocks',
      'must be an array',
    )
  })
})

describe('validateScenario: numbers', () => {
  it.each([
    ['horizon.slots', (d: any) => (d.horizon.slots = 0), 'must be between 1 and 288, got 0'],
    ['horizon.slots', (d: any) => (d.horizon.slots = 289), 'must be between 1 and 288, got 289'],
    ['horizon.slotMinutes', (d: any) => (d.horizon.slotMinutes = 61), 'between 1 and 60, got 61'],
    ['qkd.vppShare', (d: any) => (d.qkd.vppShare = 1.5), 'must be between 0 and 1, got 1.5'],
    [
      'qkd.rateModel.lossDbPerKm',
      (d: any) => (d.qkd.rateModel = { lossDbPerKm: -0.1 }),
      'got -0.1',
    ],
    ['qkd.nodes[1].x', (d: any) => (d.qkd.nodes[1].x = -0.1), 'must be between 0 and 1, got -0.1'],
    ['qkd.nodes[1].y', (d: any) => (d.qkd.nodes[1].y = 1.01), 'must be between 0 and 1, got 1.01'],
    ['qkd.links[0].lengthKm', (d: any) => (d.qkd.links[0].lengthKm = -1), 'got -1'],
    ['qkd.links[0].lengthKm', (d: any) => (d.qkd.links[0].lengthKm = 1001), 'and 1000, got 1001'],
    [
      'qkd.links[1].reserveFraction',
      (d: any) => (d.qkd.links[1].reserveFraction = 0.6),
      'must be between 0 and 0.5, got 0.6',
    ],
    ['qkd.links[1].keyRateBps', (d: any) => (d.qkd.links[1].keyRateBps = -5), 'got -5'],
    ['qkd.links[1].bufferBits', (d: any) => (d.qkd.links[1].bufferBits = -1), 'got -1'],
    ['fleet.groups[0].sites', (d: any) => (d.fleet.groups[0].sites = -3), 'got -3'],
    ['processes[0].messageBytes', (d: any) => (d.processes[0].messageBytes = 0), 'got 0'],
    [
      'processes[0].deadlineMs',
      (d: any) => (d.processes[0].deadlineMs = 0),
      'must be greater than 0 and at most 86400000, got 0',
    ],
    ['processes[0].attacksPerHour', (d: any) => (d.processes[0].attacksPerHour = -1), 'got -1'],
    [
      'processes[0].options[1].refreshSeconds',
      (d: any) => (d.processes[0].options[1].refreshSeconds = 0),
      'must be between 0.001 and 86400, got 0',
    ],
    [
      'processes[0].options[2].tagBits',
      (d: any) => (d.processes[0].options[2].tagBits = 4),
      'must be between 8 and 1024, got 4',
    ],
    [
      'processes[0].options[2].tagBits',
      (d: any) => (d.processes[0].options[2].tagBits = 2048),
      'must be between 8 and 1024, got 2048',
    ],
    [
      'processes[0].options[2].successBound',
      (d: any) => (d.processes[0].options[2].successBound = 1.5),
      'must be between 0 and 1, got 1.5',
    ],
    ['threat.windows[0].multiplier', (d: any) => (d.threat.windows[0].multiplier = -2), 'got -2'],
    [
      'threat.classicalSuccessBound',
      (d: any) => (d.threat.classicalSuccessBound = 2),
      'between 0 and 1, got 2',
    ],
    ['shocks[0].factor', (d: any) => (d.shocks[0].factor = 11), 'between 0 and 10, got 11'],
    ['policy.pathsPerFlow', (d: any) => (d.policy = { pathsPerFlow: 5 }), 'between 1 and 4, got 5'],
    ['policy.pathsPerFlow', (d: any) => (d.policy = { pathsPerFlow: 0 }), 'between 1 and 4, got 0'],
    ['uncertainty.alpha', (d: any) => (d.uncertainty = { alpha: 0.4 }), 'between 0.5 and 0.999'],
    ['uncertainty.yieldSigma', (d: any) => (d.uncertainty = { yieldSigma: 3 }), 'got 3'],
    ['seed', (d: any) => (d.seed = -1), 'got -1'],
    ['seed', (d: any) => (d.seed = 2 ** 32), 'got 4294967296'],
  ])('reports %s out of range', (path, mutate, fragment) => {
    expectIssue(issuesAfter(mutate), path, fragment)
  })

  it('rejects an initial store larger than the buffer', () => {
    const issues = issuesAfter((d) => {
      d.qkd.links[0].bufferBits = 1000
      d.qkd.links[0].initialBufferBits = 1001
    })
    expectIssue(issues, 'qkd.links[0].initialBufferBits', 'must not exceed bufferBits (1000)')
  })

  it('fuzz regression: rejects an initial store below the reserve floor, and accepts one at it', () => {
    // The oracle keeps every store in reserve … buffer; the replay let a policy sit below the
    // reserve, so greedy was "feasible" on days the oracle proved infeasible.
    const issues = issuesAfter((d) => {
      d.qkd.links[0].bufferBits = 1000
      d.qkd.links[0].reserveFraction = 0.1
      d.qkd.links[0].initialBufferBits = 99
    })
    expectIssue(issues, 'qkd.links[0].initialBufferBits', 'at least the reserve floor')
    const doc = baseDoc()
    doc.qkd.links[0].bufferBits = 1000
    doc.qkd.links[0].reserveFraction = 0.1
    doc.qkd.links[0].initialBufferBits = 100
    expect(valid(doc).qkd.links[0]?.initialBufferBits).toBe(100)
  })

  it('accepts an initial store equal to the buffer', () => {
    const doc = baseDoc()
    doc.qkd.links[0].bufferBits = 1000
    doc.qkd.links[0].initialBufferBits = 1000
    expect(valid(doc).qkd.links[0]?.initialBufferBits).toBe(1000)
  })

  it.each([
    ['a numeric string', '10', 'must be a finite number, got "10"'],
    ['null', null, 'must be a finite number, got null'],
    ['NaN', Number.NaN, 'must be a finite number, got NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'must be a finite number, got Infinity'],
    ['a boolean', true, 'must be a finite number, got a boolean'],
    ['an object', { km: 10 }, 'must be a finite number, got a'],
    ['an array', [10], 'must be a finite number, got an array'],
  ])('rejects a required number given as %s', (_what, value, fragment) => {
    const issues = issuesAfter((d) => (d.qkd.links[2].lengthKm = value))
    expectIssue(issues, 'qkd.links[2].lengthKm', fragment)
  })

  it.each([
    ['horizon.slots', (d: any) => (d.horizon.slots = '8')],
    ['qkd.vppShare', (d: any) => (d.qkd.vppShare = null)],
    ['processes[1].messagesPerHour', (d: any) => (d.processes[1].messagesPerHour = '60')],
    ['processes[0].options[1].channels', (d: any) => (d.processes[0].options[1].channels = null)],
    ['policy.slaWeight', (d: any) => (d.policy = { slaWeight: Number.NaN })],
    ['uncertainty.scenarioCount', (d: any) => (d.uncertainty = { scenarioCount: '20' })],
  ])('rejects a wrongly typed optional number at %s', (path, mutate) => {
    expectIssue(issuesAfter(mutate), path, 'must be a finite number')
  })

  it.each([
    ['horizon.slots', (d: any) => (d.horizon.slots = 4.5), 'got 4.5'],
    ['seed', (d: any) => (d.seed = 1.5), 'got 1.5'],
    ['fleet.groups[1].sites', (d: any) => (d.fleet.groups[1].sites = 2.5), 'got 2.5'],
    [
      'processes[0].options[2].tagBits',
      (d: any) => (d.processes[0].options[2].tagBits = 64.5),
      'got 64.5',
    ],
    [
      'processes[0].options[1].channels',
      (d: any) => (d.processes[0].options[1].channels = 1.5),
      'got 1.5',
    ],
    ['threat.windows[0].startSlot', (d: any) => (d.threat.windows[0].startSlot = 2.5), 'got 2.5'],
    ['shocks[0].endSlot', (d: any) => (d.shocks[0].endSlot = 7.5), 'got 7.5'],
    ['policy.pathsPerFlow', (d: any) => (d.policy = { pathsPerFlow: 1.5 }), 'got 1.5'],
    ['uncertainty.scenarioCount', (d: any) => (d.uncertainty = { scenarioCount: 2.5 }), 'got 2.5'],
  ])('rejects a fraction at %s where a whole number is required', (path, mutate, fragment) => {
    const issues = issuesAfter(mutate)
    expectIssue(issues, path, 'must be a whole number')
    expect(issues.find((i) => i.path === path)?.message).toContain(fragment)
  })

  it('reports both the fraction and the range when a whole number is also out of range', () => {
    const issues = issuesAfter((d) => (d.horizon.slots = 300.5))
    const messages = issues.filter((i) => i.path === 'horizon.slots').map((i) => i.message)
    expect(messages).toHaveLength(2)
    expect(messages.some((m) => m.includes('whole number'))).toBe(true)
    expect(messages.some((m) => m.includes('between 1 and 288'))).toBe(true)
  })

  it('accepts fractional slot minutes (only slots must be whole)', () => {
    const doc = baseDoc()
    doc.horizon.slotMinutes = 7.5
    expect(valid(doc).horizon.slotMinutes).toBe(7.5)
  })
})

describe('validateScenario: references between sections', () => {
  it('reports links to missing nodes on the end that is missing', () => {
    const issues = issuesAfter((d) => (d.qkd.links[2].a = 'NOPE'))
    expectIssue(issues, 'qkd.links[2].a', 'unknown node "NOPE"')
    expect(issues.some((i) => i.path === 'qkd.links[2].b')).toBe(false)
    const both = issuesAfter((d) => {
      d.qkd.links[1].a = 'X1'
      d.qkd.links[1].b = 'X2'
    })
    expectIssue(both, 'qkd.links[1].a', 'unknown node "X1"')
    expectIssue(both, 'qkd.links[1].b', 'unknown node "X2"')
  })

  it('reports a self-loop link', () => {
    const issues = issuesAfter((d) => d.qkd.links.push({ id: 'R-R', a: 'R', b: 'R', lengthKm: 1 }))
    expectIssue(issues, 'qkd.links[4].b', 'a link must join two different nodes')
  })

  it('requires keyRateBps on every link when the rate model gives no rate', () => {
    const issues = issuesAfter((d) => {
      d.qkd.rateModel = { r0Bps: 0 }
      for (const l of d.qkd.links) l.keyRateBps = 1000
      delete d.qkd.links[3].keyRateBps
    })
    expectIssue(issues, 'qkd.links[3].keyRateBps', 'is required when qkd.rateModel.r0Bps is 0')
    expect(issues).toHaveLength(1)
  })

  it('reports a fleet gateway that is not an aggregator', () => {
    const issues = issuesAfter((d) => (d.fleet.groups[1].gateway = 'R'))
    expectIssue(issues, 'fleet.groups[1].gateway', 'node "R" is a relay, not an aggregator')
  })

  it('reports a fleet gateway that does not exist', () => {
    const issues = issuesAfter((d) => (d.fleet.groups[0].gateway = 'GW9'))
    expectIssue(issues, 'fleet.groups[0].gateway', 'unknown node "GW9"')
  })

  it('reports a minOption that is not one of the process options, listing them', () => {
    const issues = issuesAfter((d) => (d.processes[0].minOption = 'b1'))
    expectIssue(
      issues,
      'processes[0].minOption',
      '"b1" is not one of the process\'s options (d0, d1, d2)',
    )
  })

  it('rejects a minOption that is not a string', () => {
    expectIssue(
      issuesAfter((d) => (d.processes[0].minOption = 1)),
      'processes[0].minOption',
      'must be a string, got 1',
    )
  })

  it('reports endpoint pairs naming unknown nodes', () => {
    expectIssue(
      issuesAfter((d) => (d.processes[1].endpoints = { from: 'CC', to: 'TSO' })),
      'processes[1].endpoints.to',
      'unknown node "TSO"',
    )
    expectIssue(
      issuesAfter(
        (d) =>
          (d.processes[1].endpoints = [
            { from: 'CC', to: 'MO' },
            { from: 'XX', to: 'MO' },
          ]),
      ),
      'processes[1].endpoints[1].from',
      'unknown node "XX"',
    )
  })

  it('rejects an endpoint pair that starts and ends at the same node', () => {
    expectIssue(
      issuesAfter((d) => (d.processes[1].endpoints = { from: 'MO', to: 'MO' })),
      'processes[1].endpoints',
      'from and to must be different nodes',
    )
  })

  it('rejects malformed endpoints', () => {
    expectIssue(
      issuesAfter((d) => (d.processes[0].endpoints = 'control->everyone')),
      'processes[0].endpoints',
      'must be "control->gateways", "gateways->control", a {from, to} pair or a list of pairs',
    )
    expectIssue(
      issuesAfter((d) => delete d.processes[0].endpoints),
      'processes[0].endpoints',
      'must be "control->gateways"',
    )
    expectIssue(
      issuesAfter((d) => (d.processes[1].endpoints = [])),
      'processes[1].endpoints',
      'must list at least one {from, to} pair',
    )
    expectIssue(
      issuesAfter((d) => (d.processes[1].endpoints = { from: 'CC' })),
      'processes[1].endpoints.to',
      'is required',
    )
  })

  it('needs an aggregator for gateway endpoints', () => {
    const issues = issuesAfter((d) => {
      d.qkd.nodes[2].role = 'dso'
      d.qkd.nodes[3].role = 'dso'
      d.fleet.groups = []
    })
    expectIssue(
      issues,
      'processes[0].endpoints',
      '"control->gateways" needs at least one aggregator node',
    )
  })

  it('reports window process ids that do not exist', () => {
    const issues = issuesAfter((d) => (d.threat.windows[0].processes = ['dispatch', 'billing']))
    expectIssue(issues, 'threat.windows[0].processes[1]', 'unknown process "billing"')
    expect(issues.some((i) => i.path === 'threat.windows[0].processes[0]')).toBe(false)
  })

  it('reports shock link ids that do not exist', () => {
    const issues = issuesAfter((d) => (d.shocks[0].links = ['R-GW1', 'R-GW3']))
    expectIssue(issues, 'shocks[0].links[1]', 'unknown link "R-GW3"')
    expectIssue(
      issuesAfter((d) => (d.shocks[0].links = 'some')),
      'shocks[0].links',
      'must be "all" or a list of link ids, got "some"',
    )
    expectIssue(
      issuesAfter((d) => (d.shocks[0].links = [3])),
      'shocks[0].links[0]',
      'must be a string, got 3',
    )
  })
})

describe('validateScenario: the control node', () => {
  it('requires a control node', () => {
    const issues = issuesAfter((d) => (d.qkd.nodes[0].role = 'dso'))
    expectIssue(issues, 'qkd.nodes', 'must contain exactly one node with role "control", found 0')
  })

  it('refuses two control nodes', () => {
    const issues = issuesAfter((d) => (d.qkd.nodes[4].role = 'control'))
    expectIssue(issues, 'qkd.nodes', 'must contain exactly one node with role "control", found 2')
  })
})

describe('validateScenario: message rates and option kinds', () => {
  it('refuses both messagesPerSitePerHour and messagesPerHour', () => {
    const issues = issuesAfter((d) => (d.processes[0].messagesPerHour = 5))
    expectIssue(
      issues,
      'processes[0]',
      'must give exactly one of messagesPerSitePerHour or messagesPerHour',
    )
  })

  it('refuses neither messagesPerSitePerHour nor messagesPerHour', () => {
    const issues = issuesAfter((d) => delete d.processes[1].messagesPerHour)
    expectIssue(issues, 'processes[1]', 'exactly one of messagesPerSitePerHour or messagesPerHour')
  })

  it('requires refreshSeconds for aes-refresh', () => {
    const issues = issuesAfter((d) => delete d.processes[0].options[1].refreshSeconds)
    expectIssue(issues, 'processes[0].options[1].refreshSeconds', 'is required')
  })

  it('requires tagBits for wc-mac and otp-mac', () => {
    expectIssue(
      issuesAfter((d) => delete d.processes[0].options[2].tagBits),
      'processes[0].options[2].tagBits',
      'is required',
    )
    expectIssue(
      issuesAfter((d) => delete d.processes[1].options[1].tagBits),
      'processes[1].options[1].tagBits',
      'is required',
    )
  })

  it('rejects refreshSeconds and channels on kinds other than aes-refresh', () => {
    const issues = issuesAfter((d) => {
      d.processes[0].options[0].refreshSeconds = 10
      d.processes[0].options[2].channels = 2
    })
    expectIssue(
      issues,
      'processes[0].options[0].refreshSeconds',
      'applies only to kind aes-refresh',
    )
    expectIssue(issues, 'processes[0].options[2].channels', 'applies only to kind aes-refresh')
  })

  it('rejects tagBits on classical and aes-refresh options', () => {
    const issues = issuesAfter((d) => {
      d.processes[1].options[0].tagBits = 64
      d.processes[0].options[1].tagBits = 64
    })
    expectIssue(
      issues,
      'processes[1].options[0].tagBits',
      'applies only to kinds wc-mac and otp-mac',
    )
    expectIssue(
      issues,
      'processes[0].options[1].tagBits',
      'applies only to kinds wc-mac and otp-mac',
    )
  })

  it('accepts a successBound override on any kind', () => {
    const doc = baseDoc()
    doc.processes[0].options[0].successBound = 0.5
    doc.processes[0].options[2].successBound = 0
    const s = valid(doc)
    expect(s.processes[0]?.options[0]?.successBound).toBe(0.5)
    expect(s.processes[0]?.options[2]?.successBound).toBe(0)
  })

  it('requires at least one and at most 8 options', () => {
    expectIssue(
      issuesAfter((d) => (d.processes[1].options = [])),
      'processes[1].options',
      'must list at least one security option',
    )
    const nine = Array.from({ length: 9 }, (_, i) => ({ id: `o${i}`, kind: 'classical' }))
    expectIssue(
      issuesAfter((d) => (d.processes[1].options = nine)),
      'processes[1].options',
      'has 9 entries; at most 8 are supported',
    )
  })
})

describe('validateScenario: windows and shocks against the horizon', () => {
  it.each([
    ['threat.windows[0]', (d: any) => d.threat.windows[0]],
    ['shocks[0]', (d: any) => d.shocks[0]],
  ])('%s: startSlot at or past the horizon', (path, pick) => {
    const issues = issuesAfter((d) => {
      pick(d).startSlot = 8
      pick(d).endSlot = 9
    })
    // slots = 8: valid starts are 0..7 and valid ends 1..8.
    expectIssue(issues, `${path}.startSlot`, 'must be below horizon.slots (8), got 8')
    expectIssue(issues, `${path}.endSlot`, 'must be at most horizon.slots (8), got 9')
  })

  it.each([
    ['threat.windows[0]', (d: any) => d.threat.windows[0]],
    ['shocks[0]', (d: any) => d.shocks[0]],
  ])('%s: endSlot past the horizon', (path, pick) => {
    const issues = issuesAfter((d) => (pick(d).endSlot = 12))
    expectIssue(issues, `${path}.endSlot`, 'must be at most horizon.slots (8), got 12')
    expect(issues.some((i) => i.path === `${path}.startSlot`)).toBe(false)
  })

  it.each([
    ['threat.windows[0]', (d: any) => d.threat.windows[0]],
    ['shocks[0]', (d: any) => d.shocks[0]],
  ])('%s: endSlot equal to or before startSlot', (path, pick) => {
    const equal = issuesAfter((d) => {
      pick(d).startSlot = 3
      pick(d).endSlot = 3
    })
    expectIssue(equal, `${path}.endSlot`, 'must be greater than startSlot (3)')
    const before = issuesAfter((d) => {
      pick(d).startSlot = 5
      pick(d).endSlot = 2
    })
    expectIssue(before, `${path}.endSlot`, 'must be greater than startSlot (5)')
  })

  it('rejects a negative startSlot', () => {
    expectIssue(
      issuesAfter((d) => (d.threat.windows[0].startSlot = -1)),
      'threat.windows[0].startSlot',
      'must be at least 0, got -1',
    )
  })

  it('checks ranges against the document horizon, not the default one', () => {
    // With the default 96 slots a window ending at 50 would be fine; with 40 it is not.
    const issues = issuesAfter((d) => {
      d.horizon = { slots: 40 }
      d.threat.windows[0].endSlot = 50
    })
    expectIssue(issues, 'threat.windows[0].endSlot', 'must be at most horizon.slots (40), got 50')
  })
})

describe('validateScenario: connectivity', () => {
  it('reports a gateway that no link reaches', () => {
    const issues = issuesAfter((d) => d.qkd.nodes.push({ id: 'GW3', role: 'aggregator' }))
    // dispatch (processes[0]) expands to CC->GW1, CC->GW2, CC->GW3; only the last is cut off.
    expect(issues).toHaveLength(1)
    expectIssue(
      issues,
      'processes[0].endpoints',
      'flow CC -> GW3 of process "dispatch" has no QKD path',
    )
  })

  it('reports an explicit pair between two separate components', () => {
    const issues = issuesAfter((d) => {
      d.qkd.nodes.push({ id: 'DSO', role: 'dso' }, { id: 'DC', role: 'archive' })
      d.qkd.links.push({ id: 'DSO-DC', a: 'DSO', b: 'DC', lengthKm: 3 })
      d.processes[1].endpoints = [
        { from: 'CC', to: 'MO' },
        { from: 'MO', to: 'DC' },
      ]
    })
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toBe('processes[1].endpoints')
    expect(issues[0]?.message).toContain('flow MO -> DC of process "bidding"')
    expect(issues[0]?.message).toContain('not connected')
  })

  it('accepts a flow that needs relays to reach its target', () => {
    const doc = baseDoc()
    doc.processes[1].endpoints = { from: 'MO', to: 'GW2' }
    expect(valid(doc).processes[1]?.endpoints).toEqual({ from: 'MO', to: 'GW2' })
  })
})

describe('validateScenario: many problems at once', () => {
  it('reports every field problem of one document together, then every cross-field one', () => {
    // Cross-field rules (references, ranges inside the horizon) are checked once every field
    // reads: a reference into a list whose entries do not read could only guess.
    const doc = baseDoc()
    doc.format = 'other'
    doc.horizon.slots = 0
    doc.qkd.nodes[1].lable = 'Relay'
    doc.qkd.links[3].lengthKm = 'far'
    doc.processes[0].options[2].tagBits = 12.5
    doc.policy = { pathsPerFlow: 9 }
    const fieldIssues = issuesOf(doc)
    expectIssue(fieldIssues, 'format', 'must be "qkd-vpp-scenario"')
    expectIssue(fieldIssues, 'horizon.slots', 'between 1 and 288, got 0')
    expectIssue(fieldIssues, 'qkd.nodes[1].lable', 'is not a known field')
    expectIssue(fieldIssues, 'qkd.links[3].lengthKm', 'must be a finite number, got "far"')
    expectIssue(fieldIssues, 'processes[0].options[2].tagBits', 'must be a whole number, got 12.5')
    expectIssue(fieldIssues, 'policy.pathsPerFlow', 'between 1 and 4, got 9')
    expect(fieldIssues).toHaveLength(6)

    const crossed = baseDoc()
    crossed.horizon.slots = 1
    crossed.qkd.links[2].a = 'NOPE'
    crossed.fleet.groups[1].gateway = 'CC'
    crossed.processes[0].minOption = 'zz'
    crossed.processes[1].messagesPerSitePerHour = 3
    crossed.threat.windows[0].processes = ['nobody']
    crossed.shocks[0].links = ['L9']
    const issues = issuesOf(crossed)
    expectIssue(issues, 'qkd.links[2].a', 'unknown node "NOPE"')
    expectIssue(issues, 'fleet.groups[1].gateway', 'is a control, not an aggregator')
    expectIssue(issues, 'processes[0].minOption', '"zz" is not one of')
    expectIssue(issues, 'processes[1]', 'exactly one of messagesPerSitePerHour')
    expectIssue(issues, 'threat.windows[0].processes[0]', 'unknown process "nobody"')
    expectIssue(issues, 'shocks[0].links[0]', 'unknown link "L9"')
    // slots = 1 also puts the window and the shock past the horizon.
    expectIssue(issues, 'threat.windows[0].startSlot', 'must be below horizon.slots (1)')
    expectIssue(issues, 'threat.windows[0].endSlot', 'must be at most horizon.slots (1)')
    expectIssue(issues, 'shocks[0].startSlot', 'must be below horizon.slots (1)')
    expectIssue(issues, 'shocks[0].endSlot', 'must be at most horizon.slots (1)')
    expect(issues).toHaveLength(10)
  })

  it('gives every issue a non-empty path and message', () => {
    const issues = issuesOf({ format: 1, qkd: { nodes: [1, {}], links: [{}] }, processes: [{}] })
    expect(issues.length).toBeGreaterThan(5)
    for (const issue of issues) {
      expect(issue.path.length).toBeGreaterThan(0)
      expect(issue.message.length).toBeGreaterThan(0)
    }
    expectIssue(issues, 'qkd.nodes[0]', 'must be an object')
    expectIssue(issues, 'qkd.nodes[1].id', 'is required')
    expectIssue(issues, 'qkd.links[0].lengthKm', 'is required')
    expectIssue(issues, 'processes[0].options', 'is required')
  })
})

describe('explicit nulls and repeated flows', () => {
  it.each([
    ['fleet.groups', (d: any) => (d.fleet.groups = null)],
    ['threat.windows', (d: any) => (d.threat = { windows: null })],
    ['shocks', (d: any) => (d.shocks = null)],
  ])('rejects null for the list %s instead of reading it as empty', (path, mutate) => {
    expectIssue(issuesAfter(mutate), path, 'must be an array, got null')
  })

  it('rejects version null (only a missing version defaults)', () => {
    expectIssue(
      issuesAfter((d) => (d.version = null)),
      'version',
      'must be a whole number',
    )
  })

  it('rejects a process that lists the same endpoint pair twice', () => {
    const issues = issuesAfter((d) => {
      const p = d.processes.find((x: any) => typeof x.endpoints === 'object')
      const pair = Array.isArray(p.endpoints) ? p.endpoints[0] : p.endpoints
      p.endpoints = [pair, { ...pair }]
    })
    expect(issues.some((i) => /appears twice/.test(i.message))).toBe(true)
  })

  it('describes an object value as "an object"', () => {
    expectIssue(
      issuesAfter((d) => (d.processes = {})),
      'processes',
      'must be an array, got an object',
    )
  })
})
