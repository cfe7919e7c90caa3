/**
 * Key cost, residual success bound and latency of each option kind (MODEL.md §3, §8).
 */
import { describe, expect, it } from 'vitest'
import type { Process, SecurityOption } from '../scenario/types.ts'
import {
  keyCostBps,
  latencyMs,
  OTP_MAC_FLOOR,
  polynomialHashBound,
  successBound,
  usesQkdKey,
  WC_MAC_FLOOR,
} from './security.ts'

function proc(messageBytes: number): Process {
  return {
    id: 'p',
    label: 'p',
    endpoints: 'control->gateways',
    messagesPerHour: 1,
    messageBytes,
    deadlineMs: 1000,
    slaPenaltyEur: 0,
    impactEur: 1,
    impactEurPerMw: 0,
    attacksPerHour: 1,
    options: [],
  }
}

const classical: SecurityOption = { id: 'c', label: 'c', kind: 'classical', latencyMs: 3 }
const aes = (refreshSeconds: number, channels?: number): SecurityOption => ({
  id: 'a',
  label: 'a',
  kind: 'aes-refresh',
  latencyMs: 0.5,
  refreshSeconds,
  ...(channels === undefined ? {} : { channels }),
})
const wc = (tagBits: number, extra: Partial<SecurityOption> = {}): SecurityOption => ({
  id: 'w',
  label: 'w',
  kind: 'wc-mac',
  latencyMs: 0.5,
  tagBits,
  ...extra,
})
const otp = (tagBits: number, extra: Partial<SecurityOption> = {}): SecurityOption => ({
  id: 'o',
  label: 'o',
  kind: 'otp-mac',
  latencyMs: 1,
  tagBits,
  ...extra,
})

describe('keyCostBps', () => {
  it('classical options cost no key whatever the rate', () => {
    expect(keyCostBps(classical, proc(200), 0)).toBe(0)
    expect(keyCostBps(classical, proc(200), 1000)).toBe(0)
  })

  it('aes-refresh costs 256 · channels / refreshSeconds, independent of the message rate', () => {
    // 256 · 3 / 12 = 64 bits/s
    expect(keyCostBps(aes(12, 3), proc(200), 5)).toBeCloseTo(64, 12)
    expect(keyCostBps(aes(12, 3), proc(200), 500)).toBeCloseTo(64, 12)
    // channels default to 1: 256 / 10 = 25.6 bits/s
    expect(keyCostBps(aes(10), proc(200), 5)).toBeCloseTo(25.6, 12)
    // 256 · 2 / 3600 = 0.14222… bits/s
    expect(keyCostBps(aes(3600, 2), proc(8e6), 1)).toBeCloseTo(512 / 3600, 12)
  })

  it('wc-mac costs tagBits per message', () => {
    // 64 bits · 2.5 msg/s = 160 bits/s
    expect(keyCostBps(wc(64), proc(200), 2.5)).toBeCloseTo(160, 12)
    // message size does not matter: 128 · 0.5 = 64
    expect(keyCostBps(wc(128), proc(32_000), 0.5)).toBeCloseTo(64, 12)
    expect(keyCostBps(wc(64), proc(200), 0)).toBe(0)
  })

  it('otp-mac costs the whole message plus the tag per message', () => {
    // (8 · 200 + 64) · 2.5 = (1600 + 64) · 2.5 = 4160 bits/s
    expect(keyCostBps(otp(64), proc(200), 2.5)).toBeCloseTo(4160, 9)
    // (8 · 32000 + 128) · (1/60) = 256128 / 60 = 4268.8 bits/s
    expect(keyCostBps(otp(128), proc(32_000), 1 / 60)).toBeCloseTo(4268.8, 9)
  })
})

