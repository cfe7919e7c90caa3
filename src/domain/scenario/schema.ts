/**
 * The `qkd-vpp-scenario` format, version 1 (MODEL.md §2): the one definition of its shapes,
 * unknown-key strictness, defaults, bounds, units and descriptions. `Scenario` (what the domain
 * sees, every default filled) and `ScenarioInput` (what a user writes) are derived from it, the
 * JSON Schema is generated from it, and the editors read their bounds from it.
 *
 * Cross-field rules (unique ids, references, slot ranges inside the horizon, kind-specific
 * option fields) are the semantic pass in `semantics.ts`; rules on derived quantities (paths,
 * flow counts, numeric spans) live in `derive/`.
 */
import * as z from 'zod'
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
import {
  HORIZON_FIELDS,
  NODE_FIELDS,
  LINK_FIELDS,
  RATE_FIELDS,
  QKD_FIELDS,
  GROUP_FIELDS,
  OPTION_FIELDS,
  PROCESS_FIELDS,
  WINDOW_FIELDS,
  SHOCK_FIELDS,
  POLICY_FIELDS,
  UNCERTAINTY_FIELDS,
} from './fieldGroups.ts'
import { id, list, num, text } from './fields.ts'
import { describe } from './issues.ts'

// The field declarations are part of the format's public face (the editors read them here).
export * from './fieldGroups.ts'

export const SCENARIO_FORMAT = 'qkd-vpp-scenario'
export const SCENARIO_VERSION = 1
export const NODE_ROLES = ['control', 'dso', 'market', 'archive', 'aggregator', 'relay'] as const
export const DER_TYPES = [
  'pv',
  'pv-battery',
  'battery',
  'ev-hub',
  'flex-load',
  'wind',
  'chp',
] as const
export const OPTION_KINDS = ['classical', 'aes-refresh', 'wc-mac', 'otp-mac'] as const
export const RISK_MEASURES = ['expected', 'cvar', 'worst'] as const

/** Longest `description`, characters: a paragraph or two of notes, not a document. */
export const MAX_DESCRIPTION_LENGTH = 4000
export const MAX_NODES = 500
export const MAX_LINKS = 2000
export const MAX_GROUPS = 10000
export const MAX_PROCESSES = 200
export const MAX_OPTIONS = 8
export const MAX_WINDOWS = 1000
export const MAX_SHOCKS = 1000

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z.enum(values, { error: (i) => enumMessage(values, i.input) }).meta({ description })

function enumMessage(values: readonly string[], input: unknown): string {
  return input === undefined
    ? `is required (one of ${values.join(', ')})`
    : `must be one of ${values.join(', ')}, got ${describe(input)}`
}

const flag = (description: string) =>
  z
    .boolean({ error: (i) => `must be true or false, got ${describe(i.input)}` })
    .meta({ description })

const nodeSchema = z
  .strictObject({
    id: id('node'),
    label: text('Display name (default: the id)').optional(),
    role: oneOf(NODE_ROLES, 'What the node is; exactly one node is the control centre'),
    x: NODE_FIELDS.x.default(0.5),
    y: NODE_FIELDS.y.default(0.5),
  })
  .transform((n) => ({ ...n, label: n.label ?? n.id }))

const linkSchema = z
  .strictObject({
    id: id('link'),
    a: text('Node id of one end (links are undirected)'),
    b: text('Node id of the other end'),
    lengthKm: LINK_FIELDS.lengthKm,
    keyRateBps: LINK_FIELDS.keyRateBps.optional(),
    bufferBits: LINK_FIELDS.bufferBits.default(DEFAULT_BUFFER_BITS),
    initialBufferBits: LINK_FIELDS.initialBufferBits.optional(),
    reserveFraction: LINK_FIELDS.reserveFraction.default(0),
  })
  .transform((l) => ({ ...l, initialBufferBits: l.initialBufferBits ?? l.bufferBits / 2 }))

const groupSchema = z.strictObject({
  id: id('DER group'),
  type: oneOf(DER_TYPES, 'Kind of DER'),
  sites: GROUP_FIELDS.sites,
  unitKw: GROUP_FIELDS.unitKw,
  gateway: text('Id of the `aggregator` node this group reports through'),
})

