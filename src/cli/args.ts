/// <reference types="node" />
/**
 * The command line: one command, positionals, `--flag` and `--option value` (or `--option=value`),
 * read by Node's own `util.parseArgs` in strict mode; its errors become usage errors in words.
 */
import { parseArgs as parseNodeArgs } from 'node:util'

/** A usage mistake: reported with the usage text and exit code 2. */
export class UsageError extends Error {}

const OPTIONS = {
  policy: { type: 'string' },
  days: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  steps: { type: 'string' },
  spacing: { type: 'string' },
  integer: { type: 'boolean' },
  json: { type: 'boolean' },
} as const

export interface ParsedArgs {
  command: string | undefined
  positional: string[]
  flags: Set<string>
  options: Record<string, string>
  /** The FILE positional; throws a UsageError when it is missing. */
  file: () => string
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv
  let parsed: ReturnType<typeof parseNodeArgs<{ options: typeof OPTIONS; allowPositionals: true }>>
  try {
    parsed = parseNodeArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(usageWords(error, rest))
  }
  const flags = new Set<string>()
  const options: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true) flags.add(name)
    else if (typeof value === 'string') {
      if (value === '') throw new UsageError(`--${name} needs a value`)
      options[name] = value
    }
  }
  const positional = parsed.positionals
  return {
    command,
    positional,
    flags,
    options,
    file: () => {
      const file = positional[0]
      if (file === undefined)
        throw new UsageError(`${command ?? 'this command'} needs a FILE (or - for stdin)`)
      if (positional.length > 1) throw new UsageError(`unexpected argument "${positional[1]}"`)
      return file
    },
  }
}

/** Node's parse errors in the CLI's words, naming the argument. */
function usageWords(error: unknown, args: readonly string[]): string {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  const named = /'(--?[^' <]+)/.exec(message)?.[1] ?? ''
  const name = named.replace(/^--?/, '')
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `unknown option ${args.find((a) => a.startsWith(named)) ?? named}`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return name in OPTIONS && OPTIONS[name as keyof typeof OPTIONS].type === 'boolean'
      ? `--${name} takes no value`
      : `--${name} needs a value`
  return message
}
