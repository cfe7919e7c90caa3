/**
 * Turns a raw fuzz draw (`generate.ts`) into a scenario document: indices become references
 * (links join existing nodes, the first links form a spanning tree, endpoints name existing
 * nodes, windows and shocks fall inside the horizon), and every numeric field and id is recorded
 * with its path so that a mutation can replace it.
 */
import { DEFAULT_BUFFER_BITS } from '../scenario/defaults.ts'
import type { DerType, NodeRole, OptionKind, RiskMeasure } from '../scenario/types.ts'
import type { FieldName } from './fields.ts'

type Maybe<T> = T | undefined

/** One draw of the generator: values and indices, turned into references by `assemble`. */
export interface Raw {
  name: Maybe<string>
  description: Maybe<string>
  seed: Maybe<number>
  slots: number
  slotMinutes: Maybe<number>
  nodes: {
    id: string
    label: Maybe<string>
    role: Exclude<NodeRole, 'control'>
    x: Maybe<number>
    y: Maybe<number>
  }[]
  links: {
    id: string
    a: number
    b: number
    lengthKm: number
    keyRateBps: Maybe<number>
    bufferBits: Maybe<number>
    initialFraction: Maybe<number>
    reserveFraction: Maybe<number>
  }[]
  r0Bps: Maybe<number>
  lossDbPerKm: Maybe<number>
  vppShare: Maybe<number>
  groups: { id: string; type: DerType; sites: number; unitKw: number; gateway: number }[]
  processes: {
    id: string
    label: Maybe<string>
    endpoints: 'control->gateways' | 'gateways->control' | [number, number][] | [number, number]
    perSite: boolean
    rate: number
    messageBytes: number
    deadlineMs: number
    slaPenaltyEur: Maybe<number>
    impactEur: number
    impactEurPerMw: Maybe<number>
    attacksPerHour: number
    minOption: Maybe<'strongest' | number>
    options: {
      id: string
      label: Maybe<string>
      kind: OptionKind
      latencyMs: Maybe<number>
      refreshSeconds: number
      channels: Maybe<number>
      tagBits: number
      successBound: Maybe<number>
    }[]
  }[]
  windows: {
    span: { start: number; length: number }
    label: Maybe<string>
    multiplier: number
    processes: Maybe<number[]>
  }[]
  classicalSuccessBound: Maybe<number>
  shocks: {
    span: { start: number; length: number }
    label: Maybe<string>
    links: 'all' | number[]
    factor: number
  }[]
  policy: {
    slaWeight: Maybe<number>
    integer: boolean
    pathsPerFlow: Maybe<number>
    relayLatencyMs: Maybe<number>
    kmsLatencyMs: Maybe<number>
    holdAllowed: Maybe<boolean>
    terminalKeyEurPerMbit: Maybe<number>
  }
  uncertainty: Maybe<{
    yieldSigma: Maybe<number>
    attackSigma: Maybe<number>
    scenarioCount: number
    riskMeasure: Maybe<RiskMeasure>
    alpha: Maybe<number>
  }>
  mutation: Maybe<Mutation>
}

/** One mutation the validator must refuse, applied after assembly (`generate.ts`). */
export type Mutation =
  | { kind: 'number'; pick: number; value: number }
  | { kind: 'id'; pick: number; value: number }
  | { kind: 'empty'; which: 'processes' | 'options' | 'endpoints' }
  | { kind: 'overfull'; which: 'options' | 'description' | 'name' }

/** A field of the document that a mutation may overwrite. */
export interface Slot<F> {
  path: string
  field: F
  set: (value: unknown) => void
}

type Obj = Record<string, unknown>

