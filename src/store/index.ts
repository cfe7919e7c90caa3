/**
 * The app store: five slices combined into one zustand store.
 */
import { create } from 'zustand'
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice.ts'
import { createCompareSlice, type CompareSlice } from './compareSlice.ts'
import { createResultSlice, type ResultSlice } from './resultSlice.ts'
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.ts'
import { createUiSlice, type UiSlice } from './uiSlice.ts'

export type AppState = ScenarioSlice & ResultSlice & UiSlice & AnalysisSlice & CompareSlice

export const useAppStore = create<AppState>()((...a) => ({
  ...createScenarioSlice(...a),
  ...createResultSlice(...a),
  ...createUiSlice(...a),
  ...createAnalysisSlice(...a),
  ...createCompareSlice(...a),
}))
