/**
 * Seeded, stream-addressed random numbers. A stream is named (e.g. `supply:CC-DSO`) so that adding
 * a link or a process never changes the draws of the others: the realised day stays reproducible
 * while the user edits the scenario.
 */

/** 32-bit FNV-1a hash of a string, mixed with a seed. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** mulberry32: a small, fast generator with a 32-bit state; good enough for simulation noise. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A uniform generator for the named stream of a scenario seed. */
export function streamRng(seed: number, stream: string): () => number {
  return mulberry32(hashString(stream, seed))
}

/** Standard normal draws by Box–Muller from a uniform generator. */
export function normalDraws(uniform: () => number, count: number): number[] {
  const out: number[] = []
  while (out.length < count) {
    const u1 = Math.max(uniform(), 1e-12)
    const u2 = uniform()
    const r = Math.sqrt(-2 * Math.log(u1))
    out.push(r * Math.cos(2 * Math.PI * u2))
    if (out.length < count) out.push(r * Math.sin(2 * Math.PI * u2))
  }
  return out
}

/**
 * Mean-one log-normal factors `exp(σ·z − σ²/2)` for a named stream. With σ = 0 every factor is
 * exactly 1, so a noise-free realised day equals the forecast.
 */
export function lognormalFactors(
  seed: number,
  stream: string,
  count: number,
  sigma: number,
): number[] {
  if (sigma === 0) return new Array<number>(count).fill(1)
  const z = normalDraws(streamRng(seed, stream), count)
  return z.map((v) => Math.exp(sigma * v - (sigma * sigma) / 2))
}
