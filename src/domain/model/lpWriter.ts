/**
 * CPLEX-LP text of the oracle model, for audit and for checking the optimum with another solver.
 *
 * It writes the *scaled* model (key in blocks, money in objective units) and states both units in
 * the header, so any LP reader reproduces the optimum and can convert it back. Lines are wrapped
 * well below the 255-character limit some LP readers impose, and names stay short for the same
 * reason.
 */
import type { Instance } from '../derive/instance.ts'
import type { OracleModel } from './buildOracleModel.ts'

const MAX_LINE = 200

/** Short, LP-safe column names in layout order. */
export function columnNames(instance: Instance, built: OracleModel): string[] {
  const { layout } = built
  const names = new Array<string>(layout.numCols)
  instance.flows.forEach((f, k) => {
    const nO = f.options.length
    const nP = f.paths.length
    for (let t = 0; t < instance.slots; t++) {
      for (let o = 0; o < nO; o++)
        names[(layout.xBase[k] as number) + t * nO + o] = `x${k}_${o}_${t}`
      if ((layout.hBase[k] as number) >= 0) names[(layout.hBase[k] as number) + t] = `h${k}_${t}`
      if ((layout.zBase[k] as number) >= 0) {
        for (let p = 0; p < nP; p++)
          names[(layout.zBase[k] as number) + t * nP + p] = `z${k}_${p}_${t}`
      }
    }
  })
  instance.links.forEach((_, e) => {
    const base = layout.sBase[e] as number
    if (base >= 0) for (let t = 0; t < instance.slots; t++) names[base + t] = `s${e}_${t}`
    const terminal = layout.terminalCol[e] as number
    if (terminal >= 0) names[terminal] = `u${e}`
  })
  return names
}

/** Short, LP-safe row names in layout order. */
export function rowNames(instance: Instance, built: OracleModel): string[] {
  const { layout } = built
  const names = new Array<string>(layout.numRows)
  instance.flows.forEach((_, k) => {
    for (let t = 0; t < instance.slots; t++) {
      names[(layout.assignBase[k] as number) + t] = `assign${k}_${t}`
      if ((layout.splitBase[k] as number) >= 0)
        names[(layout.splitBase[k] as number) + t] = `split${k}_${t}`
    }
  })
  instance.links.forEach((_, e) => {
    const base = layout.balanceBase[e] as number
    if (base >= 0) for (let t = 0; t < instance.slots; t++) names[base + t] = `key${e}_${t}`
    const terminal = layout.terminalRow[e] as number
    if (terminal >= 0) names[terminal] = `end${e}`
  })
  return names
}

/** Shortest round-trip decimal; LP readers accept exponent notation. */
function formatNumber(v: number): string {
  return String(v)
}

/** Appends `+ c name` terms, wrapping lines. */
function writeTerms(out: string[], head: string, terms: Array<[number, string]>): string {
  let line = head
  let first = true
  for (const [coef, name] of terms) {
    const sign = coef < 0 ? '-' : first ? '' : '+'
    const magnitude = Math.abs(coef)
    const term = `${sign}${sign === '' ? '' : ' '}${magnitude === 1 ? '' : `${formatNumber(magnitude)} `}${name}`
    if (line.length + term.length + 1 > MAX_LINE) {
      out.push(line)
      line = '   '
    }
    line += ` ${term}`
    first = false
  }
  if (terms.length === 0) line += ' 0'
  return line
}

export interface LpHeader {
  scenarioName: string
  scenarioHash: string
}

/** Writes the model as CPLEX LP text. */
export function writeLp(
  instance: Instance,
  built: OracleModel,
  header: LpHeader,
  integer: boolean,
): string {
  const m = built.model
  const cols = columnNames(instance, built)
  const rows = rowNames(instance, built)
  const out: string[] = [
    `\\ QKD-VPP oracle ${integer ? 'MILP' : 'LP'} (MODEL.md section 4), scenario "${header.scenarioName.replace(/[\r\n]/g, ' ')}" hash ${header.scenarioHash}`,
    `\\ Units: key in blocks of ${built.scaling.keyUnitBits} bits; objective in units of ${built.scaling.objectiveUnitEur} Eur`,
    `\\ Objective in Eur = objective value x ${built.scaling.objectiveUnitEur}; shadow price in Eur/bit = -dual(key row) x ${built.scaling.objectiveUnitEur / built.scaling.keyUnitBits}`,
    `\\ Names: x<flow>_<option>_<slot> option share, h hold share, z path key, s store; key<link>_<slot> key balance`,
    'Minimize',
  ]
  const objTerms: Array<[number, string]> = []
  for (let j = 0; j < m.numCols; j++) {
    const c = m.colCost[j] as number
    if (c !== 0) objTerms.push([c, cols[j] as string])
  }
  out.push(writeTerms(out, ' obj:', objTerms))
  out.push('Subject To')
  // Transpose CSC into per-row term lists.
  const rowTerms: Array<Array<[number, string]>> = Array.from({ length: m.numRows }, () => [])
  for (let j = 0; j < m.numCols; j++) {
    for (let p = m.starts[j] as number; p < (m.starts[j + 1] as number); p++) {
      rowTerms[m.indices[p] as number]?.push([m.values[p] as number, cols[j] as string])
    }
  }
  for (let i = 0; i < m.numRows; i++) {
    const lo = m.rowLower[i] as number
    const hi = m.rowUpper[i] as number
    const line = writeTerms(out, ` ${rows[i]}:`, rowTerms[i] ?? [])
    if (lo === hi) out.push(`${line} = ${formatNumber(hi)}`)
    else if (lo === -Infinity) out.push(`${line} <= ${formatNumber(hi)}`)
    else if (hi === Infinity) out.push(`${line} >= ${formatNumber(lo)}`)
    else {
      // A ranged row becomes two inequalities; LP format has no single ranged form.
      out.push(`${line} >= ${formatNumber(lo)}`)
      out.push(`${writeTerms(out, ` ${rows[i]}_up:`, rowTerms[i] ?? [])} <= ${formatNumber(hi)}`)
    }
  }
  out.push('Bounds')
  for (let j = 0; j < m.numCols; j++) {
    const lo = m.colLower[j] as number
    const hi = m.colUpper[j] as number
    if (lo === 0 && hi === Infinity) continue
    out.push(
      hi === Infinity
        ? ` ${cols[j]} >= ${formatNumber(lo)}`
        : ` ${formatNumber(lo)} <= ${cols[j]} <= ${formatNumber(hi)}`,
    )
  }
  if (integer && built.layout.integerCols.length > 0) {
    out.push('General')
    let line = ''
    for (const j of built.layout.integerCols) {
      const name = cols[j] as string
      if (line.length + name.length + 1 > MAX_LINE) {
        out.push(line)
        line = ''
      }
      line += ` ${name}`
    }
    if (line !== '') out.push(line)
  }
  out.push('End', '')
  return out.join('\n')
}
