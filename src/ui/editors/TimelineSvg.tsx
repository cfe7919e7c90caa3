/**
 * The threat timeline drawing: a time axis over the horizon and two lanes (attack windows,
 * key-yield shocks) of bars. Drag on an empty part of a lane to create a bar, drag a bar's body to
 * move it and its edges to resize it; the scenario is edited once, on release. Focused bars move
 * with the arrow keys (Shift resizes) and are removed with Delete.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import {
  applyDrag,
  boundaryClock,
  keyRange,
  packRows,
  slotToX,
  timeTicks,
  type DragMode,
  type SlotRange,
  type Track,
} from './timeline.ts'

export type Lane = 'window' | 'shock'

export interface TimelineBar {
  range: SlotRange
  /** Short text on the bar, e.g. "×10". */
  short: string
  /** Full description for the accessible name and tooltip. */
  description: string
}

const WIDTH = 440
const HEIGHT = 112
const X0 = 78
const X1 = 432
const LANES: ReadonlyArray<{ lane: Lane; y: number; title: string }> = [
  { lane: 'window', y: 24, title: 'Attacks' },
  { lane: 'shock', y: 68, title: 'Key shocks' },
]
const LANE_HEIGHT = 36
const HANDLE = 6
const CLICK_SLOP = 3

interface TimelineSvgProps {
  slots: number
  slotMinutes: number
  windows: readonly TimelineBar[]
  shocks: readonly TimelineBar[]
  onSetRange: (lane: Lane, index: number, range: SlotRange) => void
  onCreate: (lane: Lane, range: SlotRange) => void
  onRemove: (lane: Lane, index: number) => void
}

interface Drag {
  lane: Lane
  /** Bar index, or −1 while creating. */
  index: number
  mode: DragMode
  origin: SlotRange
  xDown: number
  pointerId: number
  range: SlotRange
  moved: boolean
}

