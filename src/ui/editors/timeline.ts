/**
 * Geometry of the threat timeline: slot ↔ x conversions, clamping of slot ranges and the drag and
 * keyboard edits of a range, and the processes an attack window hits (pure, tested in Node). A
 * range covers start ≤ t < end.
 */
import type { AttackWindow } from '../../domain/scenario/types.ts'
import { slotClock } from '../format.ts'

export interface SlotRange {
  start: number
  end: number
}

/** The horizontal track the slots are drawn on, in SVG units. */
export interface Track {
  x0: number
  x1: number
  slots: number
}

export type DragMode = 'move' | 'start' | 'end' | 'create'

export function slotToX(slot: number, track: Track): number {
  return track.x0 + (slot / track.slots) * (track.x1 - track.x0)
}

/** The slot boundary nearest to x, within 0..slots. */
export function xToBoundary(x: number, track: Track): number {
  const raw = Math.round(((x - track.x0) / (track.x1 - track.x0)) * track.slots)
  return Math.min(track.slots, Math.max(0, Number.isFinite(raw) ? raw : 0))
}

/** The slot under x, within 0..slots−1. */
export function xToSlot(x: number, track: Track): number {
  const raw = Math.floor(((x - track.x0) / (track.x1 - track.x0)) * track.slots)
  return Math.min(track.slots - 1, Math.max(0, Number.isFinite(raw) ? raw : 0))
}

/** Whole slots, 0 ≤ start < end ≤ slots (keeps at least one slot). */
export function clampRange(range: SlotRange, slots: number): SlotRange {
  const whole = (v: number): number => (Number.isFinite(v) ? Math.round(v) : 0)
  const start = Math.min(slots - 1, Math.max(0, whole(range.start)))
  const end = Math.min(slots, Math.max(start + 1, whole(range.end)))
  return { start, end }
}

/** Shifts a range by whole slots, keeping its length and stopping at the horizon's ends. */
export function moveRange(range: SlotRange, delta: number, slots: number): SlotRange {
  const length = Math.min(slots, Math.max(1, range.end - range.start))
  const start = Math.min(slots - length, Math.max(0, range.start + Math.round(delta)))
  return { start, end: start + length }
}

/** Moves one edge to a slot boundary; the other edge stays, and at least one slot remains. */
export function resizeRange(
  range: SlotRange,
  edge: 'start' | 'end',
  boundary: number,
  slots: number,
): SlotRange {
  if (edge === 'start') {
    const start = Math.min(range.end - 1, Math.max(0, Math.round(boundary)))
    return clampRange({ start, end: range.end }, slots)
  }
  const end = Math.max(range.start + 1, Math.min(slots, Math.round(boundary)))
  return clampRange({ start: range.start, end }, slots)
}

/** The range a drag from xDown to xNow describes in the given mode. */
export function applyDrag(
  mode: DragMode,
  origin: SlotRange,
  xDown: number,
  xNow: number,
  track: Track,
): SlotRange {
  switch (mode) {
    case 'create': {
      const a = xToSlot(xDown, track)
      const b = xToSlot(xNow, track)
      return { start: Math.min(a, b), end: Math.max(a, b) + 1 }
    }
    case 'move': {
      const slotWidth = (track.x1 - track.x0) / track.slots
      return moveRange(origin, Math.round((xNow - xDown) / slotWidth), track.slots)
    }
    case 'start':
    case 'end':
      return resizeRange(origin, mode, xToBoundary(xNow, track), track.slots)
  }
}

/**
 * Arrow keys move a range by one slot; with Shift they move its end (resize). Returns undefined
 * for other keys.
 */
export function keyRange(
  key: string,
  shift: boolean,
  range: SlotRange,
  slots: number,
): SlotRange | undefined {
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0
  if (step === 0) return undefined
  return shift ? resizeRange(range, 'end', range.end + step, slots) : moveRange(range, step, slots)
}

/** Slots where the time axis gets a label: whole hours, at most about `maxTicks` of them. */
export function timeTicks(slots: number, slotMinutes: number, maxTicks = 8): number[] {
  const totalMinutes = slots * slotMinutes
  const everyMinutes =
    [60, 120, 180, 240, 360, 480, 720, 1440].find((m) => totalMinutes / m <= maxTicks) ?? 1440
  const ticks: number[] = []
  for (let minutes = 0; minutes <= totalMinutes + 1e-9; minutes += everyMinutes) {
    ticks.push(minutes / slotMinutes)
  }
  return ticks
}

/** A default range for a new window: one hour (at least one slot) in the middle of the day. */
export function defaultRange(slots: number, slotMinutes: number): SlotRange {
  const length = Math.min(slots, Math.max(1, Math.round(60 / slotMinutes)))
  const start = Math.max(0, Math.floor((slots - length) / 2))
  return { start, end: start + length }
}

/** Clock label of a slot boundary; the end of a full day reads 24:00, not 00:00. */
export function boundaryClock(slot: number, slotMinutes: number): string {
  return slot > 0 && (slot * slotMinutes) % 1440 === 0 ? '24:00' : slotClock(slot, slotMinutes)
}

/** "08:00–10:00" for a range. */
export function rangeClock(range: SlotRange, slotMinutes: number): string {
  return `${slotClock(range.start, slotMinutes)}–${boundaryClock(range.end, slotMinutes)}`
}

/**
 * Sub-rows for overlapping bars in one lane (interval partitioning in order of start): bars that
 * share a row never overlap. Returns each bar's row and the number of rows (at least 1).
 */
export function packRows(ranges: readonly SlotRange[]): { row: number[]; rows: number } {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]!.start - ranges[b]!.start || a - b)
  const rowEnds: number[] = []
  const row = new Array<number>(ranges.length).fill(0)
  for (const i of order) {
    const r = ranges[i]!
    let k = rowEnds.findIndex((end) => end <= r.start)
    if (k === -1) {
      k = rowEnds.length
      rowEnds.push(r.end)
    } else rowEnds[k] = r.end
    row[i] = k
  }
  return { row, rows: Math.max(1, rowEnds.length) }
}

/**
 * Sets the processes an attack window hits to `chosen` (in the scenario's order, unknown ids and
 * repeats dropped). Choosing every process deletes the list, since an absent list means all.
 */
export function setWindowProcesses(
  window: AttackWindow,
  chosen: readonly string[],
  processIds: readonly string[],
): void {
  const picked = new Set(chosen)
  const list = processIds.filter((id) => picked.has(id))
  if (processIds.length > 0 && list.length === processIds.length) delete window.processes
  else window.processes = list
}
