import { describe, expect, it } from 'vitest'
import type { OraclePlan } from '../../worker/api.ts'
import {
  NO_VALUE_COLOUR,
  bestUpgradeByLink,
  linkColourScale,
  linkValues,
  meanPricePerMbit,
} from './mapColour.ts'
import type { LinkValues } from '../../domain/analysis/linkValue.ts'

describe('meanPricePerMbit', () => {
  it('averages €/bit over the slots and converts to €/Mbit', () => {
    expect(meanPricePerMbit([1e-6, 3e-6])).toBeCloseTo(2)
    expect(meanPricePerMbit([])).toBeUndefined()
    expect(meanPricePerMbit(undefined)).toBeUndefined()
  })
})

describe('linkValues', () => {
  const plan = {
    links: { L1: { shadowPriceEurPerBit: [2e-6, 2e-6], storeBits: [], usedBits: [] } },
    utilization: { L1: 0.4 },
  } as unknown as OraclePlan
  it('reads prices or utilization, and nothing for links the plan lacks', () => {
    expect(linkValues(plan, ['L1', 'L2'], 'price')).toEqual({ L1: 2, L2: undefined })
    expect(linkValues(plan, ['L1', 'L2'], 'utilization')).toEqual({ L1: 0.4, L2: undefined })
    expect(linkValues(undefined, ['L1'], 'price')).toEqual({ L1: undefined })
  })
  it('reads link values from the decision-support results, with or without a plan', () => {
    expect(linkValues(undefined, ['L1', 'L2'], 'linkValue', { L1: 3 })).toEqual({
      L1: 3,
      L2: undefined,
    })
    expect(linkValues(plan, ['L1'], 'linkValue')).toEqual({ L1: undefined })
  })
})

describe('links called after built-ins', () => {
  // As a plan arrives from the worker: own keys, including `__proto__`, on Object.prototype.
  const plan = JSON.parse(
    '{"links": {"__proto__": {"shadowPriceEurPerBit": [1e-6], "storeBits": [], "usedBits": []}},' +
      ' "utilization": {"__proto__": 0.5, "toString": 0.25}}',
  ) as OraclePlan
  const ids = ['__proto__', 'toString', 'constructor']

  it('colours each by its own value and reads an id the plan lacks as no value', () => {
    const price = linkValues(plan, ids, 'price')
    expect(Object.keys(price)).toEqual(ids)
    expect(price['__proto__']).toBeCloseTo(1)
    expect(price['toString']).toBeUndefined()
    expect(price['constructor']).toBeUndefined()
    const use = linkValues(plan, ids, 'utilization')
    expect([use['__proto__'], use['toString'], use['constructor']]).toEqual([0.5, 0.25, undefined])
    expect(linkValues(undefined, ids, 'linkValue')['constructor']).toBeUndefined()
  })

  it('keeps link values keyed by such ids', () => {
    const values = {
      links: [{ linkId: '__proto__', bestUpgrade: { eurPerDay: 7 } }],
    } as unknown as LinkValues
    const byLink = bestUpgradeByLink(values)
    expect(Object.keys(byLink)).toEqual(['__proto__'])
    // A computed key: a literal `__proto__: 7` would set the prototype instead.
    expect(linkValues(undefined, ids, 'linkValue', byLink)).toEqual({
      ['__proto__']: 7,
      toString: undefined,
      constructor: undefined,
    })
  })
})

describe('linkColourScale', () => {
  it('spans the positive prices on a log scale and greys zero prices', () => {
    const s = linkColourScale('price', [0.01, 1, 0, undefined])
    expect(s.domain).toEqual([0.01, 1])
    expect(s.log).toBe(true)
    expect(s.colour(0)).toBe(NO_VALUE_COLOUR)
    expect(s.colour(undefined)).toBe(NO_VALUE_COLOUR)
    expect(s.colour(0.01)).not.toBe(s.colour(1))
    // Log scale: the geometric middle gets the middle colour.
    expect(s.colour(0.1)).toBe(linkColourScale('price', [0.1, 0.01, 1]).colour(0.1))
    expect(s.stops).toHaveLength(5)
  })
  it('widens a single price to a decade and has no domain without prices', () => {
    expect(linkColourScale('price', [5]).domain).toEqual([0.5, 5])
    const none = linkColourScale('price', [0, undefined])
    expect(none.domain).toBeUndefined()
    expect(none.colour(3)).toBe(NO_VALUE_COLOUR)
  })
  it('maps utilization 0..1 linearly and clamps', () => {
    const s = linkColourScale('utilization', [])
    expect(s.domain).toEqual([0, 1])
    expect(s.colour(1.5)).toBe(s.colour(1))
    expect(s.colour(0)).not.toBe(s.colour(1))
  })
})
