/**
 * Undo and redo over every edit, with the usual shortcuts (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y)
 * and a visible list of recent edits; choosing one goes back to just before it.
 */
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/index.ts'

const SHOWN = 8

/** Text fields keep their own native undo. */
function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || isTextEditing(event.target)) return
      const key = event.key.toLowerCase()
      const { undo, redo } = useAppStore.getState()
      if (key === 'z' && !event.shiftKey) undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

export function HistoryPanel() {
  const { past, future, undo, redo } = useAppStore(
    useShallow((s) => ({ past: s.past, future: s.future, undo: s.undo, redo: s.redo })),
  )
  useUndoShortcuts()
  const recent = past.slice(-SHOWN).reverse()
  return (
    <section className="panel history" aria-labelledby="history-title" data-testid="history">
      <div className="history__bar">
        <h2 id="history-title">History</h2>
        <button
          type="button"
          className="button button--small"
          onClick={undo}
          disabled={past.length === 0}
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={redo}
          disabled={future.length === 0}
          aria-keyshortcuts="Control+Shift+Z"
        >
          Redo
        </button>
        <span className="history__count">
          {past.length} edit{past.length === 1 ? '' : 's'}
          {future.length > 0 ? `, ${future.length} undone` : ''}
        </span>
      </div>
      {recent.length === 0 ? (
        <p className="history__empty">No edits yet. Every change can be undone here.</p>
      ) : (
        <ol className="history__list" reversed start={past.length}>
          {recent.map((entry, i) => (
            <li key={past.length - i}>
              <button
                type="button"
                className="history__entry"
                title="Go back to just before this edit"
                onClick={() => {
                  for (let n = 0; n <= i; n++) useAppStore.getState().undo()
                }}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
