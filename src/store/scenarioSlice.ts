/**
 * The scenario slice: the document the user edits. It is the single source of truth for the
 * scenario — the worker only ever gets copies — so a crashed or cancelled solve loses nothing.
 */
import type { StateCreator } from 'zustand'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
import { applyFix, type InfeasibilityFix } from '../domain/solve/applyFix.ts'
import { describeChange } from './describeChange.ts'
import type { AppState } from './index.ts'

/**
 * The edited document has the complete scenario shape (every default filled), so editors can rely
 * on every field; an edit may still make it invalid, which the solver reports by field path.
 */
export type ScenarioDocument = Scenario

/** Fills defaults of a document known to be valid (built-ins, accepted imports). */
export function completeScenario(document: unknown): Scenario {
  const result = validateScenario(document)
  if (!result.ok)
    throw new Error(`not a valid scenario: ${result.issues[0]?.path}: ${result.issues[0]?.message}`)
  return result.scenario
}

/** How many edits undo can go back. */
export const HISTORY_LIMIT = 200

export interface HistoryEntry {
  scenario: Scenario
  /** What the edit that left this state did, e.g. `qkd.vppShare 0.01 → 0.009`. */
  label: string
}

export interface ScenarioSlice {
  scenario: ScenarioDocument
  /** Incremented on every edit. */
  editCount: number
  /** States before each edit, oldest first (undo pops the last). */
  past: HistoryEntry[]
  /** States undone, most recent last (redo pops the last). */
  future: HistoryEntry[]
  /** Replaces the whole document (presets, imports), as one undoable step. */
  setScenario: (scenario: ScenarioDocument, label?: string) => void
  /** Applies an edit to a deep copy of the document, as one undoable step. */
  editScenario: (recipe: (draft: Scenario) => void) => void
  /**
   * Applies one of the fixes the solver checked for an infeasible scenario, as one undoable step
   * named after the fix.
   */
  applyInfeasibilityFix: (fix: InfeasibilityFix) => void
  /** Replaces the document without history (restoring a saved session). */
  restoreScenario: (scenario: ScenarioDocument) => void
  undo: () => void
  redo: () => void
}

type Slice = Pick<ScenarioSlice, 'scenario' | 'editCount' | 'past' | 'future'>

function record(s: Slice, next: Scenario, label?: string): Partial<Slice> {
  const description = label ?? describeChange(s.scenario, next)
  if (description === '') return {}
  const past = [...s.past, { scenario: s.scenario, label: description }].slice(-HISTORY_LIMIT)
  return { scenario: next, past, future: [], editCount: s.editCount + 1 }
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => ({
  scenario: completeScenario(representativeScenario()),
  editCount: 0,
  past: [],
  future: [],
  setScenario: (scenario, label) => set((s) => record(s, structuredClone(scenario), label)),
  editScenario: (recipe) =>
    set((s) => {
      const draft = structuredClone(s.scenario)
      recipe(draft)
      return record(s, draft)
    }),
  applyInfeasibilityFix: (fix) =>
    set((s) => record(s, applyFix(s.scenario, fix), `Fix: ${fix.text}`)),
  restoreScenario: (scenario) =>
    set((s) => ({
      scenario: structuredClone(scenario),
      past: [],
      future: [],
      editCount: s.editCount + 1,
    })),
  undo: () =>
    set((s) => {
      const last = s.past[s.past.length - 1]
      if (last === undefined) return {}
      return {
        scenario: last.scenario,
        past: s.past.slice(0, -1),
        future: [...s.future, { scenario: s.scenario, label: last.label }],
        editCount: s.editCount + 1,
      }
    }),
  redo: () =>
    set((s) => {
      const next = s.future[s.future.length - 1]
      if (next === undefined) return {}
      return {
        scenario: next.scenario,
        future: s.future.slice(0, -1),
        past: [...s.past, { scenario: s.scenario, label: next.label }],
        editCount: s.editCount + 1,
      }
    }),
})
