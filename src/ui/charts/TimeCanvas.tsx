/**
 * A time-of-day chart drawn on a canvas (see timePlot.ts): shaded windows, stacked step areas,
 * stacked bars and lines over the day's slots, with a tooltip that names the slot and every series' value there.
 * The tooltip follows the pointer, and the keyboard too: focus the plot, then the arrow keys,
 * Home and End move between slots and Escape hides it. The table view (ChartFrame) remains the
 * accessible form of the data; the legend is ChartLegend, under the plot.
 */
import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { PlotBox } from './canvasPlot.ts'
import {
  drawBands,
  drawLines,
  drawReference,
  drawStackedAreas,
  drawStackedBars,
  drawTimeAxes,
  slotAt,
  slotEdge,
  type SlotBand,
  type TimeSeries,
  type ValueAxis,
} from './timePlot.ts'
import { useCanvasPicture, type DrawPicture } from './useCanvasPicture.ts'

interface TimeCanvasProps {
  /** The start time of each slot, `HH:MM`. */
  times: readonly string[]
  tickEvery: number
  series: readonly TimeSeries[]
  axis: ValueAxis
  bands: readonly SlotBand[]
  reference?: { value: number; label: string } | undefined
  yLabel: string
  /** Tick labels of the value axis. */
  format: (v: number) => string
  /** One tooltip line's value, with its unit; null values are passed as null. */
  formatValue: (v: number | null, series: TimeSeries) => string
  /** The tooltip's heading for a slot, from its start time. */
  slotTitle: (time: string) => string
  height: number
  /** What the picture shows, for screen readers. */
  label: string
  left?: number
}

const MARGIN = { right: 16, top: 8, bottom: 44 }

export function TimeCanvas(props: TimeCanvasProps) {
  const { times, tickEvery, series, axis, bands, reference, yLabel, format, height } = props
  const left = props.left ?? 72
  const slots = times.length
  const [slot, setSlot] = useState<number | undefined>(undefined)
  const draw = useCallback<DrawPicture>(
    (ctx, width, font) => {
      const box: PlotBox = { width, height, left, ...MARGIN }
      drawBands(ctx, box, slots, bands)
      drawTimeAxes(ctx, box, axis, {
        times,
        tickEvery,
        format,
        xLabel: 'Time of day',
        yLabel,
        font,
      })
      ctx.save()
      ctx.beginPath()
      ctx.rect(left, MARGIN.top, width - left - MARGIN.right, height - MARGIN.top - MARGIN.bottom)
      ctx.clip()
      drawStackedAreas(ctx, box, axis, series, slots)
      drawStackedBars(ctx, box, axis, series, slots)
      drawLines(ctx, box, axis, series, slots)
      ctx.restore()
      if (reference !== undefined)
        drawReference(ctx, box, axis, reference.value, reference.label, font)
    },
    [times, tickEvery, series, axis, bands, reference, yLabel, format, height, left, slots],
  )
  const { wrap, canvas, width } = useCanvasPicture(height, draw)
  const box: PlotBox = { width, height, left, ...MARGIN }

  const onMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    const rect = e.currentTarget.getBoundingClientRect()
    const at = slotAt(box, slots, e.clientX - rect.left)
    setSlot(at < 0 ? undefined : at)
  }
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>): void => {
    const moves: Record<string, (s: number) => number> = {
      ArrowRight: (s) => s + 1,
      ArrowLeft: (s) => s - 1,
      Home: () => 0,
      End: () => slots - 1,
    }
    if (e.key === 'Escape') setSlot(undefined)
    const move = moves[e.key]
    if (move === undefined) return
    e.preventDefault()
    // With no readout shown (after Escape, or the pointer left), a key shows the first slot.
    setSlot((s) => (s === undefined ? 0 : Math.max(0, Math.min(slots - 1, move(s)))))
  }

  const shown = slot !== undefined && slot < slots && width > 0 ? slot : undefined
  const from = shown === undefined ? 0 : slotEdge(box, slots, shown)
  const to = shown === undefined ? 0 : slotEdge(box, slots, shown + 1)
  return (
    <div className="time-canvas" ref={wrap}>
      <canvas
        ref={canvas}
        role="img"
        tabIndex={series.length > 0 ? 0 : -1}
        aria-label={`${props.label} Focus and use the arrow keys to read each slot's values.`}
        style={{ width: '100%', height, display: 'block' }}
        onPointerMove={onMove}
        onPointerLeave={() => setSlot(undefined)}
        onFocus={() => setSlot((s) => s ?? 0)}
        onBlur={() => setSlot(undefined)}
        onKeyDown={onKey}
      />
      {shown !== undefined && (
        <>
          <div
            className="time-canvas__cursor"
            style={{
              left: from,
              width: Math.max(1, to - from),
              top: MARGIN.top,
              height: height - MARGIN.top - MARGIN.bottom,
            }}
          />
          <div
            className="chart__tooltip"
            style={{
              left: Math.max(0, Math.min(to + 12, width - 260)),
              top: MARGIN.top + 8,
            }}
          >
            <div className="chart__tooltip-title">{props.slotTitle(times[shown] ?? '')}</div>
            <ul>
              {series.map((s) => (
                <li key={s.key}>
                  <span className="swatch" aria-hidden="true" style={{ background: s.colour }} />
                  {s.name}: {props.formatValue(s.values[shown] ?? null, s)}
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </div>
  )
}