describe('successBound', () => {
  it('classical options take the scenario classical bound', () => {
    expect(successBound(classical, proc(200), 1e-3)).toBe(1e-3)
    expect(successBound(classical, proc(200), 0.25)).toBe(0.25)
  })

  it('aes-refresh is 1e-7 per second of key lifetime, capped at 1', () => {
    // 1e-7 · 10 = 1e-6
    expect(successBound(aes(10), proc(200), 1e-3)).toBeCloseTo(1e-6, 18)
    // 1e-7 · 3600 = 3.6e-4
    expect(successBound(aes(3600), proc(200), 1e-3)).toBeCloseTo(3.6e-4, 15)
    // 1e-7 · 1e7 = 1 (the cap is reached exactly); 1e-7 · 2e7 = 2 → 1
    expect(successBound(aes(1e7), proc(200), 1e-3)).toBe(1)
    expect(successBound(aes(2e7), proc(200), 1e-3)).toBe(1)
  })

  it('the polynomial hash bound is ⌈ℓ/τ⌉ / 2^τ', () => {
    // ℓ = 8 bits, τ = 8: 1 / 256
    expect(polynomialHashBound(8, 8)).toBe(1 / 256)
    // ℓ = 800, τ = 16: 50 / 65536 = 7.62939453125e-4
    expect(polynomialHashBound(800, 16)).toBe(7.62939453125e-4)
    // ℓ = 80, τ = 24: ⌈3.33⌉ = 4, 4 / 2^24 = 2^-22
    expect(polynomialHashBound(80, 24)).toBe(2 ** -22)
  })

  it('wc-mac above its floor follows the hash bound', () => {
    // 1 byte, τ = 8: 8/8 = 1 block → 1/256 = 0.00390625
    expect(successBound(wc(8), proc(1), 1e-3)).toBe(0.00390625)
    // 256 bytes = 2048 bits, τ = 32: 64 blocks → 64 / 2^32 = 2^-26 ≈ 1.49e-8 > 1e-9
    expect(successBound(wc(32), proc(256), 1e-3)).toBe(2 ** -26)
    // 10 bytes = 80 bits, τ = 24: ⌈80/24⌉ = 4 → 2^-22 (the ceiling matters)
    expect(successBound(wc(24), proc(10), 1e-3)).toBe(2 ** -22)
  })

  it('wc-mac is floored at 1e-9', () => {
    expect(WC_MAC_FLOOR).toBe(1e-9)
    // 200 bytes, τ = 64: 25 / 2^64 ≈ 1.4e-18 → floor 1e-9
    expect(successBound(wc(64), proc(200), 1e-3)).toBe(1e-9)
    // 9 bytes = 72 bits, τ = 36: 2 / 2^36 = 2^-35 ≈ 2.9e-11 → floor 1e-9
    expect(successBound(wc(36), proc(9), 1e-3)).toBe(1e-9)
  })

  it('otp-mac has the lower 1e-12 floor', () => {
    expect(OTP_MAC_FLOOR).toBe(1e-12)
    // Same message and tag as above: 2^-35 ≈ 2.9e-11 is above the otp floor.
    expect(successBound(otp(36), proc(9), 1e-3)).toBe(2 ** -35)
    // 5 bytes = 40 bits, τ = 40: 1 / 2^40 ≈ 9.09e-13 < 1e-12 → floor 1e-12
    expect(successBound(otp(40), proc(5), 1e-3)).toBe(1e-12)
    // τ = 128 on 32 kB: 2000 / 2^128 → floor
    expect(successBound(otp(128), proc(32_000), 1e-3)).toBe(1e-12)
    // Above the floor the hash bound applies, as for wc-mac: 1/256.
    expect(successBound(otp(8), proc(1), 1e-3)).toBe(0.00390625)
  })

  it('an explicit successBound wins for every kind, even below the floors', () => {
    expect(successBound({ ...classical, successBound: 0.5 }, proc(200), 1e-3)).toBe(0.5)
    expect(successBound({ ...aes(10), successBound: 0.2 }, proc(200), 1e-3)).toBe(0.2)
    expect(successBound(wc(64, { successBound: 1e-20 }), proc(200), 1e-3)).toBe(1e-20)
    expect(successBound(wc(8, { successBound: 1e-6 }), proc(1), 1e-3)).toBe(1e-6)
    expect(successBound(otp(64, { successBound: 0 }), proc(200), 1e-3)).toBe(0)
  })
})

describe('latencyMs', () => {
  it('classical options only pay their own latency', () => {
    expect(latencyMs(classical, 0, 10, 2)).toBe(3)
    expect(latencyMs(classical, 5, 10, 2)).toBe(3)
  })

  it('keyed options add the KMS fetch and relay latency per hop', () => {
    // 0.5 + 10 + 2 · 3 = 16.5
    expect(latencyMs(aes(10), 3, 10, 2)).toBeCloseTo(16.5, 12)
    // 0.5 + 10 + 2 · 1 = 12.5
    expect(latencyMs(wc(64), 1, 10, 2)).toBeCloseTo(12.5, 12)
    // 1 + 7 + 4 · 2 = 16
    expect(latencyMs(otp(64), 2, 7, 4)).toBeCloseTo(16, 12)
    // no hops: 1 + 7 = 8
    expect(latencyMs(otp(64), 0, 7, 4)).toBeCloseTo(8, 12)
  })

  it('only the classical kind does not use QKD key', () => {
    expect(usesQkdKey(classical)).toBe(false)
    expect(usesQkdKey(aes(10))).toBe(true)
    expect(usesQkdKey(wc(64))).toBe(true)
    expect(usesQkdKey(otp(64))).toBe(true)
  })
})
