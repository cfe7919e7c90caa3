/**
 * Candidate key-relay paths (MODEL.md §3, §8): up to k loop-free paths per flow, ordered by fewest
 * hops, then shortest total length, then the link listed first in `qkd.links`. Links are undirected.
 * Yen's algorithm over a lexicographic path cost keeps this exact without enumerating every simple
 * path, which would explode on the large scenario's mesh.
 */

export interface GraphLink {
  id: string
  a: string
  b: string
  lengthKm: number
}

export interface CandidatePath {
  /** Node ids from source to target. */
  nodes: string[]
  /** Indices into the link list, in travel order. */
  links: number[]
  lengthKm: number
}

interface Adjacent {
  node: string
  link: number
}

type Adjacency = Map<string, Adjacent[]>

function buildAdjacency(links: readonly GraphLink[]): Adjacency {
  const adj: Adjacency = new Map()
  const add = (from: string, to: string, link: number): void => {
    const list = adj.get(from) ?? []
    list.push({ node: to, link })
    adj.set(from, list)
  }
  links.forEach((l, i) => {
    add(l.a, l.b, i)
    add(l.b, l.a, i)
  })
  return adj
}

/** Negative when path p is preferred to q. */
function comparePaths(p: CandidatePath, q: CandidatePath): number {
  if (p.links.length !== q.links.length) return p.links.length - q.links.length
  if (Math.abs(p.lengthKm - q.lengthKm) > 1e-9) return p.lengthKm - q.lengthKm
  for (let i = 0; i < p.links.length; i++) {
    const d = (p.links[i] ?? 0) - (q.links[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * Best path from `source` to `target` avoiding `bannedNodes` and `bannedLinks`, under the
 * lexicographic (hops, km, link order) cost. Label-setting is exact because that cost only grows
 * when a path is extended.
 */
function bestPath(
  adj: Adjacency,
  links: readonly GraphLink[],
  source: string,
  target: string,
  bannedNodes: ReadonlySet<string>,
  bannedLinks: ReadonlySet<number>,
): CandidatePath | undefined {
  const best = new Map<string, CandidatePath>([
    [source, { nodes: [source], links: [], lengthKm: 0 }],
  ])
  const done = new Set<string>()
  for (;;) {
    let current: CandidatePath | undefined
    let currentNode = ''
    for (const [node, path] of best) {
      if (done.has(node)) continue
      if (current === undefined || comparePaths(path, current) < 0) {
        current = path
        currentNode = node
      }
    }
    if (current === undefined) return undefined
    if (currentNode === target) return current
    done.add(currentNode)
    for (const next of adj.get(currentNode) ?? []) {
      if (bannedNodes.has(next.node) || bannedLinks.has(next.link) || done.has(next.node)) continue
      if (current.nodes.includes(next.node)) continue
      const candidate: CandidatePath = {
        nodes: [...current.nodes, next.node],
        links: [...current.links, next.link],
        lengthKm: current.lengthKm + (links[next.link]?.lengthKm ?? 0),
      }
      const known = best.get(next.node)
      if (known === undefined || comparePaths(candidate, known) < 0) best.set(next.node, candidate)
    }
  }
}

/**
 * Up to `k` loop-free paths from `source` to `target`, best first. Empty when they are not
 * connected (or are the same node).
 */
export function kShortestPaths(
  links: readonly GraphLink[],
  source: string,
  target: string,
  k: number,
): CandidatePath[] {
  if (source === target || k < 1) return []
  const adj = buildAdjacency(links)
  const first = bestPath(adj, links, source, target, new Set(), new Set())
  if (first === undefined) return []
  const accepted: CandidatePath[] = [first]
  const pending: CandidatePath[] = []
  const key = (p: CandidatePath): string => p.links.join(',')
  const seen = new Set<string>([key(first)])
  while (accepted.length < k) {
    const last = accepted[accepted.length - 1] as CandidatePath
    for (let i = 0; i < last.links.length; i++) {
      const spurNode = last.nodes[i] as string
      const rootNodes = last.nodes.slice(0, i + 1)
      const rootLinks = last.links.slice(0, i)
      const bannedLinks = new Set<number>()
      for (const p of accepted) {
        if (
          p.links.length > i &&
          key({ ...p, links: p.links.slice(0, i) }) === rootLinks.join(',')
        ) {
          bannedLinks.add(p.links[i] as number)
        }
      }
      const bannedNodes = new Set(rootNodes.slice(0, -1))
      const spur = bestPath(adj, links, spurNode, target, bannedNodes, bannedLinks)
      if (spur === undefined) continue
      const rootKm = rootLinks.reduce((s, l) => s + (links[l]?.lengthKm ?? 0), 0)
      const total: CandidatePath = {
        nodes: [...rootNodes.slice(0, -1), ...spur.nodes],
        links: [...rootLinks, ...spur.links],
        lengthKm: rootKm + spur.lengthKm,
      }
      if (!seen.has(key(total))) {
        seen.add(key(total))
        pending.push(total)
      }
    }
    if (pending.length === 0) break
    pending.sort(comparePaths)
    accepted.push(pending.shift() as CandidatePath)
  }
  return accepted
}
