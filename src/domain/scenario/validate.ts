/**
 * Scenario validation: untrusted JSON in, either a complete `Scenario` with every default filled
 * or the full list of problems (`path: message`). It never throws on any input.
 */
import { expandFlows } from '../derive/flows.ts'
import { buildInstance } from '../derive/instance.ts'
import { MAX_FLOWS, countFlows, numericSpanProblems, overlapProblems } from '../derive/limits.ts'
import { PathFinder } from '../derive/paths.ts'
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
  FieldReader,
  isObject,
  joinPath,
  type JsonObject,
  type ValidationIssue,
} from './fieldReader.ts'
import { migrateScenario } from './migrate.ts'
import {
  DER_TYPES,
  NODE_ROLES,
  OPTION_KINDS,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type AttackWindow,
  type DerGroup,
  type EndpointPair,
  type Endpoints,
  type Horizon,
  type Policy,
  type Process,
  type QkdLink,
  type QkdNode,
  type Scenario,
  type SecurityOption,
  type Shock,
  type Uncertainty,
} from './types.ts'

export type { ValidationIssue } from './fieldReader.ts'

export type ValidationResult =
  { ok: true; scenario: Scenario } | { ok: false; issues: ValidationIssue[] }

const MAX_NODES = 500
const MAX_LINKS = 2000
const MAX_PROCESSES = 200
const MAX_OPTIONS = 8
/**
 * Shortest AES re-key interval, s. Its key cost is 256 · channels / refreshSeconds: 1 ms on 10,000
 * channels is 2.56 Gb/s, already far beyond any QKD link; shorter (down to a denormal 5e-324)
 * would make the cost infinite.
 */
const MIN_REFRESH_SECONDS = 1e-3

/** Longest `description`, characters: a paragraph or two of notes, not a document. */
export const MAX_DESCRIPTION_LENGTH = 4000

