/// <reference types="node" />
/**
 * The benchmarks' command lines, read by Node's `util.parseArgs` (strict): positive numeric
 * options with defaults, and flags. A mistake prints the usage and exits 2.
 */
import { parseArgs } from 'node:util'

export interface BenchArgSpec {
  usage: string
  /** Numeric options and their defaults. */
  numbers: Record<string, number>
  /** Boolean flags. */
  flags?: readonly string[]
}

/** The parsed options: each number positive and finite, each flag true or false. */
export function benchArgs(
  spec: BenchArgSpec,
  argv: readonly string[] = process.argv.slice(2),
): { numbers: Record<string, number>; flags: Set<string> } {
  const options: Record<string, { type: 'string' | 'boolean' }> = {}
  for (const name of Object.keys(spec.numbers)) options[name] = { type: 'string' }
  for (const name of spec.flags ?? []) options[name] = { type: 'boolean' }
  const fail = (message: string): never => {
    process.stderr.write(`${message}\n${spec.usage}\n`)
    process.exit(2)
  }
  let values: Record<string, string | boolean | undefined> = {}
  try {
    values = parseArgs({ args: [...argv], options, strict: true }).values
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  const numbers: Record<string, number> = {}
  for (const [name, fallback] of Object.entries(spec.numbers)) {
    const raw = values[name]
    const value = typeof raw === 'string' ? Number(raw) : fallback
    if (!Number.isFinite(value) || value <= 0) fail(`--${name} must be a positive number`)
    numbers[name] = value
  }
  const flags = new Set((spec.flags ?? []).filter((name) => values[name] === true))
  return { numbers, flags }
}
