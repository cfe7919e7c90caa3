/**
 * The statistics the benchmarks report (Node benches and the browser benches in e2e/): medians,
 * because timings on shared 2-core machines are noisy and a median shrugs off the odd slow run.
 */

/** The median of `values` (the mean of the middle two for an even count), NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** The arithmetic mean, 0 when empty. */
export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
}

/** `value` against its target, in the words the benchmark tables use. */
export function verdict(value: number, target: number): string {
  return value <= target ? 'within target' : 'OVER TARGET'
}
