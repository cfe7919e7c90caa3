/**
 * Scenario text to JSON, as the CLI and the dashboard's import both read it. Editors on Windows
 * save UTF-8 with a byte-order mark, which `JSON.parse` refuses; it carries no meaning, so it is
 * dropped first.
 */
export type ParsedText = { ok: true; json: unknown } | { ok: false; message: string }

/** Parses scenario text (one JSON document, optionally preceded by a UTF-8 byte-order mark). */
export function parseScenarioText(text: string): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { ok: true, json: JSON.parse(body) }
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${(error as Error).message}` }
  }
}
