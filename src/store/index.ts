/**
 * The app store: three slices combined into one zustand store.
 */
import { create } from 'zustand'
import { createResultSlice, type ResultSlice } from './resultSlice.ts'
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.ts'
import { createUiSlice, type UiSlice } from './uiSlice.ts'

export type AppState = ScenarioSlice & ResultSlice & UiSlice

export const useAppStore = create<AppState>()((...a) => ({
  ...createScenarioSlice(...a),
  ...createResultSlice(...a),
  ...createUiSlice(...a),
}))
