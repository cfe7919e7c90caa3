/**
 * Per-option key cost, residual attack-success bound and latency (MODEL.md §3).
 */
import type { Process, SecurityOption } from '../scenario/types.ts'

/** Wegman–Carter floor for an implementation whose key can still be compromised. */
export const WC_MAC_FLOOR = 1e-9
/** One-time pad removes the key-compromise path, hence the lower floor. */
export const OTP_MAC_FLOOR = 1e-12
/** AES-256 compromise rate per second of key lifetime (DOMAIN.md §5.4). */
export const AES_COMPROMISE_PER_SECOND = 1e-7
/** AES-256 key length, bits. */
export const AES_KEY_BITS = 256

/** Whether an option draws QKD key at all. */
export function usesQkdKey(option: SecurityOption): boolean {
  return option.kind !== 'classical'
}

/**
 * End-to-end key cost of an option for one flow, bits/s (before relay multiplication).
 * @param messagesPerSecond the flow's message rate, msg/s
 */
export function keyCostBps(
  option: SecurityOption,
  process: Process,
  messagesPerSecond: number,
): number {
  switch (option.kind) {
    case 'classical':
      return 0
    case 'aes-refresh':
      return (AES_KEY_BITS * (option.channels ?? 1)) / (option.refreshSeconds ?? 1)
    case 'wc-mac':
      return (option.tagBits ?? 0) * messagesPerSecond
    case 'otp-mac':
      return (8 * process.messageBytes + (option.tagBits ?? 0)) * messagesPerSecond
  }
}

/** Forgery bound of a polynomial hash over GF(2^τ) for an ℓ-bit message: ⌈ℓ/τ⌉ / 2^τ. */
export function polynomialHashBound(messageBits: number, tagBits: number): number {
  return Math.ceil(messageBits / tagBits) / 2 ** tagBits
}

/**
 * Residual success bound per attack attempt, 0..1. An explicit `successBound` wins.
 * @param classicalSuccessBound bound of a classical-only (PQC/TLS) message
 */
export function successBound(
  option: SecurityOption,
  process: Process,
  classicalSuccessBound: number,
): number {
  if (option.successBound !== undefined) return option.successBound
  const bits = 8 * process.messageBytes
  switch (option.kind) {
    case 'classical':
      return classicalSuccessBound
    case 'aes-refresh':
      return Math.min(1, AES_COMPROMISE_PER_SECOND * (option.refreshSeconds ?? 0))
    case 'wc-mac':
      return Math.max(polynomialHashBound(bits, option.tagBits ?? 1), WC_MAC_FLOOR)
    case 'otp-mac':
      return Math.max(polynomialHashBound(bits, option.tagBits ?? 1), OTP_MAC_FLOOR)
  }
}

/**
 * End-to-end latency of one message under an option, ms. KMS fetch and relay hops apply only to
 * options that use QKD key.
 * @param hops links on the flow's first candidate path
 */
export function latencyMs(
  option: SecurityOption,
  hops: number,
  kmsLatencyMs: number,
  relayLatencyMs: number,
): number {
  if (!usesQkdKey(option)) return option.latencyMs
  return option.latencyMs + kmsLatencyMs + relayLatencyMs * hops
}
