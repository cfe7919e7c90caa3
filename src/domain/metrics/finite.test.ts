/**
 * Regression tests found by the fuzz suite (`domain/fuzz`): figures of a plan stay finite on
 * extreme days (a subnormal amount of key used, a hold the rules forbid).
 */
import { describe, expect, it } from 'vitest'
import { emptyAllocation } from '../allocation.ts'
import { buildInstance } from '../derive/instance.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { keyEfficiency } from './metrics.ts'
import { thresholdCertificate } from './threshold.ts'

describe('finite figures on extreme days', () => {
  it('gives no key efficiency below one bit of key used (1e-310 bits made it infinite)', () => {
    expect(keyEfficiency(5, 1e-310)).toBe(0)
    expect(keyEfficiency(5, 0)).toBe(0)
    expect(keyEfficiency(5, 2e6)).toBe(2.5)
  })

  it('measures a forced hold by its penalty, not as an infinite threshold violation', () => {
    const doc = tinyScenario() as { policy?: Record<string, unknown> }
    doc.policy = { ...doc.policy, holdAllowed: false }
    const instance = buildInstance(mustValidate(doc), 0)
    const allocation = emptyAllocation(instance)
    // Every message held, although the rules forbid it (what a policy out of key must do).
    instance.flows.forEach((f, k) => {
      ;(allocation.optionShare[k] as Float64Array).fill(0)
      ;(allocation.holdShare[k] as Float64Array).fill(1)
    })
    const prices = instance.links.map(() => new Float64Array(instance.slots))
    const certificate = thresholdCertificate(instance, allocation, prices)
    expect(Number.isFinite(certificate.maxViolationEur)).toBe(true)
    expect(certificate.maxViolationEur).toBeGreaterThan(0)
    expect(certificate.relativeViolation).toBeGreaterThan(0)
    expect(certificate.relativeViolation).toBeLessThanOrEqual(1)
  })
})
