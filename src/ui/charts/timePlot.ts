/**
 * Geometry and drawing for a time-of-day chart on a 2D canvas: one band per slot along x, a
 * linear or log value axis, shaded windows, stacked step areas and lines. A recharts chart of the
 * same series built thousands of SVG nodes and React components in one commit, which made each
 * chart's first render a main-thread task of 60–120 ms; drawing on a canvas takes a few.
 * Pure functions over a 2D context, so the geometry is tested in Node.
 */
import { scaleLinear, scaleLog } from 'd3'
import { drawAxisTitles, type PlotBox } from './canvasPlot.ts'

/** A plotted series; values per slot in the axis's unit, null where nothing is drawn. */
export interface TimeSeries {
  key: string
  /** The name the tooltip gives the series. */
  name: string
  colour: string
  values: ReadonlyArray<number | null>
  /**
   * `area`: stacked on the areas before it and filled; `bar`: stacked on the bars before it, one
   * bar per slot; `line`: a stroke over the slots.
   */
  kind: 'area' | 'bar' | 'line'
  /** `step`: flat across each slot (the value holds for the slot); `linear`: slot centre to centre. */
  shape: 'step' | 'linear'
  width?: number
  dashed?: boolean
  opacity?: number
}

/** A shaded stretch of slots, `[startSlot, endSlot)`. */
export interface SlotBand {
  startSlot: number
  endSlot: number
  fill: string
}

export interface ValueAxis {
  scale: 'linear' | 'log'
  domain: readonly [number, number]
  ticks: readonly number[]
}

/**
 * Cumulative tops of the series of one kind (stacked areas or bars), slot by slot, in series
 * order; nulls count as 0.
 */
export function stackTops(
  series: readonly TimeSeries[],
  slots: number,
  kind: 'area' | 'bar',
): number[][] {
  const base = new Array<number>(slots).fill(0)
  return series
    .filter((s) => s.kind === kind)
    .map((s) => {
      for (let t = 0; t < slots; t++) base[t] = (base[t] ?? 0) + (s.values[t] ?? 0)
      return [...base]
    })
}

/**
 * A linear axis from 0 to a rounded maximum over the stacked areas, the lines and `extra`
 * (a reference value), with about five round ticks. An all-zero chart gets the axis 0–1.
 */
export function linearAxis(
  series: readonly TimeSeries[],
  slots: number,
  extra: readonly number[] = [],
): ValueAxis {
  let max = Math.max(0, ...extra)
  for (const kind of ['area', 'bar'] as const) {
    for (const top of stackTops(series, slots, kind).at(-1) ?? []) max = Math.max(max, top)
  }
  for (const s of series) {
    if (s.kind === 'line') for (const v of s.values) if (v !== null) max = Math.max(max, v)
  }
  const scale = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(5)
  return { scale: 'linear', domain: scale.domain() as [number, number], ticks: scale.ticks(5) }
}

/** The x position of a slot's left edge, px; slot `slots` is the right edge of the plot. */
export function slotEdge(box: PlotBox, slots: number, slot: number): number {
  return box.left + ((box.width - box.left - box.right) * slot) / Math.max(1, slots)
}

/** The slot under x (clamped to the day), or -1 when x is outside the plot. */
export function slotAt(box: PlotBox, slots: number, x: number): number {
  const plotWidth = box.width - box.left - box.right
  if (x < box.left || x > box.width - box.right || plotWidth <= 0) return -1
  return Math.min(slots - 1, Math.floor(((x - box.left) / plotWidth) * slots))
}

/** The value axis as a function from value to y, px. Log axes clamp values at their domain. */
export function valueScale(box: PlotBox, axis: ValueAxis): (v: number) => number {
  const range = [box.height - box.bottom, box.top]
  if (axis.scale === 'log') {
    const s = scaleLog().domain(axis.domain).range(range).clamp(true)
    return (v) => s(Math.max(v, axis.domain[0]))
  }
  return scaleLinear().domain(axis.domain).range(range)
}

const GRID = '#e5e8ec'
const INK = '#666'

export interface TimeAxesStyle {
  /** A label for each slot (its start time); every `tickEvery`-th is written under the axis. */
  times: readonly string[]
  tickEvery: number
  format: (v: number) => string
  xLabel: string
  yLabel: string
  font: string
}

/** Horizontal grid, both axis lines, tick labels and the two axis labels. */
export function drawTimeAxes(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  axis: ValueAxis,
  style: TimeAxesStyle,
): void {
  const y = valueScale(box, axis)
  const slots = style.times.length
  const x0 = box.left
  const x1 = box.width - box.right
  const yBottom = box.height - box.bottom
  ctx.strokeStyle = GRID
  ctx.lineWidth = 1
  ctx.beginPath()
  for (const t of axis.ticks) {
    const py = Math.round(y(t)) + 0.5
    ctx.moveTo(x0, py)
    ctx.lineTo(x1, py)
  }
  ctx.stroke()
  ctx.strokeStyle = INK
  ctx.beginPath()
  ctx.moveTo(x0, Math.round(yBottom) + 0.5)
  ctx.lineTo(x1, Math.round(yBottom) + 0.5)
  ctx.moveTo(Math.round(x0) + 0.5, yBottom)
  ctx.lineTo(Math.round(x0) + 0.5, box.top)
  ctx.stroke()
  ctx.fillStyle = INK
  ctx.font = `12px ${style.font}`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  const every = Math.max(1, style.tickEvery)
  for (let t = 0; t < slots; t += every) {
    const px = (slotEdge(box, slots, t) + slotEdge(box, slots, t + 1)) / 2
    ctx.fillText(style.times[t] ?? '', px, yBottom + 6)
  }
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  for (const t of axis.ticks) ctx.fillText(style.format(t), x0 - 6, y(t))
  drawAxisTitles(ctx, box, style.xLabel, style.yLabel)
}