/** Validates and completes a scenario document (any JSON value). */
export function validateScenario(input: unknown): ValidationResult {
  const r = new FieldReader()
  const migrated = migrateScenario(input)
  if (!migrated.ok) return { ok: false, issues: [migrated.issue] }
  const root = r.object(migrated.document, '')
  if (root === undefined) return { ok: false, issues: r.issues }
  r.unknownKeys(root, '', [
    'format',
    'version',
    'name',
    'description',
    'seed',
    'horizon',
    'qkd',
    'fleet',
    'processes',
    'threat',
    'shocks',
    'policy',
    'uncertainty',
  ])
  if (root.format !== SCENARIO_FORMAT) {
    r.report('format', `must be "${SCENARIO_FORMAT}"`)
  }
  const name = r.string(root.name, 'name', DEFAULT_NAME)
  if (name.length > 200) r.report('name', 'must be at most 200 characters')
  const description =
    root.description === undefined ? undefined : r.string(root.description, 'description')
  if (description !== undefined && description.length > MAX_DESCRIPTION_LENGTH)
    r.report('description', `must be at most ${MAX_DESCRIPTION_LENGTH} characters`)
  const seed = r.number(
    root.seed,
    'seed',
    { min: 0, max: 2 ** 32 - 1, integer: true },
    DEFAULT_SEED,
  )
  const horizon = readHorizon(r, r.optionalObject(root.horizon, 'horizon'))
  const qkdObj = r.object(root.qkd, 'qkd') ?? {}
  r.unknownKeys(qkdObj, 'qkd', ['nodes', 'links', 'rateModel', 'vppShare'])
  const nodes = readList(r, qkdObj.nodes, 'qkd.nodes', MAX_NODES, readNode)
  const links = readList(r, qkdObj.links, 'qkd.links', MAX_LINKS, readLink)
  const rateObj = r.optionalObject(qkdObj.rateModel, 'qkd.rateModel')
  r.unknownKeys(rateObj, 'qkd.rateModel', ['r0Bps', 'lossDbPerKm'])
  const rateModel = {
    r0Bps: r.number(
      rateObj.r0Bps,
      'qkd.rateModel.r0Bps',
      { min: 0, max: 1e10 },
      DEFAULT_RATE_MODEL.r0Bps,
    ),
    lossDbPerKm: r.number(
      rateObj.lossDbPerKm,
      'qkd.rateModel.lossDbPerKm',
      { min: 0, max: 5 },
      DEFAULT_RATE_MODEL.lossDbPerKm,
    ),
  }
  const vppShare = r.number(qkdObj.vppShare, 'qkd.vppShare', { min: 0, max: 1 }, DEFAULT_VPP_SHARE)
  const fleetObj = r.optionalObject(root.fleet, 'fleet')
  r.unknownKeys(fleetObj, 'fleet', ['groups'])
  const groups = readList(
    r,
    fleetObj.groups === undefined ? [] : fleetObj.groups,
    'fleet.groups',
    10000,
    readGroup,
  )
  const processes = readList(r, root.processes, 'processes', MAX_PROCESSES, readProcess)
  const threatObj = r.optionalObject(root.threat, 'threat')
  r.unknownKeys(threatObj, 'threat', ['windows', 'classicalSuccessBound'])
  const threat = {
    windows: readList(
      r,
      threatObj.windows === undefined ? [] : threatObj.windows,
      'threat.windows',
      1000,
      readWindow,
    ),
    classicalSuccessBound: r.number(
      threatObj.classicalSuccessBound,
      'threat.classicalSuccessBound',
      { min: 0, max: 1 },
      DEFAULT_CLASSICAL_SUCCESS_BOUND,
    ),
  }
  const shocks = readList(
    r,
    root.shocks === undefined ? [] : root.shocks,
    'shocks',
    1000,
    readShock,
  )
  const policy = readPolicy(r, r.optionalObject(root.policy, 'policy'))
  const uncertainty = readUncertainty(r, r.optionalObject(root.uncertainty, 'uncertainty'))

  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name,
    ...(description !== undefined && { description }),
    seed,
    horizon,
    qkd: { nodes, links, rateModel, vppShare },
    fleet: { groups },
    processes,
    threat,
    shocks,
    policy,
    uncertainty,
  }
  if (Array.isArray(root.processes) && root.processes.length === 0) {
    // An empty model has nothing to plan (the solver reports it as an error, not an optimum).
    r.report('processes', 'must list at least one process: without one there is nothing to plan')
  }
  const structurallyValid = r.issues.length === 0
  checkReferences(r, scenario)
  // Path search needs sound ids and references; on a broken file it would only add noise.
  if (structurallyValid && r.issues.length === 0) checkDerived(r, scenario)
  return r.issues.length === 0 ? { ok: true, scenario } : { ok: false, issues: r.issues }
}

/**
 * The semantic pass over derived quantities: the flow count, every flow's path, then the bounds
 * that keep the model finite and within the solver's range (`derive/limits.ts`). Each step runs
 * only when the previous ones found nothing, since it derives from what they check.
 */
function checkDerived(r: FieldReader, s: Scenario): void {
  const flowCount = countFlows(s)
  if (flowCount > MAX_FLOWS) {
    r.report(
      'processes',
      `expand into ${flowCount} flows (processes × endpoint pairs); at most ${MAX_FLOWS} are supported`,
    )
    return
  }
  const paths = new PathFinder(s.qkd.links)
  checkFlowPaths(r, s, paths)
  if (r.issues.length > 0) return
  for (const issue of overlapProblems(s)) r.report(issue.path, issue.message)
  if (r.issues.length > 0) return
  // Costs, key and latency need only each flow's first path.
  const instance = buildInstance(s, undefined, { pathsPerFlow: 1, pathFinder: paths })
  for (const issue of numericSpanProblems(instance)) r.report(issue.path, issue.message)
}

type ItemReader<T> = (r: FieldReader, obj: JsonObject, path: string) => T

