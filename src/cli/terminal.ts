/**
 * Text for a terminal. Scenario names, labels and ids are user text; an ANSI escape sequence or a
 * carriage return in one could clear the screen or rewrite the summary. So every write is
 * filtered: C0 control characters other than tab and newline are removed (`JSON.stringify`
 * already escapes every one of them, so JSON output never holds them raw), and DEL and the C1
 * controls (0x9B is a one-byte escape sequence in some terminals), which `JSON.stringify` leaves
 * raw, are written as `\u00XX`: valid JSON for the same string, and readable in text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const C0 = /[\u0000-\u0008\u000b-\u001f]/g
const DEL_AND_C1 = /[\u007f-\u009f]/g

export function terminalSafe(text: string): string {
  return text
    .replace(C0, '')
    .replace(DEL_AND_C1, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