const pairSchema = z.strictObject({
  from: text('Node id the messages leave from'),
  to: text('Node id the messages go to'),
})

const endpointsSchema = z
  .union([
    z.literal('control->gateways'),
    z.literal('gateways->control'),
    pairSchema,
    z.array(pairSchema).min(1, { error: 'must list at least one {from, to} pair' }),
  ])
  .meta({
    description:
      'Where the messages go: one flow per pair; the gateways are the aggregator nodes in file order',
  })

const optionSchema = z
  .strictObject({
    id: id('option'),
    label: text('Display name (default: the id)').optional(),
    kind: oneOf(OPTION_KINDS, 'How the option protects a message'),
    latencyMs: OPTION_FIELDS.latencyMs.default(0),
    refreshSeconds: OPTION_FIELDS.refreshSeconds.optional(),
    channels: OPTION_FIELDS.channels.optional(),
    tagBits: OPTION_FIELDS.tagBits.optional(),
    successBound: OPTION_FIELDS.successBound.optional(),
  })
  .transform((o) => {
    const option = { ...o, label: o.label ?? o.id }
    if (o.kind === 'aes-refresh') option.channels = o.channels ?? 1
    return option
  })

const processSchema = z
  .strictObject({
    id: id('process'),
    label: text('Display name (default: the id)').optional(),
    endpoints: endpointsSchema,
    messagesPerSitePerHour: PROCESS_FIELDS.messagesPerSitePerHour.optional(),
    messagesPerHour: PROCESS_FIELDS.messagesPerHour.optional(),
    messageBytes: PROCESS_FIELDS.messageBytes,
    deadlineMs: PROCESS_FIELDS.deadlineMs,
    slaPenaltyEur: PROCESS_FIELDS.slaPenaltyEur.default(0),
    impactEur: PROCESS_FIELDS.impactEur,
    impactEurPerMw: PROCESS_FIELDS.impactEurPerMw.default(0),
    attacksPerHour: PROCESS_FIELDS.attacksPerHour,
    minOption: text(
      "Policy floor: one of the process's option ids; weaker options are removed",
    ).optional(),
    options: list(optionSchema, MAX_OPTIONS, 'Options from weakest to strongest').min(1, {
      error: 'must list at least one security option',
    }),
  })
  .transform((p) => ({ ...p, label: p.label ?? p.id }))

const windowSchema = z.strictObject({
  label: text('What the window stands for').default('attack window'),
  startSlot: WINDOW_FIELDS.startSlot,
  endSlot: WINDOW_FIELDS.endSlot,
  multiplier: WINDOW_FIELDS.multiplier,
  processes: z.array(text('Process id')).optional().meta({
    description: 'Processes the window hits; all when absent',
  }),
})

const shockSchema = z.strictObject({
  label: text('What the shock stands for').default('key-yield shock'),
  startSlot: SHOCK_FIELDS.startSlot,
  endSlot: SHOCK_FIELDS.endSlot,
  links: z.union([z.literal('all'), z.array(text('Link id'))]).meta({
    description: 'Link ids the shock hits, or "all"',
  }),
  factor: SHOCK_FIELDS.factor,
})

const P = DEFAULT_POLICY
const policySchema = z.strictObject({
  slaWeight: POLICY_FIELDS.slaWeight.default(P.slaWeight),
  integer: flag('MILP: one option per flow and slot').default(P.integer),
  pathsPerFlow: POLICY_FIELDS.pathsPerFlow.default(P.pathsPerFlow),
  relayLatencyMs: POLICY_FIELDS.relayLatencyMs.default(P.relayLatencyMs),
  kmsLatencyMs: POLICY_FIELDS.kmsLatencyMs.default(P.kmsLatencyMs),
  holdAllowed: flag('Whether messages may be held past their deadline for lack of key').default(
    P.holdAllowed,
  ),
  terminalKeyEurPerMbit: POLICY_FIELDS.terminalKeyEurPerMbit.default(P.terminalKeyEurPerMbit),
})

