/**
 * Renames node, link and process ids of a scenario document everywhere they are referenced. Its
 * use is giving a built-in day ids such as `__proto__`, `constructor` or `toString`: ids are data,
 * and every layer (solve, analyses, worker answers, share links, autosave) must carry them as
 * data, which tests check on the real days rather than on a hand-written copy of one.
 */
import { idRecordOf } from './idRecord.ts'

export interface IdRenames {
  nodes?: Readonly<Record<string, string>>
  links?: Readonly<Record<string, string>>
  processes?: Readonly<Record<string, string>>
}

type Doc = Record<string, unknown>

const asDocs = (value: unknown): Doc[] =>
  Array.isArray(value) ? value.filter((v): v is Doc => typeof v === 'object' && v !== null) : []

const asDoc = (value: unknown): Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Doc) : {}

/** A lookup that reads own keys only: a rename table is itself keyed by ids. */
function renamer(table: Readonly<Record<string, string>> | undefined): (id: unknown) => unknown {
  const own = idRecordOf(Object.entries(table ?? {}))
  return (id) => (typeof id === 'string' && Object.hasOwn(own, id) ? own[id] : id)
}

function renameFields(doc: Doc, fields: readonly string[], rename: (id: unknown) => unknown) {
  for (const field of fields) if (field in doc) doc[field] = rename(doc[field])
}

/** A copy of `document` with the ids renamed; ids not in a table stay as they are. */
export function renameIds(document: unknown, renames: IdRenames): Doc {
  const doc = JSON.parse(JSON.stringify(document)) as Doc
  const node = renamer(renames.nodes)
  const link = renamer(renames.links)
  const process = renamer(renames.processes)
  const qkd = asDoc(doc.qkd)
  for (const n of asDocs(qkd.nodes)) renameFields(n, ['id'], node)
  for (const l of asDocs(qkd.links)) {
    renameFields(l, ['id'], link)
    renameFields(l, ['a', 'b'], node)
  }
  for (const g of asDocs(asDoc(doc.fleet).groups)) renameFields(g, ['gateway'], node)
  for (const p of asDocs(doc.processes)) {
    renameFields(p, ['id'], process)
    const pairs = Array.isArray(p.endpoints) ? asDocs(p.endpoints) : asDocs([p.endpoints])
    for (const pair of pairs) renameFields(pair, ['from', 'to'], node)
  }
  for (const w of asDocs(asDoc(doc.threat).windows))
    if (Array.isArray(w.processes)) w.processes = w.processes.map(process)
  for (const s of asDocs(doc.shocks)) if (Array.isArray(s.links)) s.links = s.links.map(link)
  return doc
}

/** Names of `Object.prototype` members, the ids most likely to collide with an object key. */
export const BUILT_IN_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
  '__defineSetter__',
  '__lookupSetter__',
] as const

/**
 * The document with its nodes, links and processes renamed, in order, to `BUILT_IN_NAMES` (each
 * kind from its own start, so a node and a link may both be `__proto__`); ids beyond the list
 * keep their names.
 */
export function withBuiltInIds(document: unknown): Doc {
  const doc = asDoc(document)
  const table = (items: unknown): Record<string, string> =>
    idRecordOf(
      asDocs(items).flatMap((item, i) => {
        const name = BUILT_IN_NAMES[i]
        return typeof item.id === 'string' && name !== undefined ? [[item.id, name] as const] : []
      }),
    )
  const qkd = asDoc(doc.qkd)
  return renameIds(doc, {
    nodes: table(qkd.nodes),
    links: table(qkd.links),
    processes: table(doc.processes),
  })
}
