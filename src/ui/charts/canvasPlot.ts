/**
 * Drawing a log-log scatter on a 2D canvas: grid, axes with ticks and unit labels, the diagonal
 * and the dots. Thousands of dots cost one draw call each instead of one SVG node (and one React
 * component) each, so a re-render takes milliseconds and never blocks input.
 */
import { scaleLog, type ScaleLogarithmic } from 'd3'

export interface PlotBox {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
}

export interface LogLogScales {
  x: ScaleLogarithmic<number, number>
  y: ScaleLogarithmic<number, number>
}

/** Both axes over one decade range, so that value = price is the 45° line. */
export function logLogScales(box: PlotBox, domain: readonly [number, number]): LogLogScales {
  return {
    x: scaleLog()
      .domain(domain)
      .range([box.left, box.width - box.right]),
    y: scaleLog()
      .domain(domain)
      .range([box.height - box.bottom, box.top]),
  }
}

const GRID = '#e5e8ec'
const INK = '#666'

export interface AxesStyle {
  ticks: readonly number[]
  format: (v: number) => string
  xLabel: string
  yLabel: string
  font: string
}

/** Grid, axis lines, tick labels and the rotated value-axis label. */
export function drawAxes(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  { x, y }: LogLogScales,
  style: AxesStyle,
): void {
  const [x0, x1] = x.range() as [number, number]
  const [y0, y1] = y.range() as [number, number]
  ctx.strokeStyle = GRID
  ctx.lineWidth = 1
  ctx.beginPath()
  for (const t of style.ticks) {
    const px = Math.round(x(t)) + 0.5
    const py = Math.round(y(t)) + 0.5
    ctx.moveTo(px, y0)
    ctx.lineTo(px, y1)
    ctx.moveTo(x0, py)
    ctx.lineTo(x1, py)
  }
  ctx.rect(x0 + 0.5, y1 + 0.5, x1 - x0, y0 - y1)
  ctx.stroke()
  ctx.strokeStyle = INK
  ctx.beginPath()
  ctx.moveTo(x0, Math.round(y0) + 0.5)
  ctx.lineTo(x1, Math.round(y0) + 0.5)
  ctx.moveTo(Math.round(x0) + 0.5, y0)
  ctx.lineTo(Math.round(x0) + 0.5, y1)
  ctx.stroke()
  ctx.fillStyle = INK
  ctx.font = `12px ${style.font}`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  for (const t of style.ticks) ctx.fillText(style.format(t), x(t), y0 + 6)
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  for (const t of style.ticks) ctx.fillText(style.format(t), x0 - 6, y(t))
  drawAxisTitles(ctx, box, style.xLabel, style.yLabel)
}

/**
 * The axis titles, in the current font and colour: `xLabel` centred under the plot at the
 * canvas's bottom, `yLabel` rotated at its left edge.
 */
export function drawAxisTitles(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  xLabel: string,
  yLabel: string,
): void {
  ctx.textAlign = 'center'
  ctx.textBaseline = 'bottom'
  ctx.fillText(xLabel, (box.left + box.width - box.right) / 2, box.height - 4)
  ctx.save()
  ctx.translate(14, (box.top + box.height - box.bottom) / 2)
  ctx.rotate(-Math.PI / 2)
  ctx.textBaseline = 'middle'
  ctx.fillText(yLabel, 0, 0)
  ctx.restore()
}

/** The dashed line value = price, labelled at its lower left. */
export function drawDiagonal(
  ctx: CanvasRenderingContext2D,
  { x, y }: LogLogScales,
  label: string,
  font: string,
): void {
  const [lo, hi] = x.domain() as [number, number]
  ctx.save()
  ctx.strokeStyle = '#1d2733'
  ctx.setLineDash([5, 3])
  ctx.beginPath()
  ctx.moveTo(x(lo), y(lo))
  ctx.lineTo(x(hi), y(hi))
  ctx.stroke()
  ctx.restore()
  ctx.fillStyle = '#1d2733'
  ctx.font = `11px ${font}`
  ctx.textAlign = 'left'
  ctx.textBaseline = 'top'
  const [, top] = y.range() as [number, number]
  ctx.fillText(label, x(lo) + 6, top + 6)
}

/** Filled dots of one colour, radius in CSS pixels; returns their centres for hit-testing. */
export function drawDots(
  ctx: CanvasRenderingContext2D,
  centres: ReadonlyArray<readonly [number, number]>,
  colour: string,
  radius: number,
): void {
  ctx.fillStyle = colour
  ctx.globalAlpha = 0.6
  ctx.beginPath()
  for (const [px, py] of centres) {
    ctx.moveTo(px + radius, py)
    ctx.arc(px, py, radius, 0, 2 * Math.PI)
  }
  ctx.fill()
  ctx.globalAlpha = 1
}

/** Index of the centre nearest to (px, py) within `reach` CSS pixels, or -1. */
export function nearest(
  centres: ReadonlyArray<readonly [number, number]>,
  px: number,
  py: number,
  reach: number,
): number {
  let best = -1
  let bestD = reach * reach
  centres.forEach(([cx, cy], i) => {
    const d = (cx - px) ** 2 + (cy - py) ** 2
    if (d <= bestD) {
      bestD = d
      best = i
    }
  })
  return best
}
