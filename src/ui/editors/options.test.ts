import { describe, expect, it } from 'vitest'
import { WC_MAC_FLOOR } from '../../domain/derive/security.ts'
import type { Process, SecurityOption } from '../../domain/scenario/types.ts'
import { boundText, derivedSuccessBound } from './options.ts'

const process = {
  id: 'p',
  label: 'p',
  endpoints: 'control->gateways',
  messagesPerHour: 1,
  messageBytes: 200,
  deadlineMs: 100,
  slaPenaltyEur: 0,
  impactEur: 1,
  impactEurPerMw: 0,
  attacksPerHour: 1,
  options: [],
} satisfies Process

describe('derivedSuccessBound', () => {
  it('ignores an override and leaves the option unchanged', () => {
    const option: SecurityOption = {
      id: 'x',
      label: 'x',
      kind: 'classical',
      latencyMs: 0,
      successBound: 0.5,
    }
    expect(derivedSuccessBound(option, process, 1e-3)).toBe(1e-3)
    expect(option.successBound).toBe(0.5)
  })

  it('follows the model for MACs and AES refresh', () => {
    const mac: SecurityOption = { id: 'm', label: 'm', kind: 'wc-mac', latencyMs: 0, tagBits: 128 }
    expect(derivedSuccessBound(mac, process, 1e-3)).toBe(WC_MAC_FLOOR)
    const aes: SecurityOption = {
      id: 'a',
      label: 'a',
      kind: 'aes-refresh',
      latencyMs: 0,
      refreshSeconds: 60,
      channels: 2,
    }
    expect(derivedSuccessBound(aes, process, 1e-3)).toBeCloseTo(6e-6, 12)
  })
})

describe('boundText', () => {
  it('writes plain decimals down to 0.001 and exponents below', () => {
    expect(boundText(1)).toBe('1')
    expect(boundText(0)).toBe('0')
    expect(boundText(1e-3)).toBe('0.001')
    expect(boundText(0.25)).toBe('0.25')
    expect(boundText(1e-9)).toBe('1e-9')
    expect(boundText(1.234e-12)).toBe('1.2e-12')
  })
})
