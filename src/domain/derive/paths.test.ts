/**
 * Candidate paths (MODEL.md §8): up to k loop-free paths, ordered by fewest hops, then shortest
 * length, then the link listed first; links are undirected. Checked by hand on small graphs and
 * against a brute-force enumeration of every simple path on random graphs.
 */
import { describe, expect, it } from 'vitest'
import { kShortestPaths, type CandidatePath, type GraphLink } from './paths.ts'

const L = (id: string, a: string, b: string, lengthKm: number): GraphLink => ({
  id,
  a,
  b,
  lengthKm,
})

const ids = (links: readonly GraphLink[], paths: CandidatePath[]): string[][] =>
  paths.map((p) => p.links.map((i) => links[i]!.id))

/** Every structural promise of one returned path. */
function expectWellFormed(
  links: readonly GraphLink[],
  path: CandidatePath,
  source: string,
  target: string,
): void {
  expect(path.nodes[0]).toBe(source)
  expect(path.nodes[path.nodes.length - 1]).toBe(target)
  expect(path.nodes).toHaveLength(path.links.length + 1)
  // Loop-free: no node twice.
  expect(new Set(path.nodes).size).toBe(path.nodes.length)
  let km = 0
  path.links.forEach((li, i) => {
    const l = links[li]!
    const [u, v] = [path.nodes[i], path.nodes[i + 1]]
    expect((l.a === u && l.b === v) || (l.a === v && l.b === u)).toBe(true)
    km += l.lengthKm
  })
  expect(path.lengthKm).toBeCloseTo(km, 9)
}

describe('kShortestPaths by hand', () => {
  it('prefers fewer hops over a shorter length', () => {
    const links = [L('AB', 'A', 'B', 100), L('AC', 'A', 'C', 1), L('CB', 'C', 'B', 1)]
    const paths = kShortestPaths(links, 'A', 'B', 2)
    expect(ids(links, paths)).toEqual([['AB'], ['AC', 'CB']])
    expect(paths[0]?.lengthKm).toBe(100)
    expect(paths[1]?.lengthKm).toBe(2)
    expect(paths[1]?.nodes).toEqual(['A', 'C', 'B'])
  })

  it('with equal hops prefers the shorter path even when its links are listed later', () => {
    const links = [
      L('AC', 'A', 'C', 5),
      L('CB', 'C', 'B', 5),
      L('AD', 'A', 'D', 1),
      L('DB', 'D', 'B', 1),
    ]
    // via C: 10 km; via D: 2 km
    expect(ids(links, kShortestPaths(links, 'A', 'B', 2))).toEqual([
      ['AD', 'DB'],
      ['AC', 'CB'],
    ])
  })

  it('breaks exact ties by the link listed first', () => {
    // Both routes are 2 hops and 5 km; the route through C starts with link 0.
    const links = [
      L('AC', 'A', 'C', 2),
      L('DB', 'D', 'B', 2),
      L('AD', 'A', 'D', 3),
      L('CB', 'C', 'B', 3),
    ]
    expect(ids(links, kShortestPaths(links, 'A', 'B', 2))).toEqual([
      ['AC', 'CB'],
      ['AD', 'DB'],
    ])
    // Swapping the list order swaps the answer.
    const swapped = [links[2]!, links[3]!, links[0]!, links[1]!]
    expect(ids(swapped, kShortestPaths(swapped, 'A', 'B', 2))).toEqual([
      ['AD', 'DB'],
      ['AC', 'CB'],
    ])
  })

  it('orders parallel links of the same length by list order', () => {
    const links = [L('second', 'A', 'B', 10), L('first', 'B', 'A', 10), L('short', 'A', 'B', 9)]
    expect(ids(links, kShortestPaths(links, 'A', 'B', 3))).toEqual([
      ['short'],
      ['second'],
      ['first'],
    ])
  })

  it('treats links as undirected', () => {
    const links = [L('BA', 'B', 'A', 4), L('CB', 'C', 'B', 6)]
    const forward = kShortestPaths(links, 'A', 'C', 1)
    expect(forward[0]?.nodes).toEqual(['A', 'B', 'C'])
    expect(forward[0]?.links).toEqual([0, 1])
    expect(forward[0]?.lengthKm).toBe(10)
    const back = kShortestPaths(links, 'C', 'A', 1)
    expect(back[0]?.nodes).toEqual(['C', 'B', 'A'])
    expect(back[0]?.links).toEqual([1, 0])
  })

  it('returns at most k paths and every simple path when there are fewer', () => {
    // A square A-B-C-D-A with the diagonal A-C: simple A→C paths are
    // [AC] (1 hop), [AB, BC] (2 hops, 2 km), [AD, DC] (2 hops, 6 km).
    const links = [
      L('AB', 'A', 'B', 1),
      L('BC', 'B', 'C', 1),
      L('CD', 'C', 'D', 3),
      L('DA', 'D', 'A', 3),
      L('AC', 'A', 'C', 50),
    ]
    expect(kShortestPaths(links, 'A', 'C', 1)).toHaveLength(1)
    expect(kShortestPaths(links, 'A', 'C', 2)).toHaveLength(2)
    const all = kShortestPaths(links, 'A', 'C', 10)
    expect(ids(links, all)).toEqual([['AC'], ['AB', 'BC'], ['DA', 'CD']])
    for (const p of all) expectWellFormed(links, p, 'A', 'C')
  })

  it('never returns a path that revisits a node', () => {
    // A-B-C plus a triangle B-X-Y-B: A→C has a single simple path.
    const links = [
      L('AB', 'A', 'B', 1),
      L('BC', 'B', 'C', 1),
      L('BX', 'B', 'X', 1),
      L('XY', 'X', 'Y', 1),
      L('YB', 'Y', 'B', 1),
    ]
    expect(ids(links, kShortestPaths(links, 'A', 'C', 4))).toEqual([['AB', 'BC']])
  })

  it('is empty when the nodes are not connected, equal, unknown, or k < 1', () => {
    const links = [L('AB', 'A', 'B', 1), L('CD', 'C', 'D', 1)]
    expect(kShortestPaths(links, 'A', 'D', 3)).toEqual([])
    expect(kShortestPaths(links, 'A', 'A', 3)).toEqual([])
    expect(kShortestPaths(links, 'A', 'Z', 3)).toEqual([])
    expect(kShortestPaths(links, 'A', 'B', 0)).toEqual([])
    expect(kShortestPaths([], 'A', 'B', 1)).toEqual([])
  })
})

