/**
 * Where the scenario is kept: "Saved in this browser" after each autosave, or a warning that
 * names the problem when saving failed (so the user can export a file instead).
 */
import { useAppStore } from '../../store/index.ts'

export function SaveStatus() {
  const status = useAppStore((s) => s.saveStatus)
  if (status.state === 'idle') return null
  if (status.state === 'error') {
    return (
      <p className="save-status save-status--error" role="alert" data-testid="save-status">
        {status.message}
      </p>
    )
  }
  const time = status.at.slice(11, 16)
  return (
    <p className="save-status" data-testid="save-status" data-saved-at={status.at}>
      {status.restored
        ? `Restored your scenario saved at ${time} UTC`
        : `Saved in this browser at ${time} UTC`}
    </p>
  )
}
