/**
 * A chart's legend as plain HTML under the plot. Recharts' own legend measures its box through
 * the DOM after every render (a forced layout) and reports it to the chart's store, which then
 * renders the chart again; on the first plan that made each chart's task about a third longer.
 * Entries read like recharts' (series colour, a line, dashed line or box mark), in series order.
 */
export interface LegendEntry {
  label: string
  colour: string
  mark: 'line' | 'dashed' | 'box'
}

export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  if (entries.length === 0) return null
  return (
    <ul className="chart-legend">
      {entries.map((e) => (
        <li key={e.label} style={{ color: e.colour }}>
          <svg width="14" height="10" aria-hidden="true" className="chart-legend__mark">
            {e.mark === 'box' ? (
              <rect x="1" y="1" width="12" height="8" fill={e.colour} />
            ) : (
              <line
                x1="0"
                y1="5"
                x2="14"
                y2="5"
                stroke={e.colour}
                strokeWidth="2"
                strokeDasharray={e.mark === 'dashed' ? '4 2' : undefined}
              />
            )}
          </svg>
          {e.label}
        </li>
      ))}
    </ul>
  )
}
