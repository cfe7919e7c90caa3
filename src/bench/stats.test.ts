import { describe, expect, it } from 'vitest'
import { mean, median, verdict } from './stats.ts'

describe('bench statistics', () => {
  it('take the middle value, or the mean of the middle two, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
    expect(mean([1, 2, 3, 6])).toBe(3)
    expect(mean([])).toBe(0)
    expect(verdict(2, 3)).toBe('within target')
    expect(verdict(4, 3)).toBe('OVER TARGET')
  })
})
