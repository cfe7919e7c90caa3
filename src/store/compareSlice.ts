/**
 * The compare slice: scenario B, kept beside the edited scenario A for an A/B comparison, with
 * B's own oracle plan and an undo stack of its own for the compare operations (copy A → B,
 * swap, clear, load into B).
 *
 * A is only ever changed through the scenario slice (`setScenario`), so a swap is also one step
 * of the app's normal undo. B changes only through these operations, which is what lets a
 * compare undo simply restore the previous B, and undo a swap by swapping again: whatever A has
 * become since, nothing is lost — A's edits move to B.
 */
import type { StateCreator } from 'zustand'
import type { Scenario } from '../domain/scenario/types.ts'
import type { OraclePlan } from '../worker/api.ts'
import type { AppState } from './index.ts'

/** How many compare operations the compare undo can go back. */
export const COMPARE_UNDO_LIMIT = 50

export type CompareSolveState = 'idle' | 'solving' | 'ready' | 'error'

export type CompareStep =
  | { kind: 'set-b'; label: string; previousB: Scenario | undefined; previousSource: string }
  | { kind: 'swap'; label: string; previousSource: string }

export interface CompareSlice {
  /** Scenario B; undefined until the user pins one. */
  compareB: Scenario | undefined
  /** Where B came from, e.g. `Copied from A`, `Preset: tiny`, `File: day.json`. */
  compareSource: string
  /** Incremented whenever B changes. */
  compareRevision: number
  /** B's oracle plan, for `compareOracleRevision`. */
  compareOracle: OraclePlan | undefined
  compareOracleRevision: number
  compareSolveState: CompareSolveState
  /** Why B has no plan (invalid, infeasible, stopped), naming fields where it can. */
  compareProblem: string | undefined
  /** Compare operations, oldest first (compare undo pops the last). */
  compareUndoStack: CompareStep[]
  /** B ← a copy of A ("Pin current as B"). */
  copyAToB: () => void
  /** A ↔ B; A changes as one step of the normal undo history. */
  swapAB: () => void
  clearB: () => void
  /** B ← a given scenario (a preset or an imported file), labelled by its source. */
  loadB: (scenario: Scenario, source: string) => void
  /** Reverts the last compare operation. */
  undoCompare: () => void
  /** Asks for B's plan again after a failed or stopped solve (not an undoable step). */
  solveBAgain: () => void
  /** Puts back the B saved on the last visit (not an undoable step). */
  restoreB: (scenario: Scenario) => void
}

type Get = () => AppState
type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void

function pushStep(s: AppState, step: CompareStep): CompareStep[] {
  return [...s.compareUndoStack, step].slice(-COMPARE_UNDO_LIMIT)
}

/** B (and its plan) becomes `next`; the plan is found again by the compare runner. */
function withB(s: AppState, next: Scenario | undefined, source: string): Partial<AppState> {
  return {
    compareB: next,
    compareSource: source,
    compareRevision: s.compareRevision + 1,
    compareOracle: undefined,
    compareSolveState: next === undefined ? 'idle' : 'solving',
    compareProblem: undefined,
  }
}

function setB(set: Set, next: Scenario | undefined, source: string, label: string): void {
  set((s) => ({
    ...withB(s, next, source),
    compareUndoStack: pushStep(s, {
      kind: 'set-b',
      label,
      previousB: s.compareB,
      previousSource: s.compareSource,
    }),
  }))
}

/** A ↔ B without touching the compare stack (the swap itself, and its undo). */
function exchange(get: Get, set: Set, label: string, source: string): boolean {
  const { scenario: a, compareB: b } = get()
  if (b === undefined) return false
  get().setScenario(b, label)
  set((s) => withB(s, a, source))
  return true
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => ({
  compareB: undefined,
  compareSource: '',
  compareRevision: 0,
  compareOracle: undefined,
  compareOracleRevision: -1,
  compareSolveState: 'idle',
  compareProblem: undefined,
  compareUndoStack: [],
  // The edited document is never mutated in place (every edit makes a copy), so B may share it.
  copyAToB: () => setB(set, get().scenario, 'Copied from A', 'Copy A → B'),
  swapAB: () => {
    const previousSource = get().compareSource
    if (exchange(get, set, 'Swap A ↔ B', 'Former A (swapped)')) {
      set((s) => ({
        compareUndoStack: pushStep(s, { kind: 'swap', label: 'Swap A ↔ B', previousSource }),
      }))
    }
  },
  clearB: () => {
    if (get().compareB !== undefined) setB(set, undefined, '', 'Clear B')
  },
  loadB: (scenario, source) => setB(set, scenario, source, `Load ${source} into B`),
  undoCompare: () => {
    const step = get().compareUndoStack.at(-1)
    if (step === undefined) return
    set((s) => ({ compareUndoStack: s.compareUndoStack.slice(0, -1) }))
    if (step.kind === 'swap') exchange(get, set, 'Undo swap A ↔ B', step.previousSource)
    else set((s) => withB(s, step.previousB, step.previousSource))
  },
  solveBAgain: () => set((s) => withB(s, s.compareB, s.compareSource)),
  restoreB: (scenario) => set((s) => withB(s, scenario, 'Kept from your last visit')),
})