/** Builds the document; `numbers` and `ids` list every numeric field and id with its path. */
export function assemble(raw: Raw): {
  doc: Obj
  numbers: Slot<FieldName>[]
  ids: Slot<'id'>[]
} {
  const numbers: Slot<FieldName>[] = []
  const ids: Slot<'id'>[] = []
  /** Sets `obj[key]` when defined, recording numbers and ids. */
  const put = (obj: Obj, path: string, key: string, value: unknown, field?: FieldName | 'id') => {
    if (value === undefined) return
    obj[key] = value
    const at = path === '' ? key : `${path}.${key}`
    const set = (v: unknown) => {
      obj[key] = v
    }
    if (field === 'id') ids.push({ path: at, field, set })
    else if (field !== undefined) numbers.push({ path: at, field, set })
  }
  const doc: Obj = { format: 'qkd-vpp-scenario', version: 1 }
  put(doc, '', 'name', raw.name)
  put(doc, '', 'description', raw.description)
  put(doc, '', 'seed', raw.seed, 'seed')
  const slots = raw.slots
  const horizon: Obj = {}
  put(horizon, 'horizon', 'slots', slots, 'slots')
  put(horizon, 'horizon', 'slotMinutes', raw.slotMinutes, 'slotMinutes')
  doc.horizon = horizon

  // No more nodes than the links can join in a tree (so most flows have a path).
  const rawNodes = raw.nodes.slice(0, raw.links.length + 1)
  const nodeIds = rawNodes.map((x) => x.id)
  const nodes = rawNodes.map((x, i) => {
    const node: Obj = {}
    const p = `qkd.nodes[${i}]`
    put(node, p, 'id', x.id, 'id')
    put(node, p, 'label', x.label)
    // One control node (the first) and, when there are two nodes or more, a gateway (the second).
    put(node, p, 'role', i === 0 ? 'control' : i === 1 ? 'aggregator' : x.role)
    put(node, p, 'x', x.x, 'nodeXY')
    put(node, p, 'y', x.y, 'nodeXY')
    return node
  })
  const nn = nodeIds.length
  const links = raw.links.map((x, j) => {
    const link: Obj = {}
    const p = `qkd.links[${j}]`
    // The first nn − 1 links form a spanning tree, so most flows have a path.
    let a = j + 1 < nn ? x.a % (j + 1) : x.a % nn
    let b = j + 1 < nn ? j + 1 : x.b % nn
    if (a === b) b = (a + 1) % nn
    if (a > b) [a, b] = [b, a]
    put(link, p, 'id', x.id, 'id')
    put(link, p, 'a', nodeIds[a])
    put(link, p, 'b', nodeIds[b])
    put(link, p, 'lengthKm', x.lengthKm, 'lengthKm')
    put(link, p, 'keyRateBps', x.keyRateBps, 'keyRateBps')
    put(link, p, 'bufferBits', x.bufferBits, 'bufferBits')
    if (x.initialFraction !== undefined) {
      // Between the reserve floor and the buffer: a store may start anywhere in its own range.
      const buffer = x.bufferBits ?? DEFAULT_BUFFER_BITS
      const reserve = (x.reserveFraction ?? 0) * buffer
      const initial = reserve + x.initialFraction * (buffer - reserve)
      put(link, p, 'initialBufferBits', Math.min(buffer, Math.max(reserve, initial)), 'bufferBits')
    }
    put(link, p, 'reserveFraction', x.reserveFraction, 'reserveFraction')
    return link
  })
  const rateModel: Obj = {}
  put(rateModel, 'qkd.rateModel', 'r0Bps', raw.r0Bps, 'r0Bps')
  put(rateModel, 'qkd.rateModel', 'lossDbPerKm', raw.lossDbPerKm, 'lossDbPerKm')
  const qkd: Obj = { nodes, links, rateModel }
  put(qkd, 'qkd', 'vppShare', raw.vppShare, 'vppShare')
  doc.qkd = qkd

  const gateways = nodes.filter((x) => x.role === 'aggregator').map((x) => x.id as string)
  const groups = gateways.length === 0 ? [] : raw.groups
  doc.fleet = {
    groups: groups.map((g, i) => {
      const group: Obj = {}
      const p = `fleet.groups[${i}]`
      put(group, p, 'id', g.id, 'id')
      put(group, p, 'type', g.type)
      put(group, p, 'sites', g.sites, 'sites')
      put(group, p, 'unitKw', g.unitKw, 'unitKw')
      put(group, p, 'gateway', gateways[g.gateway % gateways.length])
      return group
    }),
  }

  const pair = ([from, to]: [number, number]) => {
    const a = from % nn
    const b = nn > 1 && to % nn === a ? (a + 1) % nn : to % nn
    return { from: nodeIds[a], to: nodeIds[b] }
  }
  doc.processes = raw.processes.map((x, i) => {
    const proc: Obj = {}
    const p = `processes[${i}]`
    put(proc, p, 'id', x.id, 'id')
    put(proc, p, 'label', x.label)
    if (typeof x.endpoints === 'string') proc.endpoints = x.endpoints
    else if (typeof x.endpoints[0] === 'number')
      proc.endpoints = pair(x.endpoints as [number, number])
    else {
      const seen = new Set<string>()
      proc.endpoints = (x.endpoints as [number, number][]).map(pair).filter((e) => {
        const key = `${e.from}\u0000${e.to}`
        return seen.has(key) ? false : (seen.add(key), true)
      })
    }
    if (x.perSite)
      put(proc, p, 'messagesPerSitePerHour', Math.min(x.rate, 1e9), 'messagesPerSitePerHour')
    else put(proc, p, 'messagesPerHour', x.rate, 'messagesPerHour')
    put(proc, p, 'messageBytes', x.messageBytes, 'messageBytes')
    put(proc, p, 'deadlineMs', x.deadlineMs, 'deadlineMs')
    put(proc, p, 'slaPenaltyEur', x.slaPenaltyEur, 'slaPenaltyEur')
    put(proc, p, 'impactEur', x.impactEur, 'impactEur')
    put(proc, p, 'impactEurPerMw', x.impactEurPerMw, 'impactEurPerMw')
    put(proc, p, 'attacksPerHour', x.attacksPerHour, 'attacksPerHour')
    const optionIds = x.options.map((o) => o.id)
    if (x.minOption === 'strongest') proc.minOption = optionIds[optionIds.length - 1]
    else if (x.minOption !== undefined) proc.minOption = optionIds[x.minOption % optionIds.length]
    proc.options = x.options.map((o, k) => {
      const option: Obj = {}
      const q = `${p}.options[${k}]`
      put(option, q, 'id', o.id, 'id')
      put(option, q, 'label', o.label)
      put(option, q, 'kind', o.kind)
      put(option, q, 'latencyMs', o.latencyMs, 'latencyMs')
      if (o.kind === 'aes-refresh') {
        put(option, q, 'refreshSeconds', o.refreshSeconds, 'refreshSeconds')
        put(option, q, 'channels', o.channels, 'channels')
      }
      if (o.kind === 'wc-mac' || o.kind === 'otp-mac')
        put(option, q, 'tagBits', o.tagBits, 'tagBits')
      put(option, q, 'successBound', o.successBound, 'successBound')
      return option
    })
    return proc
  })

  const range = (span: { start: number; length: number }) => {
    const startSlot = span.start % slots
    return { startSlot, endSlot: Math.min(slots, startSlot + span.length) }
  }
  const processIds = raw.processes.map((x) => x.id)
  const threat: Obj = {
    windows: raw.windows.map((w, i) => {
      const window: Obj = { ...range(w.span) }
      put(window, `threat.windows[${i}]`, 'label', w.label)
      put(window, `threat.windows[${i}]`, 'multiplier', w.multiplier, 'multiplier')
      if (w.processes !== undefined)
        window.processes = [...new Set(w.processes.map((k) => processIds[k % processIds.length]))]
      return window
    }),
  }
  put(threat, 'threat', 'classicalSuccessBound', raw.classicalSuccessBound, 'classicalSuccessBound')
  doc.threat = threat
  const linkIds = raw.links.map((x) => x.id)
  doc.shocks = raw.shocks.map((s, i) => {
    const shock: Obj = { ...range(s.span) }
    put(shock, `shocks[${i}]`, 'label', s.label)
    shock.links =
      s.links === 'all' || linkIds.length === 0
        ? 'all'
        : [...new Set(s.links.map((k) => linkIds[k % linkIds.length]))]
    put(shock, `shocks[${i}]`, 'factor', s.factor, 'factor')
    return shock
  })

  const policy: Obj = { integer: raw.policy.integer }
  const pp = raw.policy
  put(policy, 'policy', 'slaWeight', pp.slaWeight, 'slaWeight')
  put(policy, 'policy', 'pathsPerFlow', pp.pathsPerFlow, 'pathsPerFlow')
  put(policy, 'policy', 'relayLatencyMs', pp.relayLatencyMs, 'relayLatencyMs')
  put(policy, 'policy', 'kmsLatencyMs', pp.kmsLatencyMs, 'kmsLatencyMs')
  put(policy, 'policy', 'holdAllowed', pp.holdAllowed)
  put(policy, 'policy', 'terminalKeyEurPerMbit', pp.terminalKeyEurPerMbit, 'terminalKeyEurPerMbit')
  doc.policy = policy
  // Absent, the default of 20 sampled days applies.
  const u = raw.uncertainty
  if (u !== undefined) {
    const uncertainty: Obj = {}
    put(uncertainty, 'uncertainty', 'yieldSigma', u.yieldSigma, 'sigma')
    put(uncertainty, 'uncertainty', 'attackSigma', u.attackSigma, 'sigma')
    put(uncertainty, 'uncertainty', 'scenarioCount', u.scenarioCount, 'scenarioCount')
    put(uncertainty, 'uncertainty', 'riskMeasure', u.riskMeasure)
    put(uncertainty, 'uncertainty', 'alpha', u.alpha, 'alpha')
    doc.uncertainty = uncertainty
  }
  return { doc, numbers, ids }
}
