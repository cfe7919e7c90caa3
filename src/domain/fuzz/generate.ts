/**
 * Generated scenarios for the fuzz suite (issue 13 item 6): structurally valid but extreme
 * documents within a budget that keeps one case fast (≤ 8 nodes, ≤ 12 links, ≤ 6 processes of up
 * to 8 options, ≤ 24 slots). Every numeric field is drawn typical, at an edge of its range or
 * log-uniformly across it (`fields.ts`), so ratios between fields are extreme by construction (a
 * tiny store beside a huge message rate, a zero share, a huge impact beside a tiny penalty). Ids
 * include `__proto__`, `constructor`, `toString` and 64-character ones; windows and shocks overlap;
 * arrays run from empty to the budget's maximum; holding may be forbidden, `minOption` set to the
 * strongest option and the MILP switched on.
 *
 * A case may carry one mutation that the validator must refuse at a known path: a number beyond
 * its range (or not a number), an id outside the id alphabet, an empty or over-full array.
 *
 * Everything is drawn as a raw record of indices and values and only then assembled, so that
 * fast-check shrinks a counterexample field by field.
 */
import fc from 'fast-check'
import { NODE_ROLES, DER_TYPES, OPTION_KINDS, type NodeRole } from '../scenario/types.ts'
import { beyondValues, FIELD_LIMITS, inRange, textArb, type FieldName } from './fields.ts'
import { assemble, type Mutation, type Raw } from './assemble.ts'

export type { Mutation, Raw } from './assemble.ts'

/** Ids that collide with built-ins of plain objects, plus edge-of-alphabet ones. */
export const ODD_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  '__defineGetter__',
  'isPrototypeOf',
  'length',
  '0',
  '-',
  '.',
  ':',
  '_',
  'a'.repeat(64),
  `${'Z'.repeat(63)}9`,
  'node:1',
  'a.b-c_d',
] as const

/** Ids the validator must refuse (outside `[A-Za-z0-9_.:-]{1,64}`). */
export const BAD_IDS = ['Zürich', '节点', 'é', 'a b', 'a'.repeat(65), '\u202e', 'x\u0000', '']

/** The fixed seed of `npm test`'s suite and `npm run fuzz` (the same cases on every run). */
export const FUZZ_SEED = 20261313

/** Largest sizes a generated scenario may reach, so that one case stays fast. */
export const BUDGET = { nodes: 8, links: 12, processes: 6, options: 8, groups: 4 } as const

const idArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...ODD_IDS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,10}$/) },
)

const opt = <T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq })

const n = (name: FieldName) => inRange(name)

/** Defined in about `percent` % of draws (fc.option's `freq` only reaches 50 % nil). */
const rare = <T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> =>
  fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(undefined) },
    { weight: percent, arbitrary: arb },
  )

const otherRoles = NODE_ROLES.filter((r) => r !== 'control') as Exclude<NodeRole, 'control'>[]

const nodeArb = fc.record({
  id: idArb,
  label: opt(textArb),
  role: fc.oneof(
    { weight: 3, arbitrary: fc.constant('aggregator' as const) },
    { weight: 2, arbitrary: fc.constantFrom(...otherRoles) },
  ),
  x: opt(n('nodeXY')),
  y: opt(n('nodeXY')),
})

const linkArb = fc.record({
  id: idArb,
  a: fc.nat(),
  b: fc.nat(),
  lengthKm: n('lengthKm'),
  keyRateBps: opt(n('keyRateBps'), 4),
  bufferBits: opt(n('bufferBits'), 5),
  initialFraction: opt(
    fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    2,
  ),
  reserveFraction: opt(n('reserveFraction')),
})

const optionArb = fc.record({
  id: idArb,
  label: opt(textArb, 5),
  kind: fc.constantFrom(...OPTION_KINDS),
  latencyMs: opt(n('latencyMs')),
  refreshSeconds: n('refreshSeconds'),
  channels: opt(n('channels')),
  tagBits: n('tagBits'),
  successBound: opt(n('successBound'), 3),
})

const processArb = fc.record({
  id: idArb,
  label: opt(textArb),
  endpoints: fc.oneof(
    fc.constantFrom('control->gateways' as const, 'gateways->control' as const),
    fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
    fc.tuple(fc.nat(), fc.nat()),
  ),
  perSite: fc.boolean(),
  rate: fc.oneof(n('messagesPerSitePerHour'), n('messagesPerHour')),
  messageBytes: n('messageBytes'),
  deadlineMs: n('deadlineMs'),
  slaPenaltyEur: opt(n('slaPenaltyEur'), 4),
  impactEur: n('impactEur'),
  impactEurPerMw: opt(n('impactEurPerMw')),
  attacksPerHour: n('attacksPerHour'),
  minOption: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant('strongest' as const) },
    { weight: 1, arbitrary: fc.nat() },
  ),
  options: fc.uniqueArray(optionArb, {
    minLength: 1,
    maxLength: BUDGET.options,
    selector: (o) => o.id,
  }),
})

const spanArb = fc.record({ start: fc.nat(), length: fc.integer({ min: 1, max: 30 }) })

const windowArb = fc.record({
  span: spanArb,
  label: opt(textArb),
  multiplier: n('multiplier'),
  processes: opt(fc.array(fc.nat(), { maxLength: 3 })),
})

const shockArb = fc.record({
  span: spanArb,
  label: opt(textArb),
  links: fc.oneof(fc.constant('all' as const), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })),
  factor: n('factor'),
})

