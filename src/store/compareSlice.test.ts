/**
 * The compare operations: copy A → B, swap (A changing through the normal undo history), clear,
 * load, and the compare undo that reverts each of them.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { tinyScenario } from '../domain/scenario/builtins/tiny.ts'
import { COMPARE_UNDO_LIMIT } from './compareSlice.ts'
import { useAppStore } from './index.ts'
import { completeScenario } from './scenarioSlice.ts'

const initial = useAppStore.getState()
const state = useAppStore.getState
const share = (): number => state().scenario.qkd.vppShare

beforeEach(() => {
  useAppStore.setState(initial, true)
})

describe('compare slice', () => {
  it('starts without B and pins a copy of A as B', () => {
    expect(state().compareB).toBeUndefined()
    state().copyAToB()
    expect(state().compareB).toEqual(state().scenario)
    expect(state().compareSource).toBe('Copied from A')
    expect(state().compareUndoStack.map((s) => s.label)).toEqual(['Copy A → B'])
    // B is a snapshot: later edits to A leave it alone.
    const pinned = share()
    state().editScenario((d) => void (d.qkd.vppShare = 0.02))
    expect(state().compareB?.qkd.vppShare).toBe(pinned)
  })

  it('swaps A and B, with A changed as one step of the normal undo', () => {
    const a0 = share()
    state().copyAToB()
    state().editScenario((d) => void (d.qkd.vppShare = 0.02))
    const revision = state().compareRevision
    state().swapAB()
    expect(share()).toBe(a0)
    expect(state().compareB?.qkd.vppShare).toBe(0.02)
    expect(state().compareRevision).toBe(revision + 1)
    expect(state().past.at(-1)?.label).toBe('Swap A ↔ B')
    // The app's own undo takes A back to before the swap (B is not part of that history).
    state().undo()
    expect(share()).toBe(0.02)
  })

  it('undoes a swap by swapping back, as a new step of the normal history', () => {
    state().copyAToB()
    state().editScenario((d) => void (d.qkd.vppShare = 0.02))
    state().swapAB()
    const steps = state().past.length
    state().undoCompare()
    expect(share()).toBe(0.02)
    expect(state().compareB?.qkd.vppShare).toBe(initial.scenario.qkd.vppShare)
    expect(state().compareSource).toBe('Copied from A')
    expect(state().past).toHaveLength(steps + 1)
    expect(state().past.at(-1)?.label).toBe('Undo swap A ↔ B')
    expect(state().compareUndoStack.map((s) => s.label)).toEqual(['Copy A → B'])
  })

  it('keeps edits made to A after a swap when the swap is undone (they move to B)', () => {
    state().copyAToB()
    state().editScenario((d) => void (d.qkd.vppShare = 0.02))
    state().swapAB()
    state().editScenario((d) => void (d.qkd.vppShare = 0.03))
    state().undoCompare()
    expect(share()).toBe(0.02)
    expect(state().compareB?.qkd.vppShare).toBe(0.03)
  })

  it('does nothing on swap or clear without B', () => {
    state().swapAB()
    state().clearB()
    expect(state().past).toEqual([])
    expect(state().compareUndoStack).toEqual([])
  })

  it('undoes copy, clear and load by restoring the previous B and its source', () => {
    const tiny = completeScenario(tinyScenario())
    state().loadB(tiny, 'Preset: tiny')
    expect(state().compareB).toBe(tiny)
    state().copyAToB()
    state().clearB()
    expect(state().compareB).toBeUndefined()
    expect(state().compareSolveState).toBe('idle')
    state().undoCompare()
    expect(state().compareB).toEqual(state().scenario)
    state().undoCompare()
    expect(state().compareB).toBe(tiny)
    expect(state().compareSource).toBe('Preset: tiny')
    state().undoCompare()
    expect(state().compareB).toBeUndefined()
    state().undoCompare()
    expect(state().compareB).toBeUndefined()
    // None of these touched A or its history.
    expect(state().past).toEqual([])
  })

  it('forgets B’s plan whenever B changes, so it is never shown for another B', () => {
    state().copyAToB()
    useAppStore.setState({
      compareOracleRevision: state().compareRevision,
      compareSolveState: 'ready',
    })
    state().loadB(completeScenario(tinyScenario()), 'Preset: tiny')
    expect(state().compareOracle).toBeUndefined()
    expect(state().compareSolveState).toBe('solving')
    expect(state().compareOracleRevision).not.toBe(state().compareRevision)
  })

  it('restores a saved B without making it an undoable step', () => {
    const tiny = completeScenario(tinyScenario())
    state().restoreB(tiny)
    expect(state().compareB).toBe(tiny)
    expect(state().compareSource).toBe('Kept from your last visit')
    expect(state().compareSolveState).toBe('solving')
    expect(state().compareUndoStack).toEqual([])
  })

  it(`keeps the last ${COMPARE_UNDO_LIMIT} compare operations`, () => {
    for (let i = 0; i < COMPARE_UNDO_LIMIT + 5; i++) state().copyAToB()
    expect(state().compareUndoStack).toHaveLength(COMPARE_UNDO_LIMIT)
  })
})
