/**
 * Keeps scenario B across visits: restored once at start-up (unless the user already chose a B),
 * then saved shortly after every compare operation. B lives in the same browser storage as A,
 * whose autosave already reports a failing storage in the header, so a failed save of B is not
 * announced a second time; it only means B is not kept.
 */
import { useAppStore } from './index.ts'
import {
  AUTOSAVE_DEBOUNCE_MS,
  loadSavedCompareScenario,
  saveCompareScenario,
} from './persistence.ts'

/** Restores the saved B (if any), then keeps saving it. Returns a stop function. */
export function startCompareAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  // True only while the restored B is being applied: it is already saved.
  let applyingRestore = false
  void loadSavedCompareScenario()
    .then((saved) => {
      const s = useAppStore.getState()
      if (saved === undefined || s.compareB !== undefined || s.compareUndoStack.length > 0) return
      applyingRestore = true
      s.restoreB(saved)
      applyingRestore = false
    })
    .catch(() => undefined)
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.compareB === previous.compareB || applyingRestore) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      saveCompareScenario(useAppStore.getState().compareB).catch(() => undefined)
    }, AUTOSAVE_DEBOUNCE_MS)
  })
  return () => {
    unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
  }
}
