/**
 * Every difference between two scenario documents, field by field, for the A/B assumptions diff.
 * Paths use the validator's style (`qkd.links[2].keyRateBps`, see `joinPath`), so a row of the
 * diff reads like a validation message and names the same field.
 *
 * Arrays whose items all carry a unique string `id` (nodes, links, processes, windows …) are
 * matched by id, so inserting one link reports one added link rather than every later link as
 * changed. Other arrays (per-slot profiles, option lists) are compared position by position.
 */
import { joinPath } from './issues.ts'

export type DiffKind = 'changed' | 'added' | 'removed' | 'reordered'

export interface DiffEntry {
  /**
   * JSON path of the field. Items matched by id are named by their index in A (changed, removed)
   * or in B (added), so the path points at the item in the document it exists in.
   */
  path: string
  kind: DiffKind
  /** The value in A (undefined when the field was added in B). */
  a: unknown
  /** The value in B (undefined when the field was removed in B). */
  b: unknown
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The items' ids when every item has a distinct string `id`, else undefined. */
function idsOf(items: readonly unknown[]): string[] | undefined {
  const ids: string[] = []
  for (const item of items) {
    if (!isObject(item) || typeof item.id !== 'string') return undefined
    ids.push(item.id)
  }
  return new Set(ids).size === ids.length ? ids : undefined
}

function diffById(
  a: readonly unknown[],
  b: readonly unknown[],
  idsA: readonly string[],
  idsB: readonly string[],
  path: string,
  out: DiffEntry[],
): void {
  const indexB = new Map(idsB.map((id, i) => [id, i]))
  const inA = new Set(idsA)
  idsA.forEach((id, i) => {
    const j = indexB.get(id)
    if (j === undefined)
      out.push({ path: joinPath(path, i), kind: 'removed', a: a[i], b: undefined })
    else collect(a[i], b[j], joinPath(path, i), out)
  })
  idsB.forEach((id, j) => {
    if (!inA.has(id)) out.push({ path: joinPath(path, j), kind: 'added', a: undefined, b: b[j] })
  })
  // Order can matter (colours, tie-breaking), so a change of order among shared items is shown.
  const sharedA = idsA.filter((id) => indexB.has(id))
  const sharedB = idsB.filter((id) => inA.has(id))
  if (sharedA.some((id, k) => sharedB[k] !== id)) {
    out.push({ path: path === '' ? '(root)' : path, kind: 'reordered', a: sharedA, b: sharedB })
  }
}

function collect(a: unknown, b: unknown, path: string, out: DiffEntry[]): void {
  if (Object.is(a, b)) return
  if (Array.isArray(a) && Array.isArray(b)) {
    const idsA = idsOf(a)
    const idsB = idsOf(b)
    if (idsA !== undefined && idsB !== undefined) {
      diffById(a, b, idsA, idsB, path, out)
      return
    }
    const common = Math.min(a.length, b.length)
    for (let i = 0; i < common; i++) collect(a[i], b[i], joinPath(path, i), out)
    for (let i = common; i < a.length; i++) {
      out.push({ path: joinPath(path, i), kind: 'removed', a: a[i], b: undefined })
    }
    for (let i = common; i < b.length; i++) {
      out.push({ path: joinPath(path, i), kind: 'added', a: undefined, b: b[i] })
    }
    return
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (!(key in b) || b[key] === undefined) {
        if (a[key] !== undefined) {
          out.push({ path: joinPath(path, key), kind: 'removed', a: a[key], b: undefined })
        }
      } else {
        collect(a[key], b[key], joinPath(path, key), out)
      }
    }
    for (const key of Object.keys(b)) {
      if ((!(key in a) || a[key] === undefined) && b[key] !== undefined) {
        out.push({ path: joinPath(path, key), kind: 'added', a: undefined, b: b[key] })
      }
    }
    return
  }
  // Different types, or two different primitives.
  out.push({ path: path === '' ? '(root)' : path, kind: 'changed', a, b })
}

/**
 * Lists every changed, added, removed or reordered field from document `a` to document `b`, in
 * document order (A's fields first, then fields only B has). Equal documents give `[]`.
 * Numbers are compared exactly (a diff is about what the user typed, not about tolerances).
 */
export function diffScenarios(a: unknown, b: unknown): DiffEntry[] {
  const out: DiffEntry[] = []
  collect(a, b, '', out)
  return out
}