const U = DEFAULT_UNCERTAINTY
const uncertaintySchema = z.strictObject({
  yieldSigma: UNCERTAINTY_FIELDS.yieldSigma.default(U.yieldSigma),
  attackSigma: UNCERTAINTY_FIELDS.attackSigma.default(U.attackSigma),
  scenarioCount: UNCERTAINTY_FIELDS.scenarioCount.default(U.scenarioCount),
  riskMeasure: oneOf(RISK_MEASURES, 'Risk measure of the robust plan').default(U.riskMeasure),
  alpha: UNCERTAINTY_FIELDS.alpha.default(U.alpha),
})

/** The whole format. Parsing fills every default; `semantics.ts` checks what spans fields. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Where editors find this schema' }),
    format: z
      .literal(SCENARIO_FORMAT, { error: `must be "${SCENARIO_FORMAT}"` })
      .meta({ description: 'Names the format' }),
    version: z
      .literal(SCENARIO_VERSION)
      .default(SCENARIO_VERSION)
      .meta({ description: 'Format version; older files are migrated' }),
    name: text('Scenario name', 200).default(DEFAULT_NAME),
    description: z
      .string({ error: (i) => `must be a string, got ${describe(i.input)}` })
      .max(MAX_DESCRIPTION_LENGTH, {
        error: `must be at most ${MAX_DESCRIPTION_LENGTH} characters`,
      })
      .optional()
      .meta({ description: 'Free-text notes about the scenario' }),
    seed: num({
      min: 0,
      max: 2 ** 32 - 1,
      integer: true,
      unit: '',
      description: "Seed of the realised day's noise and the Monte Carlo days",
    }).default(DEFAULT_SEED),
    horizon: z
      .strictObject({
        slots: HORIZON_FIELDS.slots.default(DEFAULT_HORIZON.slots),
        slotMinutes: HORIZON_FIELDS.slotMinutes.default(DEFAULT_HORIZON.slotMinutes),
      })
      .default(() => ({ ...DEFAULT_HORIZON })),
    qkd: z.strictObject({
      nodes: list(nodeSchema, MAX_NODES, 'QKD nodes'),
      links: list(linkSchema, MAX_LINKS, 'QKD links'),
      rateModel: z
        .strictObject({
          r0Bps: RATE_FIELDS.r0Bps.default(DEFAULT_RATE_MODEL.r0Bps),
          lossDbPerKm: RATE_FIELDS.lossDbPerKm.default(DEFAULT_RATE_MODEL.lossDbPerKm),
        })
        .default(() => ({ ...DEFAULT_RATE_MODEL })),
      vppShare: QKD_FIELDS.vppShare.default(DEFAULT_VPP_SHARE),
    }),
    fleet: z
      .strictObject({ groups: list(groupSchema, MAX_GROUPS, 'DER groups').default(() => []) })
      .default(() => ({ groups: [] })),
    processes: list(processSchema, MAX_PROCESSES, 'Business processes').min(1, {
      error: 'must list at least one process: without one there is nothing to plan',
    }),
    threat: z
      .strictObject({
        windows: list(windowSchema, MAX_WINDOWS, 'Attack windows').default(() => []),
        classicalSuccessBound: num({
          min: 0,
          max: 1,
          unit: 'probability',
          description: 'Success bound per attempt of a classical-only (PQC/TLS) message',
        }).default(DEFAULT_CLASSICAL_SUCCESS_BOUND),
      })
      .default(() => ({ windows: [], classicalSuccessBound: DEFAULT_CLASSICAL_SUCCESS_BOUND })),
    shocks: list(shockSchema, MAX_SHOCKS, 'Key-yield shocks').default(() => []),
    policy: policySchema.default(() => ({ ...DEFAULT_POLICY })),
    uncertainty: uncertaintySchema.default(() => ({ ...DEFAULT_UNCERTAINTY })),
  })
  .meta({
    title: 'QKD-VPP scenario',
    description: 'A day of a virtual power plant spending QKD key (qkd-vpp-scenario, version 1)',
  })
  // `$schema` only points editors at this schema; the plan does not depend on it.
  .transform(({ $schema: _schema, ...scenario }) => scenario)

/** A scenario with every default filled, as the domain sees it (after the semantic pass). */
export type Scenario = z.output<typeof scenarioSchema>
/** What a user may write. */
export type ScenarioInput = z.input<typeof scenarioSchema>
