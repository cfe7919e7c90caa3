/**
 * One colour and label per series key, shared by every chart and the map.
 */
export const POLICY_SERIES = {
  oracle: { label: 'Oracle (perfect foresight)', colour: '#1b6ca8' },
  proposed: { label: 'Proposed (offline–online)', colour: '#2a9d5c' },
  greedy: { label: 'Greedy', colour: '#d1495b' },
  static: { label: 'Static', colour: '#8d6a9f' },
} as const

export const PROCESS_COLOURS = [
  '#1b6ca8',
  '#2a9d5c',
  '#e09f3e',
  '#d1495b',
  '#8d6a9f',
  '#3d5a80',
  '#6b9080',
  '#b56576',
]

export function processColour(index: number): string {
  return PROCESS_COLOURS[index % PROCESS_COLOURS.length] ?? '#555'
}

export const WINDOW_FILL = {
  attack: 'rgba(209, 73, 91, 0.12)',
  shock: 'rgba(224, 159, 62, 0.18)',
} as const

/** Recharts animates by default; the planner updates live, so every series is drawn at once. */
export const NO_ANIMATION = { isAnimationActive: false } as const

/**
 * Grid props for horizontal lines only. Recharts computes the vertical lines' positions even when
 * they are not drawn, measuring every time-of-day tick label through the DOM before the axis has
 * registered its fixed interval; an empty generator skips that work.
 */
export const HORIZONTAL_GRID = {
  stroke: '#e5e8ec',
  vertical: false,
  verticalCoordinatesGenerator: () => [],
} as const
