/**
 * Scaling regression found by the fuzz suite (`domain/fuzz`): the terminal shortfall's cost is an
 * objective coefficient like any other, so it bounds the money unit too.
 */
import { describe, expect, it } from 'vitest'
import { buildInstance } from '../derive/instance.ts'
import { tinyScenario } from '../scenario/builtins/tiny.ts'
import { mustValidate } from '../solve/testScenarios.ts'
import { terminalCostScaled } from './buildOracleModel.ts'
import { chooseScaling } from './scaling.ts'

describe('money unit', () => {
  it('keeps the terminal cost within about 2^50 units when every other cost is 1e-300 €', () => {
    // Before, the unit followed the 1e-300 € costs alone and the terminal column cost 2e298
    // units, which the tie-break stage turned into a NaN objective.
    const instance = buildInstance(mustValidate(tinyScenario()), 0)
    expect(instance.terminalKeyEurPerBit).toBeGreaterThan(0)
    const scaling = chooseScaling(instance, Float64Array.of(1e-300, 3e-300, 0))
    const terminal = terminalCostScaled(instance, scaling)
    expect(Number.isFinite(terminal)).toBe(true)
    expect(terminal).toBeLessThanOrEqual(2 ** 51)
  })
})
