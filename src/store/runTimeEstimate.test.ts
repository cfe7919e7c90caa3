/**
 * Run-time estimates: they reproduce the times they were fitted on, grow with the scenario, and
 * read as plain durations.
 */
import { describe, expect, it } from 'vitest'
import type { ScenarioSize } from '../worker/api.ts'
import {
  coldLpMs,
  durationText,
  estimateAnalysisMs,
  estimateComparisonMs,
} from './runTimeEstimate.ts'

const representative: ScenarioSize = {
  flows: 12,
  slots: 96,
  links: 10,
  columns: 8650,
  rows: 3274,
  samples: 20,
  contingencyCases: 20,
}
const large: ScenarioSize = {
  flows: 202,
  slots: 96,
  links: 90,
  columns: 143894,
  rows: 47126,
  samples: 20,
  contingencyCases: 180,
}

describe('run-time estimates', () => {
  it('reproduce the measured times within a factor of two', () => {
    const near = (estimate: number, measured: number) => {
      expect(estimate).toBeGreaterThan(measured / 2)
      expect(estimate).toBeLessThan(measured * 2)
    }
    near(coldLpMs(large), 3500)
    near(estimateComparisonMs(representative), 3200)
    near(estimateComparisonMs(large), 100_000)
    near(estimateAnalysisMs('frontier', { size: large }), 362_000)
    near(estimateAnalysisMs('integrality', { size: large }), 49_000)
    near(estimateAnalysisMs('contingency', { size: large, cases: 254, poolSize: 1 }), 127 * 4800)
  })

  it('grow with the scenario and shrink with more N-1 workers', () => {
    for (const kind of ['frontier', 'linkValues', 'contingency', 'integrality'] as const) {
      expect(estimateAnalysisMs(kind, { size: large })).toBeGreaterThan(
        estimateAnalysisMs(kind, { size: representative }),
      )
    }
    expect(
      estimateAnalysisMs('contingency', { size: large, cases: 254, poolSize: 4 }),
    ).toBeLessThan(estimateAnalysisMs('contingency', { size: large, cases: 254, poolSize: 2 }))
  })

  it('read as seconds or minutes', () => {
    expect(durationText(400)).toBe('about a second')
    expect(durationText(27_000)).toBe('about 27 s')
    expect(durationText(6 * 60_000)).toBe('about 6 min')
    expect(durationText(150_000)).toBe('about 2.5 min')
  })
})
