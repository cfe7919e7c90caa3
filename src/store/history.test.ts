/**
 * Undo and redo over the scenario slice, and the labels the history shows.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { describeChange } from './describeChange.ts'
import { useAppStore } from './index.ts'
import { completeScenario, HISTORY_LIMIT } from './scenarioSlice.ts'

const initial = useAppStore.getState()

beforeEach(() => {
  useAppStore.setState(initial, true)
})

describe('undo history', () => {
  it('undoes and redoes edits in order', () => {
    const { editScenario } = useAppStore.getState()
    const share0 = useAppStore.getState().scenario.qkd.vppShare
    editScenario((d) => void (d.qkd.vppShare = 0.02))
    editScenario((d) => void (d.qkd.vppShare = 0.03))
    expect(useAppStore.getState().past.map((e) => e.label)).toEqual([
      `qkd.vppShare ${share0} → 0.02`,
      'qkd.vppShare 0.02 → 0.03',
    ])
    useAppStore.getState().undo()
    expect(useAppStore.getState().scenario.qkd.vppShare).toBe(0.02)
    useAppStore.getState().undo()
    expect(useAppStore.getState().scenario.qkd.vppShare).toBe(share0)
    useAppStore.getState().undo()
    expect(useAppStore.getState().scenario.qkd.vppShare).toBe(share0)
    useAppStore.getState().redo()
    useAppStore.getState().redo()
    expect(useAppStore.getState().scenario.qkd.vppShare).toBe(0.03)
    expect(useAppStore.getState().future).toEqual([])
  })

  it('forgets the redo branch after a new edit', () => {
    const { editScenario } = useAppStore.getState()
    editScenario((d) => void (d.qkd.vppShare = 0.02))
    useAppStore.getState().undo()
    editScenario((d) => void (d.seed = 5))
    expect(useAppStore.getState().future).toEqual([])
    useAppStore.getState().redo()
    expect(useAppStore.getState().scenario.seed).toBe(5)
  })

  it('keeps at least 100 steps, capped at HISTORY_LIMIT', () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100)
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) {
      useAppStore.getState().editScenario((d) => void (d.seed = i))
    }
    expect(useAppStore.getState().past).toHaveLength(HISTORY_LIMIT)
    for (let i = 0; i < 150; i++) useAppStore.getState().undo()
    expect(useAppStore.getState().scenario.seed).toBe(HISTORY_LIMIT + 20 - 150)
  })

  it('records an edit that changes nothing as no step', () => {
    useAppStore.getState().editScenario(() => undefined)
    expect(useAppStore.getState().past).toEqual([])
  })

  it('loads a preset as one labelled step and restores a saved session without history', () => {
    useAppStore.getState().setScenario(completeScenario(tinyScenario()), 'Loaded the tiny preset')
    expect(useAppStore.getState().past.map((e) => e.label)).toEqual(['Loaded the tiny preset'])
    useAppStore.getState().restoreScenario(completeScenario(tinyScenario()))
    expect(useAppStore.getState().past).toEqual([])
  })

  it('applies a checked infeasibility fix as one undoable step named after it', () => {
    const before = useAppStore.getState().scenario
    useAppStore.getState().editScenario((d) => void (d.policy.holdAllowed = false))
    const text = 'allow holding messages (policy.holdAllowed)'
    useAppStore.getState().applyInfeasibilityFix({ kind: 'allow-hold', text })
    expect(useAppStore.getState().scenario.policy.holdAllowed).toBe(true)
    expect(useAppStore.getState().past.at(-1)?.label).toBe(`Fix: ${text}`)
    useAppStore.getState().undo()
    expect(useAppStore.getState().scenario.policy.holdAllowed).toBe(false)
    useAppStore.getState().undo()
    expect(useAppStore.getState().scenario).toEqual(before)
  })
})

describe('describeChange', () => {
  it('names the changed paths with old and new values', () => {
    const a = { qkd: { links: [{ id: 'L', lengthKm: 10 }] }, name: 'x' }
    const b = { qkd: { links: [{ id: 'L', lengthKm: 12.5 }] }, name: 'x' }
    expect(describeChange(a, b)).toBe('qkd.links[0].lengthKm 10 → 12.5')
    expect(describeChange(a, a)).toBe('')
    expect(describeChange({ list: [1, 2] }, { list: [1, 2, 3] })).toBe('list [2] → [3]')
    expect(describeChange({ a: 1, b: 2, c: 3 }, { a: 2, b: 3, c: 4 })).toBe(
      'a 1 → 2; b 2 → 3; and more',
    )
  })
})
