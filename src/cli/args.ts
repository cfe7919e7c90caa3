/**
 * A deliberately small argument parser: one command, positionals, `--flag` and `--option value`.
 */

/** A usage mistake: reported with the usage text and exit code 2. */
export class UsageError extends Error {}

const VALUE_OPTIONS = new Set(['policy', 'days', 'from', 'to', 'steps', 'spacing'])
const FLAGS = new Set(['integer', 'json'])

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
  const positional: string[] = []
  const flags = new Set<string>()
  const options: Record<string, string> = {}
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split('=', 2)
      if (FLAGS.has(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`)
        flags.add(name)
      } else if (VALUE_OPTIONS.has(name)) {
        const value = inline ?? rest[++i]
        if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`)
        options[name] = value
      } else {
        throw new UsageError(`unknown option ${arg}`)
      }
    } else {
      positional.push(arg)
    }
  }
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