/** A small deterministic generator (LCG), independent of the code under test. */
function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
}

/** Every simple path from source to target, by depth-first search over link choices. */
function allSimplePaths(links: readonly GraphLink[], source: string, target: string) {
  const out: { nodes: string[]; links: number[]; lengthKm: number }[] = []
  const walk = (node: string, nodes: string[], used: number[], km: number): void => {
    if (node === target) {
      out.push({ nodes: [...nodes], links: [...used], lengthKm: km })
      return
    }
    links.forEach((l, i) => {
      const next = l.a === node ? l.b : l.b === node ? l.a : undefined
      if (next === undefined || nodes.includes(next)) return
      walk(next, [...nodes, next], [...used, i], km + l.lengthKm)
    })
  }
  if (source !== target) walk(source, [source], [], 0)
  return out
}

/** The documented order: hops, then km, then link indices in travel order. */
function byPreference(p: { links: number[]; lengthKm: number }, q: typeof p): number {
  if (p.links.length !== q.links.length) return p.links.length - q.links.length
  if (p.lengthKm !== q.lengthKm) return p.lengthKm - q.lengthKm
  for (let i = 0; i < p.links.length; i++) {
    if (p.links[i] !== q.links[i]) return p.links[i]! - q.links[i]!
  }
  return 0
}

describe('kShortestPaths against brute force', () => {
  it('matches the k best simple paths on random small graphs', () => {
    const rand = lcg(20251015)
    let compared = 0
    let multiPath = 0
    for (let g = 0; g < 150; g++) {
      const n = 2 + Math.floor(rand() * 6) // 2..7 nodes
      const m = Math.floor(rand() * 13) // 0..12 links, parallel links allowed
      const names = Array.from({ length: n }, (_, i) => `N${i}`)
      // Integer lengths from a small range make exact length ties common.
      const maxKm = rand() < 0.5 ? 3 : 20
      const links: GraphLink[] = []
      for (let e = 0; e < m; e++) {
        const a = Math.floor(rand() * n)
        let b = Math.floor(rand() * (n - 1))
        if (b >= a) b++
        links.push(L(`e${e}`, names[a]!, names[b]!, 1 + Math.floor(rand() * maxKm)))
      }
      for (const source of names) {
        for (const target of names) {
          const expected = allSimplePaths(links, source, target).sort(byPreference)
          for (const k of [1, 2, 3, 5]) {
            const got = kShortestPaths(links, source, target, k)
            const want = expected.slice(0, k)
            expect(
              got.map((p) => p.links),
              `graph ${g} ${source}->${target} k=${k}`,
            ).toEqual(want.map((p) => p.links))
            got.forEach((p, i) => {
              expect(p.nodes).toEqual(want[i]!.nodes)
              expect(p.lengthKm).toBe(want[i]!.lengthKm)
              expectWellFormed(links, p, source, target)
            })
            compared++
            if (want.length > 1) multiPath++
          }
        }
      }
    }
    // The random graphs must actually exercise multi-path cases.
    expect(compared).toBeGreaterThan(1000)
    expect(multiPath).toBeGreaterThan(200)
  })

  it('matches brute force on a dense graph with many equal-length paths', () => {
    // Complete graph on 5 nodes, every link 1 km: only the link order breaks ties.
    const names = ['A', 'B', 'C', 'D', 'E']
    const links: GraphLink[] = []
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        links.push(L(`${names[i]}${names[j]}`, names[i]!, names[j]!, 1))
      }
    }
    // Simple A→E paths in K5: 1 + 3 + 3·2 + 3·2·1 = 16
    const expected = allSimplePaths(links, 'A', 'E').sort(byPreference)
    expect(expected).toHaveLength(16)
    const got = kShortestPaths(links, 'A', 'E', 16)
    expect(got.map((p) => p.links)).toEqual(expected.map((p) => p.links))
    expect(kShortestPaths(links, 'A', 'E', 40)).toHaveLength(16)
  })
})
