/**
 * Axis ticks and axis labels as plain SVG text. Recharts' own tick text is its `Text` component, which,
 * given the axis width, measures every word through a hidden DOM node (a forced layout each) to
 * wrap it; tick labels never wrap, and on the first render that measuring was a large part of
 * every chart's task.
 */
import type { BaseTickContentProps, LabelProps } from 'recharts'

/** Recharts' default axis colour, which its tick and label text take. */
const AXIS_TEXT = '#666'

/** The vertical shift recharts' Text applies for one line of text at each anchor. */
const SHIFT = { start: '0.71em', middle: '0.355em', end: '0' } as const

export function plainTick({
  x,
  y,
  textAnchor,
  verticalAnchor,
  fill,
  className,
  index,
  payload,
  tickFormatter,
}: BaseTickContentProps) {
  const value: unknown = payload.value
  const text = tickFormatter === undefined ? String(value ?? '') : tickFormatter(value, index)
  return (
    <text
      x={x}
      y={y}
      dy={SHIFT[verticalAnchor]}
      textAnchor={textAnchor}
      fill={fill}
      fontSize={12}
      className={className}
    >
      {text}
    </text>
  )
}

/** An axis label's text, at the point recharts computed for it. */
function labelText(value: string, x: LabelProps['x'], y: LabelProps['y'], angle = 0) {
  return (
    <text
      x={x}
      y={y}
      dy={angle === 0 ? undefined : SHIFT.middle}
      transform={angle === 0 ? undefined : `rotate(${angle}, ${String(x)}, ${String(y)})`}
      textAnchor="middle"
      fontSize={12}
      fill={AXIS_TEXT}
      className="recharts-label"
    >
      {value}
    </text>
  )
}

/** The label under a time axis, as plain text (recharts' label measures its words, as above). */
export function bottomAxisLabel(value: string) {
  return {
    value,
    position: 'insideBottom' as const,
    offset: 0,
    content: ({ x, y }: LabelProps) => labelText(value, x, y),
  }
}

/** The rotated label of a value axis (left, or right reading downwards), as plain text. */
export function verticalAxisLabel(value: string, side: 'left' | 'right' = 'left') {
  const angle = side === 'left' ? -90 : 90
  return {
    value,
    position: side === 'left' ? ('insideLeft' as const) : ('insideRight' as const),
    content: ({ x, y }: LabelProps) => labelText(value, x, y, angle),
  }
}
