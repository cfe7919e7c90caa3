/**
 * Shown when another tab saved a different scenario: load theirs, or keep this one (its next
 * save will replace theirs, knowingly rather than silently).
 */
import { useAppStore } from '../../store/index.ts'

export function OtherTabNotice() {
  const other = useAppStore((s) => s.otherTabSave)
  if (other === undefined) return null
  return (
    <section className="problem other-tab" role="alert" data-testid="other-tab-notice">
      <h2>Another tab changed the saved scenario</h2>
      <p>
        “{other.scenario.name}” was saved in another tab at {other.savedAt.slice(11, 16)} UTC. If
        you keep editing here, your next change replaces it.
      </p>
      <div className="problem__fixes">
        <button
          type="button"
          className="button"
          onClick={() => {
            useAppStore
              .getState()
              .setScenario(other.scenario, 'Loaded the scenario saved in another tab')
            useAppStore.setState({ otherTabSave: undefined })
          }}
        >
          Load the other tab’s scenario
        </button>
        <button
          type="button"
          className="button"
          onClick={() => useAppStore.setState({ otherTabSave: undefined })}
        >
          Keep this one
        </button>
      </div>
    </section>
  )
}
