/**
 * Tidy CSV of a chart's data: one observation per row, with the series, its unit, the scenario
 * hash and the app version on every row, so a file stands on its own.
 */
import type { TableData } from '../charts/ChartFrame.tsx'

export const APP_VERSION = '0.1.0'

function cell(value: string | number): string {
  const text = String(value)
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
      .map(cell)
      .join(','),
  ]
  for (const row of table.rows) {
    const key = row[0] ?? ''
    valueColumns.forEach((column, i) => {
      const { series, unit } = seriesAndUnit(column)
      lines.push(
        [chart, key, series, row[i + 1] ?? '', unit, scenarioHash, APP_VERSION].map(cell).join(','),
      )
    })
  }
  return `${lines.join('\r\n')}\r\n`
}
