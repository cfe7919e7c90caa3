/**
 * Tidy CSV of a chart's data: one observation per row, with the series, its unit, the scenario
 * hash and the app version on every row, so a file stands on its own.
 */
import type { TableData } from '../charts/ChartFrame.tsx'

export const APP_VERSION = '0.1.0'

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"), and
 * labels are user text: a process called `=HYPERLINK(…)` must arrive as text, not as a link.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** A plain decimal number (`-3.5`, `1e-6`): read as a number, never as a formula, so kept as is. */
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * One CSV field. Numbers are written as numbers; text that a spreadsheet would evaluate gets a
 * leading single quote, so it is read as text (OWASP's advice; quoting alone does not stop a
 * formula), and any field with a quote, comma or line break is quoted with its quotes doubled
 * (RFC 4180).
 */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))
    text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Splits "Residual risk (€)" into series "Residual risk" and unit "€". */
export function seriesAndUnit(column: string): { series: string; unit: string } {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(column)
  return match === null
    ? { series: column, unit: '' }
    : { series: match[1] ?? column, unit: match[2] ?? '' }
}

/** The table in long form: chart, key (first column), series, value, unit, scenario hash, app version. */
export function tidyCsv(chart: string, table: TableData, scenarioHash: string): string {
  const [keyColumn = 'key', ...valueColumns] = table.columns
  const lines = [
    ['chart', keyColumn, 'series', 'value', 'unit', 'scenario_hash', 'app_version']
      .map(csvCell)
      .join(','),
  ]
  for (const row of table.rows) {
    const key = row[0] ?? ''
    valueColumns.forEach((column, i) => {
      const { series, unit } = seriesAndUnit(column)
      lines.push(
        [chart, key, series, row[i + 1] ?? '', unit, scenarioHash, APP_VERSION]
          .map(csvCell)
          .join(','),
      )
    })
  }
  return `${lines.join('\r\n')}\r\n`
}