function readList<T>(
  r: FieldReader,
  value: unknown,
  path: string,
  maxItems: number,
  read: ItemReader<T>,
): T[] {
  const items = r.array(value, path)
  if (items.length > maxItems) {
    r.report(path, `has ${items.length} entries; at most ${maxItems} are supported`)
    return []
  }
  const out: T[] = []
  items.forEach((item, i) => {
    const p = joinPath(path, i)
    if (!isObject(item)) {
      r.report(p, 'must be an object')
      return
    }
    out.push(read(r, item, p))
  })
  return out
}

function readHorizon(r: FieldReader, o: JsonObject): Horizon {
  r.unknownKeys(o, 'horizon', ['slots', 'slotMinutes'])
  return {
    slots: r.number(
      o.slots,
      'horizon.slots',
      { min: 1, max: 288, integer: true },
      DEFAULT_HORIZON.slots,
    ),
    slotMinutes: r.number(
      o.slotMinutes,
      'horizon.slotMinutes',
      { min: 1, max: 60 },
      DEFAULT_HORIZON.slotMinutes,
    ),
  }
}

const readNode: ItemReader<QkdNode> = (r, o, p) => {
  r.unknownKeys(o, p, ['id', 'label', 'role', 'x', 'y'])
  const id = r.id(o.id, joinPath(p, 'id'))
  return {
    id,
    label: r.string(o.label, joinPath(p, 'label'), id),
    role: r.oneOf(o.role, joinPath(p, 'role'), NODE_ROLES),
    x: r.number(o.x, joinPath(p, 'x'), { min: 0, max: 1 }, 0.5),
    y: r.number(o.y, joinPath(p, 'y'), { min: 0, max: 1 }, 0.5),
  }
}

const readLink: ItemReader<QkdLink> = (r, o, p) => {
  r.unknownKeys(o, p, [
    'id',
    'a',
    'b',
    'lengthKm',
    'keyRateBps',
    'bufferBits',
    'initialBufferBits',
    'reserveFraction',
  ])
  const bufferBits = r.number(
    o.bufferBits,
    joinPath(p, 'bufferBits'),
    { min: 0, max: 1e12 },
    DEFAULT_BUFFER_BITS,
  )
  const link: QkdLink = {
    id: r.id(o.id, joinPath(p, 'id')),
    a: r.string(o.a, joinPath(p, 'a')),
    b: r.string(o.b, joinPath(p, 'b')),
    lengthKm: r.number(o.lengthKm, joinPath(p, 'lengthKm'), { min: 0, max: 1000 }),
    bufferBits,
    initialBufferBits: r.number(
      o.initialBufferBits,
      joinPath(p, 'initialBufferBits'),
      { min: 0, max: 1e12 },
      bufferBits / 2,
    ),
    reserveFraction: r.number(
      o.reserveFraction,
      joinPath(p, 'reserveFraction'),
      { min: 0, max: 0.5 },
      0,
    ),
  }
  const rate = r.optionalNumber(o.keyRateBps, joinPath(p, 'keyRateBps'), { min: 0, max: 1e10 })
  if (rate !== undefined) link.keyRateBps = rate
  if (link.initialBufferBits > link.bufferBits) {
    r.report(joinPath(p, 'initialBufferBits'), `must not exceed bufferBits (${link.bufferBits})`)
  }
  // A store below its reserve floor is a state the oracle cannot represent (every store lies in
  // reserve … buffer), while the store replay lets a policy sit there drawing nothing: the two
  // would disagree on feasibility and on the terminal charge (found by the fuzz suite).
  const reserveBits = link.reserveFraction * link.bufferBits
  if (link.initialBufferBits < reserveBits) {
    r.report(
      joinPath(p, 'initialBufferBits'),
      `must be at least the reserve floor reserveFraction × bufferBits (${reserveBits})`,
    )
  }
  return link
}

const readGroup: ItemReader<DerGroup> = (r, o, p) => {
  r.unknownKeys(o, p, ['id', 'type', 'sites', 'unitKw', 'gateway'])
  return {
    id: r.id(o.id, joinPath(p, 'id')),
    type: r.oneOf(o.type, joinPath(p, 'type'), DER_TYPES),
    sites: r.number(o.sites, joinPath(p, 'sites'), { min: 0, max: 1e7, integer: true }),
    unitKw: r.number(o.unitKw, joinPath(p, 'unitKw'), { min: 0, max: 1e6 }),
    gateway: r.string(o.gateway, joinPath(p, 'gateway')),
  }
}

