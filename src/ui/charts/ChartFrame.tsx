/**
 * The frame every chart shares: title, unit note, a chart/table toggle (the table is also the
 * accessible view and the CSV source), and the revision its data belong to.
 */
import { useRef, type ReactNode } from 'react'
import { useAppStore } from '../../store/index.ts'
import { tidyCsv } from '../io/csv.ts'
import { downloadBlob, fileStem } from '../io/download.ts'
import { canvasToPngBlob, svgToPngBlob } from '../io/png.ts'

export interface TableData {
  columns: string[]
  rows: Array<Array<string | number>>
}

interface ChartFrameProps {
  id: string
  title: string
  /** What the axes measure, with units. */
  subtitle: string
  revision: number
  /** Shown instead of the chart when there is nothing to plot yet. */
  empty?: string | undefined
  table: () => TableData
  children: ReactNode
}

export function ChartFrame({
  id,
  title,
  subtitle,
  revision,
  empty,
  table,
  children,
}: ChartFrameProps) {
  const asTable = useAppStore((s) => s.tableView[id] === true)
  const toggle = useAppStore((s) => s.toggleTableView)
  const headingId = `${id}-title`
  const body = useRef<HTMLDivElement>(null)
  const exportCsv = (): void => {
    const { scenarioHash, scenario } = useAppStore.getState()
    const csv = tidyCsv(id, table(), scenarioHash ?? 'unsolved')
    downloadBlob(`${fileStem(scenario.name)}-${id}.csv`, new Blob([csv], { type: 'text/csv' }))
  }
  const exportPng = (): void => {
    const picture = body.current?.querySelector('svg.recharts-surface, canvas')
    const name = `${fileStem(useAppStore.getState().scenario.name)}-${id}.png`
    const png =
      picture instanceof SVGSVGElement
        ? svgToPngBlob(picture)
        : picture instanceof HTMLCanvasElement
          ? canvasToPngBlob(picture)
          : undefined
    void png?.then((blob) => downloadBlob(name, blob))
  }
  return (
    <section
      className="chart"
      data-testid={`chart-${id}`}
      data-revision={revision}
      aria-labelledby={headingId}
    >
      <header className="chart__header">
        <div>
          <h2 id={headingId}>{title}</h2>
          <p className="chart__subtitle">{subtitle}</p>
        </div>
        <div className="chart__actions">
          <button
            type="button"
            className="button button--small"
            aria-pressed={asTable}
            onClick={() => toggle(id)}
          >
            {asTable ? 'Show chart' : 'Show table'}
          </button>
          <button
            type="button"
            className="button button--small"
            aria-label={`Download ${title} data as CSV`}
            onClick={exportCsv}
            disabled={empty !== undefined}
          >
            CSV
          </button>
          <button
            type="button"
            className="button button--small"
            aria-label={`Download ${title} as PNG`}
            onClick={exportPng}
            disabled={empty !== undefined || asTable}
          >
            PNG
          </button>
        </div>
      </header>
      {empty !== undefined && <p className="chart__empty">{empty}</p>}
      {asTable && empty === undefined ? (
        <DataTable data={table()} label={title} />
      ) : (
        <div
          className={`chart__body${empty === undefined ? '' : ' chart__body--waiting'}`}
          ref={body}
          aria-hidden={empty !== undefined}
        >
          {children}
        </div>
      )}
    </section>
  )
}

function DataTable({ data, label }: { data: TableData; label: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${label} (table)`}>
      <table className="data-table">
        <thead>
          <tr>
            {data.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
