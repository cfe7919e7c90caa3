/**
 * Monotonic milliseconds in Node and in a worker. The domain compiles without DOM or Node types,
 * so the global is declared here rather than assumed.
 */
const clock = globalThis as unknown as { performance: { now(): number } }

export function nowMs(): number {
  return clock.performance.now()
}
