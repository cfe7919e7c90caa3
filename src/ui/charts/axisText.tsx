/**
 * Axis tick labels as plain SVG text. Recharts' own tick text is its `Text` component, which,
 * given the axis width, measures every word through a hidden DOM node (a forced layout each) to
 * wrap it; tick labels never wrap, and on the first render that measuring was a large part of
 * every chart's task.
 */
import type { BaseTickContentProps } from 'recharts'

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
