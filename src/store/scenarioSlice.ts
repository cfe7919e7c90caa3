/**
 * The scenario slice: the document the user edits. It is the single source of truth for the
 * scenario — the worker only ever gets copies — so a crashed or cancelled solve loses nothing.
 */
import type { StateCreator } from 'zustand'
import { representativeScenario } from '../domain/scenario/builtins/representative.ts'
import type { Scenario } from '../domain/scenario/types.ts'
import { validateScenario } from '../domain/scenario/validate.ts'
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

export interface ScenarioSlice {
  scenario: ScenarioDocument
  /** Incremented on every edit. */
  editCount: number
  /** Replaces the whole document (presets, imports). */
  setScenario: (scenario: ScenarioDocument) => void
  /** Applies an edit to a deep copy of the document. */
  editScenario: (recipe: (draft: Scenario) => void) => void
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => ({
  scenario: completeScenario(representativeScenario()),
  editCount: 0,
  setScenario: (scenario) =>
    set((s) => ({ scenario: structuredClone(scenario), editCount: s.editCount + 1 })),
  editScenario: (recipe) =>
    set((s) => {
      const draft = structuredClone(s.scenario)
      recipe(draft)
      return { scenario: draft, editCount: s.editCount + 1 }
    }),
})
