/**
 * The scenario format as JSON Schema (draft 2020-12), generated from the one schema. `qkdvpp
 * schema` prints it, the static build serves it as `scenario.schema.json`, and exported files
 * point at it with `$schema`, so an editor such as VS Code validates and completes them.
 */
import * as z from 'zod'
import { scenarioSchema } from './schema.ts'

/** The name the static build serves the schema under, beside `index.html`. */
export const SCHEMA_FILE_NAME = 'scenario.schema.json'

/** A JSON Schema object (the parts this module reads). */
export interface JsonSchemaNode {
  type?: string | string[]
  description?: string
  unit?: string
  default?: unknown
  const?: unknown
  enum?: unknown[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  properties?: Record<string, JsonSchemaNode>
  required?: string[]
  items?: JsonSchemaNode
  anyOf?: JsonSchemaNode[]
  [key: string]: unknown
}

/** The JSON Schema of what a user may write (defaults shown, optional fields optional). */
export function scenarioJsonSchema(): JsonSchemaNode {
  return z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchemaNode
}

/** The schema as the file the build serves and `qkdvpp schema` prints. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
}
