/**
 * Placeholder: filled in by the editors work (issue 4).
 */
export function ProcessEditor() {
  return null
}
