import { describe, expect, it } from 'vitest'
import type { AttackWindow } from '../../domain/scenario/types.ts'
import {
  applyDrag,
  boundaryClock,
  rangeClock,
  clampRange,
  defaultRange,
  keyRange,
  moveRange,
  packRows,
  resizeRange,
  setWindowProcesses,
  slotToX,
  timeTicks,
  xToBoundary,
  xToSlot,
  type Track,
} from './timeline.ts'

const track: Track = { x0: 100, x1: 196, slots: 96 } // one unit per slot

describe('slot ↔ x', () => {
  it('maps slots linearly onto the track', () => {
    expect(slotToX(0, track)).toBe(100)
    expect(slotToX(96, track)).toBe(196)
    expect(slotToX(48, track)).toBe(148)
  })
  it('rounds to the nearest boundary and floors to the slot under x, clamped', () => {
    expect(xToBoundary(148.4, track)).toBe(48)
    expect(xToBoundary(148.6, track)).toBe(49)
    expect(xToBoundary(0, track)).toBe(0)
    expect(xToBoundary(999, track)).toBe(96)
    expect(xToSlot(148.9, track)).toBe(48)
    expect(xToSlot(196, track)).toBe(95)
    expect(xToSlot(-5, track)).toBe(0)
    expect(xToBoundary(Number.NaN, track)).toBe(0)
  })
  it('round-trips every boundary', () => {
    for (let s = 0; s <= 96; s += 1) expect(xToBoundary(slotToX(s, track), track)).toBe(s)
  })
})

describe('ranges', () => {
  it('clamps into the horizon and keeps start < end', () => {
    expect(clampRange({ start: -3, end: 200 }, 96)).toEqual({ start: 0, end: 96 })
    expect(clampRange({ start: 96, end: 96 }, 96)).toEqual({ start: 95, end: 96 })
    expect(clampRange({ start: 10, end: 4 }, 96)).toEqual({ start: 10, end: 11 })
    expect(clampRange({ start: 2.4, end: 5.6 }, 96)).toEqual({ start: 2, end: 6 })
  })
  it('moves without changing the length and stops at the ends', () => {
    expect(moveRange({ start: 10, end: 14 }, 5, 96)).toEqual({ start: 15, end: 19 })
    expect(moveRange({ start: 10, end: 14 }, -50, 96)).toEqual({ start: 0, end: 4 })
    expect(moveRange({ start: 90, end: 94 }, 10, 96)).toEqual({ start: 92, end: 96 })
  })
  it('resizes one edge and keeps at least one slot', () => {
    expect(resizeRange({ start: 10, end: 14 }, 'start', 12, 96)).toEqual({ start: 12, end: 14 })
    expect(resizeRange({ start: 10, end: 14 }, 'start', 20, 96)).toEqual({ start: 13, end: 14 })
    expect(resizeRange({ start: 10, end: 14 }, 'end', 2, 96)).toEqual({ start: 10, end: 11 })
    expect(resizeRange({ start: 10, end: 14 }, 'end', 120, 96)).toEqual({ start: 10, end: 96 })
  })
})

describe('drags', () => {
  const origin = { start: 10, end: 14 }
  it('creates from the slot pressed to the slot released, either direction', () => {
    expect(applyDrag('create', origin, 120.5, 125.5, track)).toEqual({ start: 20, end: 26 })
    expect(applyDrag('create', origin, 125.5, 120.5, track)).toEqual({ start: 20, end: 26 })
    expect(applyDrag('create', origin, 120.5, 120.7, track)).toEqual({ start: 20, end: 21 })
  })
  it('moves by whole slots of pointer travel', () => {
    expect(applyDrag('move', origin, 112, 115.4, track)).toEqual({ start: 13, end: 17 })
    expect(applyDrag('move', origin, 112, 0, track)).toEqual({ start: 0, end: 4 })
  })
  it('resizes to the boundary under the pointer', () => {
    expect(applyDrag('end', origin, 114, 130.2, track)).toEqual({ start: 10, end: 30 })
    expect(applyDrag('start', origin, 110, 105, track)).toEqual({ start: 5, end: 14 })
  })
})

describe('keyboard', () => {
  it('moves with arrows and resizes the end with Shift', () => {
    expect(keyRange('ArrowRight', false, { start: 1, end: 3 }, 96)).toEqual({ start: 2, end: 4 })
    expect(keyRange('ArrowLeft', false, { start: 0, end: 3 }, 96)).toEqual({ start: 0, end: 3 })
    expect(keyRange('ArrowRight', true, { start: 1, end: 3 }, 96)).toEqual({ start: 1, end: 4 })
    expect(keyRange('ArrowLeft', true, { start: 1, end: 2 }, 96)).toEqual({ start: 1, end: 2 })
    expect(keyRange('ArrowUp', false, { start: 1, end: 3 }, 96)).toBeUndefined()
  })
})

describe('axis and defaults', () => {
  it('labels whole hours, at most about eight of them', () => {
    expect(timeTicks(96, 15)).toEqual([0, 12, 24, 36, 48, 60, 72, 84, 96])
    expect(timeTicks(8, 15)).toEqual([0, 4, 8])
    expect(timeTicks(288, 5).length).toBeLessThanOrEqual(9)
  })
  it('puts a new window of one hour in the middle of the day', () => {
    expect(defaultRange(96, 15)).toEqual({ start: 46, end: 50 })
    expect(defaultRange(2, 60)).toEqual({ start: 0, end: 1 })
  })
})

describe('clock labels', () => {
  it('reads the end of the day as 24:00', () => {
    expect(boundaryClock(96, 15)).toBe('24:00')
    expect(boundaryClock(0, 15)).toBe('00:00')
    expect(boundaryClock(34, 15)).toBe('08:30')
    expect(rangeClock({ start: 32, end: 40 }, 15)).toBe('08:00–10:00')
    expect(rangeClock({ start: 90, end: 96 }, 15)).toBe('22:30–24:00')
  })
})

describe('packRows', () => {
  it('puts overlapping bars on separate rows and reuses free rows', () => {
    const ranges = [
      { start: 48, end: 56 },
      { start: 48, end: 52 },
      { start: 60, end: 72 },
      { start: 52, end: 54 },
    ]
    expect(packRows(ranges)).toEqual({ row: [0, 1, 0, 1], rows: 2 })
    expect(packRows([])).toEqual({ row: [], rows: 1 })
    expect(
      packRows([
        { start: 0, end: 4 },
        { start: 4, end: 8 },
      ]),
    ).toEqual({ row: [0, 0], rows: 1 })
  })
})

describe('the processes an attack window hits', () => {
  const ids = ['bidding', 'dispatch', 'metering']
  const window = (processes?: string[]): AttackWindow => ({
    label: 'w',
    startSlot: 0,
    endSlot: 1,
    multiplier: 2,
    ...(processes === undefined ? {} : { processes }),
  })

  it('keeps a chosen subset in the scenario order without repeats or unknown ids', () => {
    const w = window()
    setWindowProcesses(w, ['metering', 'bidding', 'metering', 'gone'], ids)
    expect(w.processes).toEqual(['bidding', 'metering'])
  })

  it('deletes the list when every process is chosen, and keeps an empty choice', () => {
    const w = window(['bidding'])
    setWindowProcesses(w, [...ids].reverse(), ids)
    expect('processes' in w).toBe(false)
    setWindowProcesses(w, [], ids)
    expect(w.processes).toEqual([])
  })
})
