/**
 * The README's table of scenario fields, generated from the JSON Schema so it cannot drift from
 * the format: one row per field with its unit, allowed values, default and meaning.
 */
import { scenarioJsonSchema, type JsonSchemaNode } from './jsonSchema.ts'

/** Markers around the generated table in README.md. */
export const FIELD_TABLE_START = '<!-- scenario-fields:start (generated: npm run docs) -->'
export const FIELD_TABLE_END = '<!-- scenario-fields:end -->'

interface Row {
  path: string
  unit: string
  allowed: string
  fallback: string
  meaning: string
}

/** The table as Markdown, without the markers. */
export function scenarioFieldTable(): string {
  const rows: Row[] = []
  walk(scenarioJsonSchema(), '', true, rows)
  const head = ['Field', 'Unit', 'Allowed', 'Default', 'Meaning']
  const cells = rows.map((r) => [`\`${r.path}\``, r.unit, r.allowed, r.fallback, r.meaning])
  const line = (values: readonly string[]): string => `| ${values.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...cells.map(line)].join('\n')
}

/** README text with the table between the markers replaced by the current one. */
export function withFieldTable(readme: string): string {
  const start = readme.indexOf(FIELD_TABLE_START)
  const end = readme.indexOf(FIELD_TABLE_END)
  if (start < 0 || end < start) throw new Error('README.md has no scenario field table markers')
  const before = readme.slice(0, start + FIELD_TABLE_START.length)
  return `${before}\n\n${scenarioFieldTable()}\n\n${readme.slice(end)}`
}

function walk(node: JsonSchemaNode, path: string, required: boolean, rows: Row[]): void {
  if (node.type === 'object' && node.properties !== undefined && path !== '$schema') {
    for (const [key, child] of Object.entries(node.properties)) {
      if (key === '$schema') continue
      walk(child, path === '' ? key : `${path}.${key}`, node.required?.includes(key) ?? false, rows)
    }
    return
  }
  if (node.type === 'array' && node.items?.type === 'object') {
    rows.push(row(node, path, required))
    walk(node.items, `${path}[]`, true, rows)
    return
  }
  rows.push(row(node, path, required))
}

function row(node: JsonSchemaNode, path: string, required: boolean): Row {
  const unit = node.unit ?? ''
  const described = node.description ?? ''
  const meaning = unit !== '' ? described.replace(` (${unit})`, '') : described
  return {
    path,
    unit: unit === 'fraction' || unit === '×' ? '' : unit,
    allowed: allowedText(node),
    fallback:
      node.default !== undefined ? defaultText(node.default) : required ? 'required' : 'optional',
    meaning: meaning.replace(/\|/g, '\\|'),
  }
}

function allowedText(node: JsonSchemaNode): string {
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``
  if (node.enum !== undefined) return node.enum.map((v) => `\`${String(v)}\``).join(', ')
  if (node.anyOf !== undefined) return node.anyOf.map(allowedText).join(' or ')
  if (node.type === 'number' || node.type === 'integer') {
    const whole = node.type === 'integer' ? ', whole' : ''
    const low =
      node.exclusiveMinimum !== undefined ? `> ${num(node.exclusiveMinimum)}` : num(node.minimum)
    if (node.maximum === undefined)
      return `${node.exclusiveMinimum !== undefined ? low : `≥ ${low}`}${whole}`
    return `${low} … ${num(node.maximum)}${whole}`
  }
  if (node.type === 'string') {
    if (node.pattern !== undefined) return `\`${node.pattern.replace(/^\^|\$$/g, '')}\``
    return node.maxLength !== undefined ? `text, ≤ ${node.maxLength} characters` : 'text'
  }
  if (node.type === 'boolean') return '`true`, `false`'
  if (node.type === 'array') {
    const items = node.items !== undefined ? allowedText(node.items) : ''
    const count =
      node.maxItems !== undefined ? `${node.minItems ?? 0} … ${node.maxItems} entries` : 'a list'
    return node.items?.type === 'object' ? count : `list of ${items}`
  }
  if (node.type === 'object') return '`{from, to}`'
  return ''
}

function num(value: number | undefined): string {
  if (value === undefined) return ''
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-2))
    return value.toExponential().replace('e+', 'e')
  return String(value)
}

function defaultText(value: unknown): string {
  if (typeof value === 'number') return num(value)
  if (typeof value === 'string') return `\`${value}\``
  if (Array.isArray(value)) return '`[]`'
  if (typeof value === 'object') return 'see fields'
  return `\`${String(value)}\``
}
