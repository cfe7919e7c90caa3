/**
 * Placeholder: filled in by the charts work (issue 4).
 */
export function PolicyTable() {
  return null
}
