/**
 * Wires persistence to the store: restore once at start-up, then save after edits (debounced).
 */
import { useAppStore } from './index.ts'
import { AUTOSAVE_DEBOUNCE_MS, loadSavedScenario, saveScenario } from './persistence.ts'
import { announceSave, startTabSync } from './tabSync.ts'

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Restores the last saved scenario (if any), then keeps saving. Returns a stop function. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  // True only while the restored scenario is being applied: that change needs no save, but an
  // edit the user makes while the saved scenario is still loading does.
  let applyingRestore = false
  const set = useAppStore.setState
  startTabSync()
  void loadSavedScenario()
    .then((saved) => {
      if (saved !== undefined && useAppStore.getState().editCount === 0) {
        applyingRestore = true
        useAppStore.getState().restoreScenario(saved.scenario)
        applyingRestore = false
        set({ saveStatus: { state: 'saved', at: saved.savedAt, restored: true } })
      }
    })
    .catch((error: unknown) => {
      set({
        saveStatus: {
          state: 'error',
          message: `Could not read the saved scenario: ${describe(error)}.`,
        },
      })
    })
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario === previous.scenario || applyingRestore) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      const scenario = useAppStore.getState().scenario
      saveScenario(scenario).then(
        () => {
          const at = new Date().toISOString()
          set({ saveStatus: { state: 'saved', at, restored: false }, otherTabSave: undefined })
          announceSave(scenario, at)
        },
        (error: unknown) =>
          set({
            saveStatus: {
              state: 'error',
              message: `Your changes are NOT saved in this browser: ${describe(error)}. Export the scenario as a file to keep it.`,
            },
          }),
      )
    }, AUTOSAVE_DEBOUNCE_MS)
  })
  return () => {
    unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
  }
}