/** Shaded bands over whole slots, full plot height. */
export function drawBands(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  slots: number,
  bands: readonly SlotBand[],
): void {
  for (const b of bands) {
    const from = slotEdge(box, slots, Math.max(0, b.startSlot))
    const to = slotEdge(box, slots, Math.min(slots, b.endSlot))
    if (to <= from) continue
    ctx.fillStyle = b.fill
    ctx.fillRect(from, box.top, to - from, box.height - box.top - box.bottom)
  }
}

/** The stacked areas, each filled between the one below and its own top, flat across each slot. */
export function drawStackedAreas(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  axis: ValueAxis,
  series: readonly TimeSeries[],
  slots: number,
): void {
  const y = valueScale(box, axis)
  const x = (slot: number): number => slotEdge(box, slots, slot)
  const areas = series.filter((s) => s.kind === 'area')
  const tops = stackTops(areas, slots, 'area')
  areas.forEach((s, i) => {
    const top = tops[i] ?? []
    const below = tops[i - 1]
    // The area's upper edge, flat across each slot: the fill's outline and the stroke.
    const traceTop = (): void => {
      for (let t = 0; t < slots; t++) {
        const py = y(top[t] ?? 0)
        if (t === 0) ctx.moveTo(x(0), py)
        else ctx.lineTo(x(t), py)
        ctx.lineTo(x(t + 1), py)
      }
    }
    ctx.beginPath()
    traceTop()
    for (let t = slots - 1; t >= 0; t--) {
      const py = y(below?.[t] ?? 0)
      ctx.lineTo(x(t + 1), py)
      ctx.lineTo(x(t), py)
    }
    ctx.closePath()
    ctx.globalAlpha = (s.opacity ?? 1) * 0.55
    ctx.fillStyle = s.colour
    ctx.fill()
    ctx.globalAlpha = s.opacity ?? 1
    ctx.strokeStyle = s.colour
    ctx.lineWidth = s.width ?? 1
    ctx.beginPath()
    traceTop()
    ctx.stroke()
    ctx.globalAlpha = 1
  })
}

/** The stacked bars, one per slot with a pixel's gap between slots. */
export function drawStackedBars(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  axis: ValueAxis,
  series: readonly TimeSeries[],
  slots: number,
): void {
  const y = valueScale(box, axis)
  const bars = series.filter((s) => s.kind === 'bar')
  const tops = stackTops(bars, slots, 'bar')
  bars.forEach((s, i) => {
    ctx.fillStyle = s.colour
    ctx.globalAlpha = s.opacity ?? 1
    for (let t = 0; t < slots; t++) {
      const top = tops[i]?.[t] ?? 0
      const bottom = tops[i - 1]?.[t] ?? 0
      if (top <= bottom) continue
      const from = slotEdge(box, slots, t)
      const to = slotEdge(box, slots, t + 1)
      ctx.fillRect(from + 0.5, y(top), Math.max(1, to - from - 1), y(bottom) - y(top))
    }
    ctx.globalAlpha = 1
  })
}

/** The line series, in order (later ones on top); a null value breaks the line. */
export function drawLines(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  axis: ValueAxis,
  series: readonly TimeSeries[],
  slots: number,
): void {
  const y = valueScale(box, axis)
  for (const s of series) {
    if (s.kind !== 'line') continue
    ctx.beginPath()
    let drawing = false
    for (let t = 0; t < slots; t++) {
      const v = s.values[t] ?? null
      if (v === null) {
        drawing = false
        continue
      }
      const py = y(v)
      const from = slotEdge(box, slots, t)
      const to = slotEdge(box, slots, t + 1)
      if (s.shape === 'step') {
        if (drawing) ctx.lineTo(from, py)
        else ctx.moveTo(from, py)
        ctx.lineTo(to, py)
      } else if (drawing) ctx.lineTo((from + to) / 2, py)
      else ctx.moveTo((from + to) / 2, py)
      drawing = true
    }
    ctx.strokeStyle = s.colour
    ctx.lineWidth = s.width ?? 1.5
    ctx.globalAlpha = s.opacity ?? 1
    ctx.setLineDash(s.dashed === true ? [5, 3] : [])
    ctx.stroke()
    ctx.setLineDash([])
    ctx.globalAlpha = 1
  }
}

/** A dashed horizontal reference line with its label at the right end, just above (or below) it. */
export function drawReference(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  axis: ValueAxis,
  value: number,
  label: string,
  font: string,
): void {
  const py = Math.round(valueScale(box, axis)(value)) + 0.5
  const x1 = box.width - box.right
  ctx.save()
  ctx.strokeStyle = '#5b6b7b'
  ctx.setLineDash([4, 3])
  ctx.beginPath()
  ctx.moveTo(box.left, py)
  ctx.lineTo(x1, py)
  ctx.stroke()
  ctx.restore()
  ctx.fillStyle = '#5b6b7b'
  ctx.font = `11px ${font}`
  ctx.textAlign = 'right'
  // Above the line, unless that would leave the plot (a store's size is often the axis top).
  const above = py - 14 >= box.top
  ctx.textBaseline = above ? 'bottom' : 'top'
  ctx.fillText(label, x1 - 4, above ? py - 3 : py + 3)
}
