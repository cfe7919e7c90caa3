/**
 * Candidate key-relay paths (MODEL.md §3, §8): up to k loop-free paths per flow, ordered by fewest
 * hops, then shortest total length, then the link listed first in `qkd.links`. Links are undirected.
 * Yen's algorithm over a lexicographic path cost keeps this exact without enumerating every simple
 * path, which would explode on the large scenario's mesh. A `PathFinder` searches each source's
 * best-path tree once and reuses it for every flow from that source.
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

/** A node's best path from the search's source, as a pointer to its predecessor. */
interface Label {
  /** Predecessor node ('' at the source). */
  parent: string
  /** Link from the predecessor (−1 at the source). */
  link: number
  lengthKm: number
}

/** Best paths from one source to every node it reaches, as predecessor labels. */
export type PathTree = ReadonlyMap<string, Label>

/**
 * Best paths from `source` to every reachable node (or until `target` is labelled), avoiding
 * `bannedNodes` and `bannedLinks`, under the lexicographic (hops, km, link order) cost.
 *
 * The cost's first key is the hop count, so the search runs breadth first, one hop layer at a
 * time. Every prefix of a best path is a best path (fewer hops, a shorter length or an earlier
 * link sequence to the prefix's end would give the same to the whole path), so each node's best
 * path extends a best path of the previous layer: among those candidates the shortest wins, then
 * the one whose link sequence comes first. Within a layer the nodes are kept in link-sequence
 * order (the predecessor's rank, then the last link), so that comparison is one of two integers.
 * O(links) per search, instead of the label-setting search's O(nodes²).
 */
function searchTree(
  adj: Adjacency,
  links: readonly GraphLink[],
  source: string,
  bannedNodes: ReadonlySet<string>,
  bannedLinks: ReadonlySet<number>,
  target?: string,
): Map<string, Label> {
  const labels = new Map<string, Label>([[source, { parent: '', link: -1, lengthKm: 0 }]])
  let layer: string[] = [source]
  interface Candidate {
    parent: string
    parentRank: number
    link: number
    lengthKm: number
  }
  const better = (a: Candidate, b: Candidate): boolean => {
    if (Math.abs(a.lengthKm - b.lengthKm) > 1e-9) return a.lengthKm < b.lengthKm
    if (a.parentRank !== b.parentRank) return a.parentRank < b.parentRank
    return a.link < b.link
  }
  while (layer.length > 0) {
    if (target !== undefined && labels.has(target)) break
    const next = new Map<string, Candidate>()
    layer.forEach((node, rank) => {
      const from = labels.get(node) as Label
      for (const edge of adj.get(node) ?? []) {
        if (labels.has(edge.node) || bannedNodes.has(edge.node) || bannedLinks.has(edge.link))
          continue
        const candidate: Candidate = {
          parent: node,
          parentRank: rank,
          link: edge.link,
          lengthKm: from.lengthKm + (links[edge.link]?.lengthKm ?? 0),
        }
        const known = next.get(edge.node)
        if (known === undefined || better(candidate, known)) next.set(edge.node, candidate)
      }
    })
    const order = [...next.entries()].sort(
      ([, a], [, b]) => a.parentRank - b.parentRank || a.link - b.link,
    )
    layer = order.map(([node]) => node)
    for (const [node, c] of order) {
      labels.set(node, { parent: c.parent, link: c.link, lengthKm: c.lengthKm })
    }
  }
  return labels
}

/** The path to `target` in a search tree, or undefined when the tree does not reach it. */
function pathTo(tree: PathTree, target: string): CandidatePath | undefined {
  let label = tree.get(target)
  if (label === undefined) return undefined
  const lengthKm = label.lengthKm
  const nodes = [target]
  const linkList: number[] = []
  while (label !== undefined && label.link >= 0) {
    linkList.push(label.link)
    nodes.push(label.parent)
    label = tree.get(label.parent)
  }
  return { nodes: nodes.reverse(), links: linkList.reverse(), lengthKm }
}

/** Best path from `source` to `target` avoiding `bannedNodes` and `bannedLinks`. */
function bestPath(
  adj: Adjacency,
  links: readonly GraphLink[],
  source: string,
  target: string,
  bannedNodes: ReadonlySet<string>,
  bannedLinks: ReadonlySet<number>,
): CandidatePath | undefined {
  return pathTo(searchTree(adj, links, source, bannedNodes, bannedLinks, target), target)
}

const NONE_STRING: ReadonlySet<string> = new Set()
const NONE_NUMBER: ReadonlySet<number> = new Set()

/**
 * Path search over one link list, shared by every flow: the graph is built once, each source's
 * best-path tree is searched once (the first candidate of every flow from it), and each
 * (source, target) pair's k paths are found once.
 */
export class PathFinder {
  private readonly adj: Adjacency
  private readonly trees = new Map<string, PathTree>()
  private readonly results = new Map<string, CandidatePath[]>()

  constructor(private readonly links: readonly GraphLink[]) {
    this.adj = buildAdjacency(links)
  }

  /** Best paths from `source` to every node it reaches. */
  tree(source: string): PathTree {
    let tree = this.trees.get(source)
    if (tree === undefined) {
      tree = searchTree(this.adj, this.links, source, NONE_STRING, NONE_NUMBER)
      this.trees.set(source, tree)
    }
    return tree
  }

  /** Whether `target` is reachable from `source` (false for the same node). */
  connected(source: string, target: string): boolean {
    return source !== target && this.tree(source).has(target)
  }

  /** Up to `k` loop-free paths from `source` to `target`, best first (see `kShortestPaths`). */
  kShortest(source: string, target: string, k: number): CandidatePath[] {
    if (source === target || k < 1) return []
    const key = `${k}\u0000${source}\u0000${target}`
    let paths = this.results.get(key)
    if (paths === undefined) {
      paths = this.search(source, target, k)
      this.results.set(key, paths)
    }
    // Callers own the arrays they get.
    return paths.map((p) => ({ nodes: [...p.nodes], links: [...p.links], lengthKm: p.lengthKm }))
  }

  private search(source: string, target: string, k: number): CandidatePath[] {
    const { adj, links } = this
    const first = pathTo(this.tree(source), target)
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
        const rootKey = rootLinks.join(',')
        const bannedLinks = new Set<number>()
        for (const p of accepted) {
          if (p.links.length > i && p.links.slice(0, i).join(',') === rootKey) {
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
}

/**
 * Up to `k` loop-free paths from `source` to `target`, best first. Empty when they are not
 * connected (or are the same node). For many flows over one network use a `PathFinder`, which
 * shares the graph and the search trees.
 */
export function kShortestPaths(
  links: readonly GraphLink[],
  source: string,
  target: string,
  k: number,
): CandidatePath[] {
  return new PathFinder(links).kShortest(source, target, k)
}