function readEndpoints(r: FieldReader, value: unknown, path: string): Endpoints {
  if (value === 'control->gateways' || value === 'gateways->control') return value
  const readPair = (v: unknown, pp: string): EndpointPair => {
    const o = r.object(v, pp) ?? {}
    r.unknownKeys(o, pp, ['from', 'to'])
    const pair = {
      from: r.string(o.from, joinPath(pp, 'from')),
      to: r.string(o.to, joinPath(pp, 'to')),
    }
    if (pair.from !== '' && pair.from === pair.to)
      r.report(pp, 'from and to must be different nodes')
    return pair
  }
  if (Array.isArray(value)) {
    if (value.length === 0) r.report(path, 'must list at least one {from, to} pair')
    return value.map((v, i) => readPair(v, joinPath(path, i)))
  }
  if (isObject(value)) return readPair(value, path)
  r.report(
    path,
    'must be "control->gateways", "gateways->control", a {from, to} pair or a list of pairs',
  )
  return 'control->gateways'
}

const readOption: ItemReader<SecurityOption> = (r, o, p) => {
  r.unknownKeys(o, p, [
    'id',
    'label',
    'kind',
    'latencyMs',
    'refreshSeconds',
    'channels',
    'tagBits',
    'successBound',
  ])
  const id = r.id(o.id, joinPath(p, 'id'))
  const option: SecurityOption = {
    id,
    label: r.string(o.label, joinPath(p, 'label'), id),
    kind: r.oneOf(o.kind, joinPath(p, 'kind'), OPTION_KINDS),
    latencyMs: r.number(o.latencyMs, joinPath(p, 'latencyMs'), { min: 0, max: 3.6e6 }, 0),
  }
  if (option.kind === 'aes-refresh') {
    option.refreshSeconds = r.number(o.refreshSeconds, joinPath(p, 'refreshSeconds'), {
      min: MIN_REFRESH_SECONDS,
      max: 86400,
    })
    option.channels = r.number(
      o.channels,
      joinPath(p, 'channels'),
      { min: 1, max: 10000, integer: true },
      1,
    )
  } else {
    for (const field of ['refreshSeconds', 'channels'] as const) {
      if (o[field] !== undefined) r.report(joinPath(p, field), 'applies only to kind aes-refresh')
    }
  }
  if (option.kind === 'wc-mac' || option.kind === 'otp-mac') {
    option.tagBits = r.number(o.tagBits, joinPath(p, 'tagBits'), {
      min: 8,
      max: 1024,
      integer: true,
    })
  } else if (o.tagBits !== undefined) {
    r.report(joinPath(p, 'tagBits'), 'applies only to kinds wc-mac and otp-mac')
  }
  const bound = r.optionalNumber(o.successBound, joinPath(p, 'successBound'), { min: 0, max: 1 })
  if (bound !== undefined) option.successBound = bound
  return option
}

