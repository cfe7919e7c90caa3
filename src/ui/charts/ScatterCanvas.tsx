/**
 * A log-log scatter drawn on a canvas, with an HTML legend and a tooltip found by hit-testing the
 * nearest dot. The table view (ChartFrame) remains the accessible form of the data.
 */
import { useCallback, useRef, useState, type PointerEvent, type ReactNode } from 'react'
import {
  drawAxes,
  drawDiagonal,
  drawDots,
  logLogScales,
  nearest,
  type PlotBox,
} from './canvasPlot.ts'
import { useCanvasPicture, type DrawPicture } from './useCanvasPicture.ts'

export interface ScatterSeries<T> {
  name: string
  colour: string
  points: readonly T[]
}

interface ScatterCanvasProps<T> {
  series: ReadonlyArray<ScatterSeries<T>>
  x: (d: T) => number
  y: (d: T) => number
  domain: readonly [number, number]
  ticks: readonly number[]
  format: (v: number) => string
  xLabel: string
  yLabel: string
  diagonalLabel: string
  tooltip: (d: T) => ReactNode
  height: number
  /** What the picture shows, for screen readers. */
  label: string
}

const MARGIN = { left: 80, right: 16, top: 8, bottom: 52 }
const RADIUS = 3

interface Hit<T> {
  d: T
  left: number
  top: number
}

export function ScatterCanvas<T>(props: ScatterCanvasProps<T>) {
  const { series, x, y, domain, ticks, format, xLabel, yLabel, diagonalLabel, height } = props
  const [hit, setHit] = useState<Hit<T> | undefined>(undefined)
  const centres = useRef<Array<{ at: Array<readonly [number, number]>; points: readonly T[] }>>([])
  const draw = useCallback<DrawPicture>(
    (ctx, width, font) => {
      const box: PlotBox = { width, height, ...MARGIN }
      const scales = logLogScales(box, domain)
      drawAxes(ctx, box, scales, { ticks, format, xLabel, yLabel, font })
      ctx.save()
      ctx.beginPath()
      ctx.rect(
        MARGIN.left,
        MARGIN.top,
        width - MARGIN.left - MARGIN.right,
        height - MARGIN.top - MARGIN.bottom,
      )
      ctx.clip()
      drawDiagonal(ctx, scales, diagonalLabel, font)
      centres.current = series.map((s) => {
        const at = s.points.map((d) => [scales.x(x(d)), scales.y(y(d))] as const)
        drawDots(ctx, at, s.colour, RADIUS)
        return { at, points: s.points }
      })
      ctx.restore()
    },
    [series, x, y, domain, ticks, format, xLabel, yLabel, diagonalLabel, height],
  )
  const { wrap, canvas, width } = useCanvasPicture(height, draw)

  const onMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    const rect = e.currentTarget.getBoundingClientRect()
    const px = e.clientX - rect.left
    const py = e.clientY - rect.top
    // Later series are drawn on top, so they win ties.
    for (let s = centres.current.length - 1; s >= 0; s--) {
      const group = centres.current[s]
      const i = group === undefined ? -1 : nearest(group.at, px, py, 6)
      const d = i < 0 ? undefined : group?.points[i]
      if (d !== undefined) {
        setHit({ d, left: Math.min(px + 12, width - 240), top: py + 12 })
        return
      }
    }
    setHit(undefined)
  }

  return (
    <div className="scatter-canvas" ref={wrap} style={{ position: 'relative' }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={props.label}
        style={{ width: '100%', height, display: 'block' }}
        onPointerMove={onMove}
        onPointerLeave={() => setHit(undefined)}
      />
      {hit !== undefined && (
        <div
          className="chart__tooltip"
          style={{ position: 'absolute', left: hit.left, top: hit.top, pointerEvents: 'none' }}
        >
          {props.tooltip(hit.d)}
        </div>
      )}
      <ul className="scatter-canvas__legend">
        {series.map((s) => (
          <li key={s.name}>
            <span
              className="swatch swatch--dot"
              aria-hidden="true"
              style={{ background: s.colour }}
            />
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  )
}
