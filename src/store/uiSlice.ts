/**
 * The UI slice: view choices that do not change the plan.
 */
import type { StateCreator } from 'zustand'
import type { SaveAnnouncement } from './tabSync.ts'
import type { AppState } from './index.ts'

/** `linkValue`: € per day for 1 kb/s more link rate, from the decision-support link values. */
export type MapColouring = 'price' | 'utilization' | 'linkValue'

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saved'; at: string; restored: boolean }
  | { state: 'error'; message: string }

export interface UiSlice {
  mapColouring: MapColouring
  /** Charts shown as tables instead of plots, by chart id. */
  tableView: Record<string, boolean>
  selectedLinkId: string | undefined
  /** Whether the scenario is safely stored in this browser. */
  saveStatus: SaveStatus
  /** Another tab saved a different scenario since this one loaded or saved. */
  otherTabSave: SaveAnnouncement | undefined
  /** Why the last import was refused (nothing was applied). */
  importProblem: { fileName: string; issues: Array<{ path: string; message: string }> } | undefined
  setMapColouring: (mode: MapColouring) => void
  toggleTableView: (chartId: string) => void
  selectLink: (id: string | undefined) => void
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  mapColouring: 'price',
  tableView: {},
  selectedLinkId: undefined,
  saveStatus: { state: 'idle' },
  importProblem: undefined,
  otherTabSave: undefined,
  setMapColouring: (mapColouring) => set({ mapColouring }),
  toggleTableView: (chartId) =>
    set((s) => ({ tableView: { ...s.tableView, [chartId]: !s.tableView[chartId] } })),
  selectLink: (selectedLinkId) => set({ selectedLinkId }),
})