const readProcess: ItemReader<Process> = (r, o, p) => {
  r.unknownKeys(o, p, [
    'id',
    'label',
    'endpoints',
    'messagesPerSitePerHour',
    'messagesPerHour',
    'messageBytes',
    'deadlineMs',
    'slaPenaltyEur',
    'impactEur',
    'impactEurPerMw',
    'attacksPerHour',
    'minOption',
    'options',
  ])
  const id = r.id(o.id, joinPath(p, 'id'))
  const process: Process = {
    id,
    label: r.string(o.label, joinPath(p, 'label'), id),
    endpoints: readEndpoints(r, o.endpoints, joinPath(p, 'endpoints')),
    messageBytes: r.number(o.messageBytes, joinPath(p, 'messageBytes'), { min: 1, max: 1e9 }),
    deadlineMs: r.number(o.deadlineMs, joinPath(p, 'deadlineMs'), {
      min: 0,
      minExclusive: true,
      max: 8.64e7,
    }),
    slaPenaltyEur: r.number(o.slaPenaltyEur, joinPath(p, 'slaPenaltyEur'), { min: 0, max: 1e9 }, 0),
    impactEur: r.number(o.impactEur, joinPath(p, 'impactEur'), { min: 0, max: 1e12 }),
    impactEurPerMw: r.number(
      o.impactEurPerMw,
      joinPath(p, 'impactEurPerMw'),
      { min: 0, max: 1e12 },
      0,
    ),
    attacksPerHour: r.number(o.attacksPerHour, joinPath(p, 'attacksPerHour'), { min: 0, max: 1e9 }),
    options: readList(r, o.options, joinPath(p, 'options'), MAX_OPTIONS, readOption),
  }
  const perSite = r.optionalNumber(
    o.messagesPerSitePerHour,
    joinPath(p, 'messagesPerSitePerHour'),
    {
      min: 0,
      max: 1e9,
    },
  )
  const perHour = r.optionalNumber(o.messagesPerHour, joinPath(p, 'messagesPerHour'), {
    min: 0,
    max: 1e12,
  })
  if ((perSite === undefined) === (perHour === undefined)) {
    r.report(p, 'must give exactly one of messagesPerSitePerHour or messagesPerHour')
  }
  if (perSite !== undefined) process.messagesPerSitePerHour = perSite
  if (perHour !== undefined) process.messagesPerHour = perHour
  if (o.minOption !== undefined) process.minOption = r.string(o.minOption, joinPath(p, 'minOption'))
  if (Array.isArray(o.options) && o.options.length === 0) {
    r.report(joinPath(p, 'options'), 'must list at least one security option')
  }
  return process
}

function readSlotRange(
  r: FieldReader,
  o: JsonObject,
  p: string,
): { startSlot: number; endSlot: number } {
  const startSlot = r.number(o.startSlot, joinPath(p, 'startSlot'), { min: 0, integer: true })
  const endSlot = r.number(o.endSlot, joinPath(p, 'endSlot'), { min: 0, integer: true })
  if (startSlot >= endSlot)
    r.report(joinPath(p, 'endSlot'), `must be greater than startSlot (${startSlot})`)
  return { startSlot, endSlot }
}

const readWindow: ItemReader<AttackWindow> = (r, o, p) => {
  r.unknownKeys(o, p, ['label', 'startSlot', 'endSlot', 'multiplier', 'processes'])
  const window: AttackWindow = {
    label: r.string(o.label, joinPath(p, 'label'), 'attack window'),
    ...readSlotRange(r, o, p),
    multiplier: r.number(o.multiplier, joinPath(p, 'multiplier'), { min: 0, max: 1e6 }),
  }
  if (o.processes !== undefined) {
    window.processes = r
      .array(o.processes, joinPath(p, 'processes'))
      .map((v, i) => r.string(v, joinPath(joinPath(p, 'processes'), i)))
  }
  return window
}

const readShock: ItemReader<Shock> = (r, o, p) => {
  r.unknownKeys(o, p, ['label', 'startSlot', 'endSlot', 'links', 'factor'])
  const links =
    o.links === 'all'
      ? 'all'
      : r
          .array(o.links, joinPath(p, 'links'))
          .map((v, i) => r.string(v, joinPath(joinPath(p, 'links'), i)))
  return {
    label: r.string(o.label, joinPath(p, 'label'), 'key-yield shock'),
    ...readSlotRange(r, o, p),
    links,
    factor: r.number(o.factor, joinPath(p, 'factor'), { min: 0, max: 10 }),
  }
}

