/**
 * Pure topology edits and checks for the map editor (tested in Node).
 */
import { kShortestPaths } from '../../domain/derive/paths.ts'
import type { NodeRole, QkdLink, QkdNode, Scenario } from '../../domain/scenario/types.ts'

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}

/** A map coordinate kept within 0..1 and rounded to 3 decimals (keeps documents tidy). */
export function mapCoordinate(value: number): number {
  if (!Number.isFinite(value)) return 0.5
  return Math.round(clamp(value, 0, 1) * 1000) / 1000
}

/** The first free id of the form PREFIX1, PREFIX2, … */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let n = 1; ; n += 1) {
    const id = `${prefix}${n}`
    if (!used.has(id)) return id
  }
}

/** `A-B`, or `A-B-2`, `A-B-3`, … when taken. */
export function uniqueLinkId(a: string, b: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  const base = `${a}-${b}`
  if (!used.has(base)) return base
  for (let n = 2; ; n += 1) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`
  }
}

/** The grid point (spacing 0.1) farthest from every existing node, for a new node. */
export function freePosition(nodes: ReadonlyArray<{ x: number; y: number }>): {
  x: number
  y: number
} {
  let best = { x: 0.5, y: 0.5 }
  let bestDistance = -1
  for (let i = 0; i < 10; i += 1) {
    for (let j = 0; j < 10; j += 1) {
      const x = Math.round((0.05 + 0.1 * j) * 100) / 100
      const y = Math.round((0.05 + 0.1 * i) * 100) / 100
      let nearest = Infinity
      for (const n of nodes) nearest = Math.min(nearest, Math.hypot(n.x - x, n.y - y))
      if (nearest > bestDistance + 1e-12) {
        bestDistance = nearest
        best = { x, y }
      }
    }
  }
  return best
}

/** The new position after an arrow key, or undefined for other keys. */
export function nudge(
  key: string,
  position: { x: number; y: number },
  step = 0.02,
): { x: number; y: number } | undefined {
  const delta: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  }
  const d = delta[key]
  if (d === undefined) return undefined
  return { x: mapCoordinate(position.x + d[0]), y: mapCoordinate(position.y + d[1]) }
}

function endpointNodes(endpoints: Scenario['processes'][number]['endpoints']): string[] {
  if (typeof endpoints === 'string') return []
  const pairs = Array.isArray(endpoints) ? endpoints : [endpoints]
  return pairs.flatMap((p) => [p.from, p.to])
}

/** Why a node cannot be deleted; empty when it can. */
export function nodeDeleteBlockers(scenario: Scenario, nodeId: string): string[] {
  const node = scenario.qkd.nodes.find((n) => n.id === nodeId)
  if (node === undefined) return [`There is no node "${nodeId}"`]
  const reasons: string[] = []
  if (node.role === 'control') {
    reasons.push('it is the control node (a scenario needs exactly one)')
  }
  const groups = scenario.fleet.groups.filter((g) => g.gateway === nodeId).map((g) => g.id)
  if (groups.length > 0) {
    reasons.push(`it is the gateway of DER group${groups.length > 1 ? 's' : ''} ${list(groups)}`)
  }
  const processes = scenario.processes
    .filter((p) => endpointNodes(p.endpoints).includes(nodeId))
    .map((p) => p.id)
  if (processes.length > 0) {
    reasons.push(
      `it is an endpoint of process${processes.length > 1 ? 'es' : ''} ${list(processes)}`,
    )
  }
  if (node.role === 'aggregator') {
    const lastGateway = scenario.qkd.nodes.filter((n) => n.role === 'aggregator').length === 1
    const needGateways = scenario.processes
      .filter((p) => typeof p.endpoints === 'string')
      .map((p) => p.id)
    if (lastGateway && needGateways.length > 0) {
      reasons.push(`it is the last aggregator, and ${list(needGateways)} run through gateways`)
    }
  }
  return reasons
}

/**
 * Why a node's role cannot change to `role`; empty when it can. The checks keep a valid scenario
 * valid: exactly one control node, DER groups report through aggregators, and processes that run
 * through gateways keep at least one gateway, each reachable from the control node.
 */
export function roleChangeBlockers(scenario: Scenario, nodeId: string, role: NodeRole): string[] {
  const node = scenario.qkd.nodes.find((n) => n.id === nodeId)
  if (node === undefined) return [`There is no node "${nodeId}"`]
  if (node.role === role) return []
  const reasons: string[] = []
  const control = scenario.qkd.nodes.find((n) => n.role === 'control')
  if (node.role === 'control') {
    reasons.push('it is the control node (a scenario needs exactly one)')
  } else if (role === 'control' && control !== undefined) {
    reasons.push(`${control.id} is already the control node (a scenario needs exactly one)`)
  }
  const viaGateways = scenario.processes
    .filter((p) => typeof p.endpoints === 'string')
    .map((p) => p.id)
  if (node.role === 'aggregator') {
    const groups = scenario.fleet.groups.filter((g) => g.gateway === nodeId).map((g) => g.id)
    if (groups.length > 0) {
      reasons.push(`it is the gateway of DER group${groups.length > 1 ? 's' : ''} ${list(groups)}`)
    }
    const lastGateway = scenario.qkd.nodes.filter((n) => n.role === 'aggregator').length === 1
    if (lastGateway && viaGateways.length > 0) {
      reasons.push(`it is the last aggregator, and ${list(viaGateways)} run through gateways`)
    }
  }
  if (
    role === 'aggregator' &&
    viaGateways.length > 0 &&
    control !== undefined &&
    kShortestPaths(scenario.qkd.links, control.id, nodeId, 1).length === 0
  ) {
    reasons.push(
      `as a gateway it would need a QKD path to ${control.id} for ${list(viaGateways)}, and no links join them`,
    )
  }
  return reasons
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, 4).join(', ')
  return items.length > 4 ? `${shown} and ${items.length - 4} more` : shown
}

/** Removes a link and its mentions in shocks. */
export function deleteLink(draft: Scenario, linkId: string): void {
  draft.qkd.links = draft.qkd.links.filter((l) => l.id !== linkId)
  for (const shock of draft.shocks) {
    if (shock.links !== 'all') shock.links = shock.links.filter((id) => id !== linkId)
  }
}

/** Removes a node together with its links (check `nodeDeleteBlockers` first). */
export function deleteNode(draft: Scenario, nodeId: string): void {
  draft.qkd.nodes = draft.qkd.nodes.filter((n) => n.id !== nodeId)
  for (const link of draft.qkd.links.filter((l) => l.a === nodeId || l.b === nodeId)) {
    deleteLink(draft, link.id)
  }
}

/**
 * Sets a link's buffer and keeps its initial store valid: a store at the default (half the old
 * buffer) stays at half, any other store is capped at the new buffer.
 */
export function setBuffer(link: QkdLink, bufferBits: number): void {
  const wasHalf = link.initialBufferBits === link.bufferBits / 2
  link.bufferBits = bufferBits
  link.initialBufferBits = wasHalf ? bufferBits / 2 : Math.min(link.initialBufferBits, bufferBits)
}

/** A new node with a unique id (N1, N2, …) at a free spot. */
export function newNode(nodes: readonly QkdNode[], role: QkdNode['role'], label: string): QkdNode {
  const id = uniqueId(
    'N',
    nodes.map((n) => n.id),
  )
  return { id, label: label.trim() === '' ? id : label.trim(), role, ...freePosition(nodes) }
}

/** A new link between two different nodes, or a message saying why not. */
export function newLink(
  links: readonly QkdLink[],
  a: string,
  b: string,
  lengthKm: number,
): QkdLink | string {
  if (a === '' || b === '') return 'Choose both ends of the link'
  if (a === b) return 'A link must join two different nodes'
  return {
    id: uniqueLinkId(
      a,
      b,
      links.map((l) => l.id),
    ),
    a,
    b,
    lengthKm,
    bufferBits: 10_000_000,
    initialBufferBits: 5_000_000,
    reserveFraction: 0,
  }
}
