/**
 * Seeded, stream-addressed random numbers (MODEL.md §8 noise): mean-one log-normal factors that
 * are reproducible per seed and stream name.
 */
import { describe, expect, it } from 'vitest'
import { hashString, lognormalFactors, mulberry32, normalDraws, streamRng } from './rng.ts'

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length
const variance = (xs: readonly number[]): number => {
  const m = mean(xs)
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)
}

describe('hashString', () => {
  it('is 32-bit FNV-1a with seed 0', () => {
    // FNV-1a offset basis for the empty string, and the published test vector for "a".
    expect(hashString('')).toBe(0x811c9dc5)
    expect(hashString('a')).toBe(0xe40c292c)
    expect(hashString('foobar')).toBe(0xbf9cf968)
  })

  it('depends on the seed and the text, and stays an unsigned 32-bit integer', () => {
    expect(hashString('supply:L1:0', 1)).not.toBe(hashString('supply:L1:0', 2))
    expect(hashString('supply:L1:0', 1)).not.toBe(hashString('supply:L1:1', 1))
    for (const seed of [0, 1, 2 ** 31, 2 ** 32 - 1]) {
      const h = hashString('x', seed)
      expect(Number.isInteger(h)).toBe(true)
      expect(h).toBeGreaterThanOrEqual(0)
      expect(h).toBeLessThan(2 ** 32)
    }
  })
})

describe('mulberry32 and streamRng', () => {
  it('draws uniforms in [0, 1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const next = mulberry32(12345)
    const xs = Array.from({ length: 100_000 }, () => next())
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
    }
    // Standard error of the mean: sqrt(1/12 / 1e5) ≈ 9e-4.
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(0.005)
    expect(Math.abs(variance(xs) - 1 / 12)).toBeLessThan(0.002)
  })

  it('repeats the same sequence for the same seed and stream', () => {
    const a = streamRng(7, 'attack:dispatch:0')
    const b = streamRng(7, 'attack:dispatch:0')
    const c = streamRng(7, 'attack:dispatch:1')
    const xa = Array.from({ length: 20 }, () => a())
    const xb = Array.from({ length: 20 }, () => b())
    const xc = Array.from({ length: 20 }, () => c())
    expect(xb).toEqual(xa)
    expect(xc).not.toEqual(xa)
  })
})

describe('normalDraws', () => {
  it('returns exactly the requested count, odd counts included', () => {
    expect(normalDraws(mulberry32(1), 0)).toEqual([])
    expect(normalDraws(mulberry32(1), 1)).toHaveLength(1)
    expect(normalDraws(mulberry32(1), 7)).toHaveLength(7)
  })

  it('has mean ≈ 0 and variance ≈ 1', () => {
    const z = normalDraws(mulberry32(99), 100_000)
    // Standard error of the mean ≈ 1/sqrt(1e5) ≈ 3.2e-3.
    expect(Math.abs(mean(z))).toBeLessThan(0.016)
    expect(Math.abs(variance(z) - 1)).toBeLessThan(0.03)
    // About 68.3% within one standard deviation.
    const within = z.filter((v) => Math.abs(v) < 1).length / z.length
    expect(Math.abs(within - 0.6827)).toBeLessThan(0.01)
  })
})

describe('lognormalFactors', () => {
  it('is exactly 1 everywhere when sigma = 0', () => {
    expect(lognormalFactors(1, 'supply:L:0', 5, 0)).toEqual([1, 1, 1, 1, 1])
    expect(lognormalFactors(1, 'supply:L:0', 0, 0)).toEqual([])
  })

  it.each([0.1, 0.5, 1])('has mean ≈ 1 over many draws (sigma %s)', (sigma) => {
    const n = 200_000
    const f = lognormalFactors(2024, `mean-check:${sigma}`, n, sigma)
    expect(f).toHaveLength(n)
    for (const x of f.slice(0, 1000)) expect(x).toBeGreaterThan(0)
    // Var of a mean-one log-normal is e^{σ²} − 1; for σ = 1 that is 1.718, so the standard
    // error of the mean is sqrt(1.718 / 2e5) ≈ 2.9e-3. Allow about five standard errors.
    const stdErr = Math.sqrt((Math.exp(sigma * sigma) - 1) / n)
    expect(Math.abs(mean(f) - 1)).toBeLessThan(5 * stdErr)
    // log f = σz − σ²/2: mean −σ²/2, standard deviation σ.
    const logs = f.map(Math.log)
    expect(mean(logs)).toBeCloseTo((-sigma * sigma) / 2, 2)
    expect(Math.sqrt(variance(logs))).toBeCloseTo(sigma, 2)
  })

  it('is deterministic per seed and stream name', () => {
    const a = lognormalFactors(42, 'supply:CC-R:3', 96, 0.2)
    expect(lognormalFactors(42, 'supply:CC-R:3', 96, 0.2)).toEqual(a)
    expect(lognormalFactors(43, 'supply:CC-R:3', 96, 0.2)).not.toEqual(a)
    expect(lognormalFactors(42, 'supply:CC-R:4', 96, 0.2)).not.toEqual(a)
    expect(lognormalFactors(42, 'supply:R-GW:3', 96, 0.2)).not.toEqual(a)
  })

  it('a larger sigma spreads the same underlying draws further', () => {
    const small = lognormalFactors(5, 's', 50, 0.1)
    const large = lognormalFactors(5, 's', 50, 0.4)
    // Same z: log f = σz − σ²/2, so (log f + σ²/2)/σ is the same z for both.
    small.forEach((x, i) => {
      const z1 = (Math.log(x) + 0.005) / 0.1
      const z2 = (Math.log(large[i]!) + 0.08) / 0.4
      expect(z2).toBeCloseTo(z1, 9)
    })
    expect(variance(large)).toBeGreaterThan(variance(small))
  })
})