function readPolicy(r: FieldReader, o: JsonObject): Policy {
  r.unknownKeys(o, 'policy', Object.keys(DEFAULT_POLICY))
  const d = DEFAULT_POLICY
  return {
    slaWeight: r.number(o.slaWeight, 'policy.slaWeight', { min: 0, max: 1e6 }, d.slaWeight),
    integer: r.boolean(o.integer, 'policy.integer', d.integer),
    pathsPerFlow: r.number(
      o.pathsPerFlow,
      'policy.pathsPerFlow',
      { min: 1, max: 4, integer: true },
      d.pathsPerFlow,
    ),
    relayLatencyMs: r.number(
      o.relayLatencyMs,
      'policy.relayLatencyMs',
      { min: 0, max: 1e5 },
      d.relayLatencyMs,
    ),
    kmsLatencyMs: r.number(
      o.kmsLatencyMs,
      'policy.kmsLatencyMs',
      { min: 0, max: 1e5 },
      d.kmsLatencyMs,
    ),
    holdAllowed: r.boolean(o.holdAllowed, 'policy.holdAllowed', d.holdAllowed),
    terminalKeyEurPerMbit: r.number(
      o.terminalKeyEurPerMbit,
      'policy.terminalKeyEurPerMbit',
      { min: 0, max: 1e6 },
      d.terminalKeyEurPerMbit,
    ),
  }
}

function readUncertainty(r: FieldReader, o: JsonObject): Uncertainty {
  r.unknownKeys(o, 'uncertainty', Object.keys(DEFAULT_UNCERTAINTY))
  const d = DEFAULT_UNCERTAINTY
  return {
    yieldSigma: r.number(o.yieldSigma, 'uncertainty.yieldSigma', { min: 0, max: 2 }, d.yieldSigma),
    attackSigma: r.number(
      o.attackSigma,
      'uncertainty.attackSigma',
      { min: 0, max: 2 },
      d.attackSigma,
    ),
    scenarioCount: r.number(
      o.scenarioCount,
      'uncertainty.scenarioCount',
      { min: 1, max: 1000, integer: true },
      d.scenarioCount,
    ),
    riskMeasure: r.oneOf(
      o.riskMeasure,
      'uncertainty.riskMeasure',
      ['expected', 'cvar', 'worst'],
      d.riskMeasure,
    ),
    alpha: r.number(o.alpha, 'uncertainty.alpha', { min: 0.5, max: 0.999 }, d.alpha),
  }
}

/** Reports the second and later uses of each id in a list. */
function checkUnique(r: FieldReader, ids: readonly string[], path: string, what: string): void {
  const seen = new Map<string, number>()
  ids.forEach((id, i) => {
    if (id === '') return
    const first = seen.get(id)
    if (first !== undefined) {
      r.report(`${path}[${i}].id`, `duplicate ${what} id "${id}" (first used at ${path}[${first}])`)
    } else seen.set(id, i)
  })
}

