/**
 * Tooltips that mount on first use. A recharts tooltip, with the pointer tracking it brings, was
 * a sizeable share of every chart's first render, yet it only matters once the pointer or the
 * keyboard focus reaches the chart. ChartFrame says when that happens; until then the chart is
 * drawn without one.
 */
import { createContext, useContext, type ComponentProps } from 'react'
import { Tooltip } from 'recharts'

/** True once the pointer has entered the chart or focus has moved into it. */
export const TooltipWanted = createContext(false)

/** A recharts Tooltip, rendered only once the chart has been pointed at or focused. */
export function LazyTooltip(props: ComponentProps<typeof Tooltip>) {
  return useContext(TooltipWanted) ? <Tooltip {...props} /> : null
}