export function TimelineSvg(props: TimelineSvgProps) {
  const { slots, slotMinutes } = props
  const track: Track = { x0: X0, x1: X1, slots }
  const svgRef = useRef<SVGSVGElement>(null)
  const [drag, setDrag] = useState<Drag | undefined>(undefined)

  const svgX = (event: PointerEvent): number | undefined => {
    const ctm = svgRef.current?.getScreenCTM()
    if (ctm === null || ctm === undefined) return undefined
    return new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse()).x
  }
  const start = (
    event: PointerEvent,
    lane: Lane,
    index: number,
    mode: DragMode,
    origin: SlotRange,
  ) => {
    if (event.button !== 0) return
    const x = svgX(event)
    if (x === undefined) return
    event.stopPropagation()
    svgRef.current?.setPointerCapture(event.pointerId)
    const range = mode === 'create' ? applyDrag('create', origin, x, x, track) : origin
    setDrag({
      lane,
      index,
      mode,
      origin,
      xDown: x,
      pointerId: event.pointerId,
      range,
      moved: false,
    })
  }
  const onPointerMove = (event: PointerEvent): void => {
    if (drag === undefined || event.pointerId !== drag.pointerId) return
    const x = svgX(event)
    if (x === undefined) return
    const moved = drag.moved || Math.abs(x - drag.xDown) > CLICK_SLOP
    setDrag({ ...drag, moved, range: applyDrag(drag.mode, drag.origin, drag.xDown, x, track) })
  }
  const onPointerUp = (event: PointerEvent): void => {
    if (drag === undefined || event.pointerId !== drag.pointerId) return
    setDrag(undefined)
    if (!drag.moved) return
    if (drag.mode === 'create') props.onCreate(drag.lane, drag.range)
    else if (drag.range.start !== drag.origin.start || drag.range.end !== drag.origin.end) {
      props.onSetRange(drag.lane, drag.index, drag.range)
    }
  }
  const onBarKey = (event: KeyboardEvent, lane: Lane, index: number, range: SlotRange): void => {
    const next = keyRange(event.key, event.shiftKey, range, slots)
    if (next !== undefined) {
      event.preventDefault()
      if (next.start !== range.start || next.end !== range.end) props.onSetRange(lane, index, next)
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault()
      props.onRemove(lane, index)
    }
  }

  const barsOf = (lane: Lane): readonly TimelineBar[] =>
    lane === 'window' ? props.windows : props.shocks
  return (
    <svg
      ref={svgRef}
      className="timeline__svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label="Attack windows and key-yield shocks over the day"
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(undefined)}
    >
      {timeTicks(slots, slotMinutes).map((slot) => (
        <g key={slot} className="timeline__tick" transform={`translate(${slotToX(slot, track)},0)`}>
          <line y1={16} y2={HEIGHT - 4} />
          <text y={11}>{boundaryClock(slot, slotMinutes)}</text>
        </g>
      ))}
      {LANES.map(({ lane, y, title }) => {
        const bars = barsOf(lane)
        const packing = packRows(bars.map((b) => b.range))
        return (
          <g key={lane} className={`timeline__lane timeline__lane--${lane}`}>
            <text className="timeline__lane-title" x={4} y={y + LANE_HEIGHT / 2 + 4}>
              {title}
            </text>
            <rect
              className="timeline__lane-bg"
              x={X0}
              y={y}
              width={X1 - X0}
              height={LANE_HEIGHT}
              onPointerDown={(e) => start(e, lane, -1, 'create', { start: 0, end: 1 })}
            >
              <title>
                Drag here to add {lane === 'window' ? 'an attack window' : 'a key-yield shock'}
              </title>
            </rect>
            {bars.map((bar, index) => {
              const shown = drag?.lane === lane && drag.index === index ? drag.range : bar.range
              const rowHeight = (LANE_HEIGHT - 6) / packing.rows
              const top = y + 3 + (packing.row[index] ?? 0) * rowHeight
              const h = rowHeight - (packing.rows > 1 ? 1 : 0)
              const x = slotToX(shown.start, track)
              const w = Math.max(2, slotToX(shown.end, track) - x)
              const dataIndex =
                lane === 'window' ? { 'data-window-index': index } : { 'data-shock-index': index }
              return (
                <g
                  key={index}
                  className="timeline__bar"
                  {...dataIndex}
                  tabIndex={0}
                  role="button"
                  aria-label={`${bar.description}. Arrow keys move by one slot, Shift+arrows resize, Delete removes.`}
                  onKeyDown={(e) => onBarKey(e, lane, index, bar.range)}
                >
                  <title>{bar.description}</title>
                  <rect
                    className="timeline__bar-body"
                    x={x}
                    y={top}
                    width={w}
                    height={h}
                    rx={3}
                    onPointerDown={(e) => start(e, lane, index, 'move', bar.range)}
                  />
                  {w > 26 && h > 10 && (
                    <text className="timeline__bar-text" x={x + w / 2} y={top + h / 2 + 3.5}>
                      {bar.short}
                    </text>
                  )}
                  {(['start', 'end'] as const).map((edge) => (
                    <rect
                      key={edge}
                      className="timeline__handle"
                      x={(edge === 'start' ? x : x + w) - HANDLE / 2}
                      y={top}
                      width={HANDLE}
                      height={h}
                      onPointerDown={(e) => start(e, lane, index, edge, bar.range)}
                    />
                  ))}
                </g>
              )
            })}
            {drag?.lane === lane && drag.mode === 'create' && drag.moved && (
              <rect
                className="timeline__ghost"
                x={slotToX(drag.range.start, track)}
                y={y + 3}
                width={slotToX(drag.range.end, track) - slotToX(drag.range.start, track)}
                height={LANE_HEIGHT - 6}
                rx={3}
              />
            )}
          </g>
        )
      })}
    </svg>
  )
}
