import { describe, expect, it } from 'vitest'
import type { PlotBox } from './canvasPlot.ts'
import {
  drawLines,
  drawReference,
  drawStackedBars,
  linearAxis,
  slotAt,
  slotEdge,
  stackTops,
  valueScale,
  type TimeSeries,
} from './timePlot.ts'

const box: PlotBox = { width: 500, height: 220, left: 72, right: 28, top: 10, bottom: 10 }
const series = (
  key: string,
  kind: TimeSeries['kind'],
  values: Array<number | null>,
): TimeSeries => ({ key, name: key, colour: '#000', values, kind, shape: 'step' })

/** A 2D context that records the calls the drawing functions make. */
function recordingContext() {
  const calls: Array<[string, ...number[]]> = []
  const record =
    (name: string) =>
    (...args: number[]) => {
      calls.push([name, ...args])
    }
  const ctx = {
    calls,
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    stroke: record('stroke'),
    fillRect: record('fillRect'),
    fillText: (_text: string, x: number, y: number) => calls.push(['fillText', x, y]),
    setLineDash: () => undefined,
    save: () => undefined,
    restore: () => undefined,
  }
  return ctx as unknown as CanvasRenderingContext2D & { calls: typeof calls }
}

describe('time-of-day canvas geometry', () => {
  it('gives every slot an equal share of the plot and finds the slot under a point', () => {
    // 400 px of plot over 4 slots: 100 px each.
    expect(slotEdge(box, 4, 0)).toBe(72)
    expect(slotEdge(box, 4, 1)).toBe(172)
    expect(slotEdge(box, 4, 4)).toBe(472)
    expect(slotAt(box, 4, 72)).toBe(0)
    expect(slotAt(box, 4, 171.9)).toBe(0)
    expect(slotAt(box, 4, 172)).toBe(1)
    expect(slotAt(box, 4, 472)).toBe(3)
    expect(slotAt(box, 4, 71)).toBe(-1)
    expect(slotAt(box, 4, 473)).toBe(-1)
  })

  it('stacks each kind on its own, counting missing values as zero', () => {
    const all = [
      series('a', 'area', [1, 2, null]),
      series('b', 'bar', [5, 5, 5]),
      series('c', 'area', [3, null, 1]),
      series('d', 'line', [100, 100, 100]),
    ]
    expect(stackTops(all, 3, 'area')).toEqual([
      [1, 2, 0],
      [4, 2, 1],
    ])
    expect(stackTops(all, 3, 'bar')).toEqual([[5, 5, 5]])
  })

  it('scales a linear axis from zero past the highest stack, line and reference value', () => {
    const stacked = [series('a', 'area', [1, 2]), series('b', 'area', [3, 2.5])]
    const axis = linearAxis(stacked, 2)
    expect(axis.domain[0]).toBe(0)
    expect(axis.domain[1]).toBeGreaterThanOrEqual(4.5)
    expect(axis.ticks[0]).toBe(0)
    expect(axis.ticks.at(-1)).toBeLessThanOrEqual(axis.domain[1])
    expect(linearAxis([series('l', 'line', [null, 7])], 2).domain[1]).toBeGreaterThanOrEqual(7)
    expect(linearAxis(stacked, 2, [12]).domain[1]).toBeGreaterThanOrEqual(12)
    expect(linearAxis([], 2).domain).toEqual([0, 1])
  })

  it('clamps a log axis at its lower decade instead of drawing below the plot', () => {
    const y = valueScale(box, { scale: 'log', domain: [1e-6, 1], ticks: [] })
    expect(y(1)).toBeCloseTo(box.top)
    expect(y(1e-6)).toBeCloseTo(box.height - box.bottom)
    expect(y(1e-9)).toBeCloseTo(box.height - box.bottom)
    expect(y(1e-3)).toBeCloseTo((box.top + box.height - box.bottom) / 2)
  })
})

describe('time-of-day canvas drawing', () => {
  const axis = { scale: 'linear' as const, domain: [0, 10] as const, ticks: [0, 5, 10] }

  it('draws one bar per slot and series, from the stack below to its own top', () => {
    const ctx = recordingContext()
    const bars = [series('a', 'bar', [2, 0, 4, 1]), series('b', 'bar', [3, 5, 0, 0])]
    drawStackedBars(ctx, box, axis, bars, 4)
    const rects = ctx.calls.filter((c) => c[0] === 'fillRect')
    // Zero-height bars are skipped: a has 3 non-zero slots, b has 2.
    expect(rects).toHaveLength(5)
    const y = valueScale(box, axis)
    // b in slot 0 sits on a's 2 and reaches 5.
    const [, x, top, , height] = rects[3] ?? []
    expect(x).toBeCloseTo(72.5)
    expect(top).toBeCloseTo(y(5))
    expect(height).toBeCloseTo(y(2) - y(5))
  })

  it('breaks a line at missing values and holds a step across its slot', () => {
    const ctx = recordingContext()
    drawLines(ctx, box, axis, [series('l', 'line', [1, 1, null, 2])], 4)
    const path = ctx.calls.filter((c) => c[0] === 'moveTo' || c[0] === 'lineTo')
    const y = valueScale(box, axis)
    expect(path).toEqual([
      ['moveTo', 72, y(1)],
      ['lineTo', 172, y(1)],
      ['lineTo', 172, y(1)],
      ['lineTo', 272, y(1)],
      ['moveTo', 372, y(2)],
      ['lineTo', 472, y(2)],
    ])
  })

  it('keeps the reference label inside the plot when the line is at the axis top', () => {
    const y = valueScale(box, axis)
    const labelY = (value: number): number | undefined => {
      const ctx = recordingContext()
      drawReference(ctx, box, axis, value, 'Store size', 'sans-serif')
      return ctx.calls.find((c) => c[0] === 'fillText')?.[2]
    }
    // A store size equal to the axis maximum: the label goes under the line, not off the canvas.
    expect(labelY(10)).toBeGreaterThan(y(10))
    // Lower down there is room above the line.
    expect(labelY(5)).toBeLessThan(y(5))
  })
})
