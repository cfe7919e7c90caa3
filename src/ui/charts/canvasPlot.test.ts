import { describe, expect, it } from 'vitest'
import { logLogScales, nearest, type PlotBox } from './canvasPlot.ts'

const box: PlotBox = { width: 400, height: 300, left: 80, right: 20, top: 10, bottom: 50 }

describe('canvas scatter geometry', () => {
  it('maps one decade range onto both axes so value = price is the diagonal', () => {
    const { x, y } = logLogScales(box, [1e-3, 1e3])
    expect(x(1e-3)).toBeCloseTo(80)
    expect(x(1e3)).toBeCloseTo(380)
    expect(y(1e-3)).toBeCloseTo(250)
    expect(y(1e3)).toBeCloseTo(10)
    // The middle decade lands in the middle of both ranges.
    expect(x(1)).toBeCloseTo(230)
    expect(y(1)).toBeCloseTo(130)
  })

  it('finds the nearest dot within reach, and none beyond it', () => {
    const centres = [
      [10, 10],
      [14, 10],
      [100, 100],
    ] as const
    expect(nearest(centres, 13, 10, 6)).toBe(1)
    expect(nearest(centres, 11, 11, 6)).toBe(0)
    expect(nearest(centres, 50, 50, 6)).toBe(-1)
    expect(nearest([], 0, 0, 6)).toBe(-1)
  })
})
