/**
 * Where JSON text first breaks the grammar, as line and column. `JSON.parse` says so only in some
 * engines and some cases (V8 names an offset for a stray comma but not for an unexpected token,
 * Firefox gives line and column): a user fixing a hand-edited file in a text editor needs the line
 * and column every time. Only used once `JSON.parse` has refused the text.
 */

export interface JsonSyntaxError {
  /** Offset of the offending character, UTF-16 units from the start. */
  offset: number
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 units (what editors count for the text a scenario holds). */
  column: number
  reason: string
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const HEX4 = /[0-9a-fA-F]{4}/y
const LITERALS = ['true', 'false', 'null'] as const

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r'
}

function describe(c: string | undefined): string {
  if (c === undefined) return 'the text ends'
  const code = c.charCodeAt(0)
  return code < 0x20 || code === 0x7f
    ? `unexpected control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`
    : `unexpected ${JSON.stringify(c)}`
}

/**
 * The first syntax error of `text` read as one JSON document, or undefined when the grammar holds
 * (then `JSON.parse` refused it for a reason of its own, and its message is the one to show).
 * Iterative, with an explicit stack, so deeply nested hostile input cannot overflow the call stack.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0
  let reason = ''
  const n = text.length
  const stack: Array<'{' | '['> = []
  const skipSpace = (): void => {
    while (isSpace(text[i])) i++
  }
  const fail = (why: string): false => ((reason = why), false)
  const readString = (): boolean => {
    if (text[i] !== '"')
      return fail(`${describe(text[i])} where a string in double quotes should be`)
    i++
    for (;;) {
      const c = text[i]
      if (c === undefined) return fail('the text ends inside a string')
      if (c === '"') return (i++, true)
      if (c.charCodeAt(0) < 0x20)
        return fail(`${describe(c)} inside a string (write it as an escape such as \\n)`)
      if (c !== '\\') {
        i++
        continue
      }
      const e = text[i + 1]
      if (e === 'u') {
        HEX4.lastIndex = i + 2
        if (!HEX4.test(text)) return fail('\\u must be followed by four hex digits')
        i += 6
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
      else return fail(`invalid escape \\${e ?? ''}`)
    }
  }
  const readKey = (): boolean => {
    skipSpace()
    if (!readString()) return false
    skipSpace()
    if (text[i] !== ':')
      return fail(`${describe(text[i])} where ':' after a property name should be`)
    i++
    return true
  }
  /** Reads one value; containers are opened (pushed) and their first member is read next. */
  const readValue = (): boolean | 'opened' => {
    skipSpace()
    const c = text[i]
    if (c === '{' || c === '[') {
      i++
      skipSpace()
      if (text[i] === (c === '{' ? '}' : ']')) return (i++, true)
      stack.push(c)
      return c === '{' && !readKey() ? false : 'opened'
    }
    if (c === '"') return readString()
    NUMBER.lastIndex = i
    if (c !== undefined && (c === '-' || (c >= '0' && c <= '9')) && NUMBER.test(text))
      return ((i = NUMBER.lastIndex), true)
    const literal = LITERALS.find((word) => text.startsWith(word, i))
    if (literal !== undefined) return ((i += literal.length), true)
    return fail(`${describe(c)} where a value should be`)
  }
  for (;;) {
    const read = readValue()
    if (read === false) break
    if (read === 'opened') continue
    // A value is complete: close containers until one expects another member.
    let more = false
    while (!more && reason === '') {
      skipSpace()
      const top = stack.at(-1)
      if (top === undefined) {
        if (i < n) fail(`${describe(text[i])} after the end of the JSON document`)
        break
      }
      const close = top === '{' ? '}' : ']'
      if (text[i] === close) {
        i++
        stack.pop()
      } else if (text[i] === ',') {
        i++
        more = top === '[' || readKey()
      } else fail(`${describe(text[i])} where ',' or '${close}' should be`)
    }
    if (!more) break
  }
  if (reason === '') return undefined
  const before = text.slice(0, i)
  const lineStart = before.lastIndexOf('\n') + 1
  return {
    offset: i,
    line: (before.match(/\n/g)?.length ?? 0) + 1,
    column: i - lineStart + 1,
    reason,
  }
}

/**
 * "not valid JSON at line L, column C: why" for scenario text `JSON.parse` refused, counted in
 * the text after a leading byte-order mark (invisible in an editor, so it must not shift the
 * column); undefined when the grammar holds and the engine's own reason is the one to show.
 */
export function jsonErrorMessage(text: string): string | undefined {
  const error = jsonSyntaxError(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  return error === undefined
    ? undefined
    : `not valid JSON at line ${error.line}, column ${error.column}: ${error.reason}`
}
