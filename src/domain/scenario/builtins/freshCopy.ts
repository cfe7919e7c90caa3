/**
 * A deep copy of a built-in scenario document. The built-ins are plain JSON (no functions, no
 * non-finite numbers), so a JSON round trip copies them whole, in Node and in the worker alike.
 */
export function freshCopy(doc: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(doc)) as Record<string, unknown>
}
