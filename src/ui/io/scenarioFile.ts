/**
 * The text of an exported scenario file: the scenario with `$schema` first, pointing at the
 * schema this copy of the planner serves, so an editor such as VS Code validates and completes
 * the file.
 */
import { SCHEMA_FILE_NAME } from '../../domain/scenario/jsonSchema.ts'

/** Where this page serves the scenario schema (beside index.html, whatever the sub-path). */
export function schemaUrl(baseUri: string): string {
  return new URL(SCHEMA_FILE_NAME, baseUri).href
}

/** The exported file's text: `$schema` (replacing any the scenario had), then the scenario. */
export function scenarioFileText(scenario: object, baseUri: string): string {
  const { $schema: _old, ...rest } = scenario as Record<string, unknown>
  return `${JSON.stringify({ $schema: schemaUrl(baseUri), ...rest }, null, 2)}\n`
}