function checkReferences(r: FieldReader, s: Scenario): void {
  const { nodes, links } = s.qkd
  checkUnique(
    r,
    nodes.map((n) => n.id),
    'qkd.nodes',
    'node',
  )
  checkUnique(
    r,
    links.map((l) => l.id),
    'qkd.links',
    'link',
  )
  checkUnique(
    r,
    s.fleet.groups.map((g) => g.id),
    'fleet.groups',
    'DER group',
  )
  checkUnique(
    r,
    s.processes.map((p) => p.id),
    'processes',
    'process',
  )
  const nodeIds = new Set(nodes.map((n) => n.id))
  const roleOf = new Map(nodes.map((n) => [n.id, n.role]))
  const controls = nodes.filter((n) => n.role === 'control')
  if (controls.length !== 1) {
    r.report(
      'qkd.nodes',
      `must contain exactly one node with role "control", found ${controls.length}`,
    )
  }
  links.forEach((l, i) => {
    for (const end of ['a', 'b'] as const) {
      if (l[end] !== '' && !nodeIds.has(l[end])) {
        r.report(`qkd.links[${i}].${end}`, `unknown node "${l[end]}"`)
      }
    }
    if (l.a !== '' && l.a === l.b)
      r.report(`qkd.links[${i}].b`, 'a link must join two different nodes')
    if (l.keyRateBps === undefined && s.qkd.rateModel.r0Bps === 0) {
      r.report(`qkd.links[${i}].keyRateBps`, 'is required when qkd.rateModel.r0Bps is 0')
    }
  })
  s.fleet.groups.forEach((g, i) => {
    if (g.gateway === '') return
    if (!nodeIds.has(g.gateway))
      r.report(`fleet.groups[${i}].gateway`, `unknown node "${g.gateway}"`)
    else if (roleOf.get(g.gateway) !== 'aggregator') {
      r.report(
        `fleet.groups[${i}].gateway`,
        `node "${g.gateway}" is a ${roleOf.get(g.gateway)}, not an aggregator`,
      )
    }
  })
  const hasGateway = nodes.some((n) => n.role === 'aggregator')
  const processIds = new Set(s.processes.map((p) => p.id))
  s.processes.forEach((proc, i) => {
    const p = `processes[${i}]`
    checkUnique(
      r,
      proc.options.map((o) => o.id),
      `${p}.options`,
      'option',
    )
    if (typeof proc.endpoints === 'string') {
      if (!hasGateway)
        r.report(`${p}.endpoints`, `"${proc.endpoints}" needs at least one aggregator node`)
    } else {
      const pairs = Array.isArray(proc.endpoints) ? proc.endpoints : [proc.endpoints]
      pairs.forEach((pair, j) => {
        const pp = Array.isArray(proc.endpoints) ? `${p}.endpoints[${j}]` : `${p}.endpoints`
        for (const end of ['from', 'to'] as const) {
          if (pair[end] !== '' && !nodeIds.has(pair[end]))
            r.report(`${pp}.${end}`, `unknown node "${pair[end]}"`)
        }
      })
    }
    if (
      proc.minOption !== undefined &&
      proc.minOption !== '' &&
      !proc.options.some((o) => o.id === proc.minOption)
    ) {
      r.report(
        `${p}.minOption`,
        `"${proc.minOption}" is not one of the process's options (${proc.options.map((o) => o.id).join(', ')})`,
      )
    }
  })
  const checkRange = (start: number, end: number, path: string): void => {
    if (start >= s.horizon.slots) {
      r.report(
        `${path}.startSlot`,
        `must be below horizon.slots (${s.horizon.slots}), got ${start}`,
      )
    }
    if (end > s.horizon.slots) {
      r.report(`${path}.endSlot`, `must be at most horizon.slots (${s.horizon.slots}), got ${end}`)
    }
  }
  s.threat.windows.forEach((w, i) => {
    checkRange(w.startSlot, w.endSlot, `threat.windows[${i}]`)
    w.processes?.forEach((id, j) => {
      if (id !== '' && !processIds.has(id))
        r.report(`threat.windows[${i}].processes[${j}]`, `unknown process "${id}"`)
    })
  })
  const linkIds = new Set(links.map((l) => l.id))
  s.shocks.forEach((sh, i) => {
    checkRange(sh.startSlot, sh.endSlot, `shocks[${i}]`)
    if (sh.links !== 'all') {
      sh.links.forEach((id, j) => {
        if (id !== '' && !linkIds.has(id))
          r.report(`shocks[${i}].links[${j}]`, `unknown link "${id}"`)
      })
    }
  })
}

function checkFlowPaths(r: FieldReader, s: Scenario, paths: PathFinder): void {
  const flows = expandFlows(s)
  const seen = new Set<string>()
  for (const flow of flows) {
    // A repeated pair would count its traffic twice; contrived ids could also collide.
    if (seen.has(flow.id)) {
      r.report(
        `processes[${flow.processIndex}].endpoints`,
        `flow "${flow.id}" appears twice; list each {from, to} pair once per process`,
      )
      continue
    }
    seen.add(flow.id)
    if (!paths.connected(flow.from, flow.to)) {
      const proc = s.processes[flow.processIndex]
      r.report(
        `processes[${flow.processIndex}].endpoints`,
        `flow ${flow.from} -> ${flow.to} of process "${proc?.id ?? ''}" has no QKD path: the nodes are not connected by links`,
      )
    }
  }
}