const groupArb = fc.record({
  id: idArb,
  type: fc.constantFrom(...DER_TYPES),
  sites: n('sites'),
  unitKw: n('unitKw'),
  gateway: fc.nat(),
})

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('number' as const), pick: fc.nat(), value: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('id' as const), pick: fc.nat(), value: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('empty' as const),
      which: fc.constantFrom('processes' as const, 'options' as const, 'endpoints' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('overfull' as const),
      which: fc.constantFrom('options' as const, 'description' as const, 'name' as const),
    }),
  },
)

/** Raw draws within `BUDGET`, one in five with a mutation. */
export const rawArb: fc.Arbitrary<Raw> = fc.record({
  name: opt(fc.oneof(textArb, fc.constant('n'.repeat(200))), 3),
  description: rare(fc.oneof(textArb, fc.constant('d'.repeat(4000))), 20),
  seed: opt(n('seed'), 3),
  slots: n('slots'),
  slotMinutes: opt(n('slotMinutes'), 4),
  // One node, or no link, is the empty extreme: rare, since every flow then lacks a path.
  nodes: fc.oneof(
    { weight: 1, arbitrary: fc.tuple(nodeArb) },
    {
      weight: 40,
      arbitrary: fc.uniqueArray(nodeArb, {
        minLength: 2,
        maxLength: BUDGET.nodes,
        selector: (x) => x.id,
      }),
    },
  ),
  links: fc.oneof(
    { weight: 1, arbitrary: fc.constant<Raw['links']>([]) },
    {
      weight: 40,
      arbitrary: fc.uniqueArray(linkArb, {
        minLength: 1,
        maxLength: BUDGET.links,
        selector: (x) => x.id,
      }),
    },
  ),
  r0Bps: opt(n('r0Bps')),
  lossDbPerKm: opt(n('lossDbPerKm')),
  vppShare: opt(n('vppShare'), 5),
  groups: fc.uniqueArray(groupArb, { maxLength: BUDGET.groups, selector: (x) => x.id }),
  processes: fc.uniqueArray(processArb, {
    minLength: 1,
    maxLength: BUDGET.processes,
    selector: (x) => x.id,
  }),
  windows: fc.array(windowArb, { maxLength: 4 }),
  classicalSuccessBound: opt(n('classicalSuccessBound')),
  shocks: fc.array(shockArb, { maxLength: 4 }),
  policy: fc.record({
    slaWeight: opt(n('slaWeight')),
    integer: fc.oneof(
      { weight: 3, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    pathsPerFlow: opt(n('pathsPerFlow'), 3),
    relayLatencyMs: opt(n('relayLatencyMs')),
    kmsLatencyMs: opt(n('kmsLatencyMs')),
    holdAllowed: opt(fc.boolean(), 5),
    terminalKeyEurPerMbit: opt(n('terminalKeyEurPerMbit')),
  }),
  uncertainty: opt(
    fc.record({
      yieldSigma: opt(n('sigma')),
      attackSigma: opt(n('sigma')),
      scenarioCount: n('scenarioCount'),
      riskMeasure: opt(fc.constantFrom('expected' as const, 'cvar' as const, 'worst' as const)),
      alpha: opt(n('alpha')),
    }),
    8,
  ),
  mutation: rare(mutationArb, 20),
})

/** A generated case: the raw draw, the document, and the refusal a mutation must cause. */
export interface FuzzCase {
  raw: Raw
  doc: Record<string, unknown>
  /** Path at which the validator must report a problem (set by the mutation), else undefined. */
  mustRefuseAt?: string
}

/** Generated cases: documents, and the path a mutated one must be refused at. */
export const caseArb: fc.Arbitrary<FuzzCase> = rawArb.map(toCase)

/** Assembles a raw draw into a document and applies its mutation. */
export function toCase(raw: Raw): FuzzCase {
  const { doc, numbers, ids } = assemble(raw)
  const m = raw.mutation
  if (m === undefined) return { raw, doc }
  const refuse = (path: string): FuzzCase => ({ raw, doc, mustRefuseAt: path })
  const processes = doc.processes as Record<string, unknown>[]
  const first = processes[0] as Record<string, unknown>
  switch (m.kind) {
    case 'number': {
      const target = numbers[m.pick % numbers.length]
      if (target === undefined) return { raw, doc }
      const values = beyondValues(FIELD_LIMITS[target.field])
      target.set(values[m.value % values.length])
      return refuse(target.path)
    }
    case 'id': {
      const target = ids[m.pick % ids.length]
      if (target === undefined) return { raw, doc }
      target.set(BAD_IDS[m.value % BAD_IDS.length] as string)
      return refuse(target.path)
    }
    case 'empty':
      if (m.which === 'processes') {
        doc.processes = []
        return refuse('processes')
      }
      if (m.which === 'options') {
        first.options = []
        return refuse('processes[0].options')
      }
      first.endpoints = []
      return refuse('processes[0].endpoints')
    case 'overfull':
      if (m.which === 'options') {
        const options = first.options as unknown[]
        first.options = Array.from({ length: 9 }, (_, i) => ({
          ...(options[i % options.length] as object),
          id: `o${i}`,
        }))
        delete first.minOption
        return refuse('processes[0].options')
      }
      if (m.which === 'description') {
        doc.description = 'd'.repeat(4001)
        return refuse('description')
      }
      doc.name = 'n'.repeat(201)
      return refuse('name')
  }
}
