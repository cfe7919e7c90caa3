/**
 * The budget control: the share of every link's key this VPP may use. An accessible range input
 * labelled "VPP key share" with an exact-value entry beside it (users miss hidden exact entry).
 */
import { useId, useState, type ChangeEvent } from 'react'
import { useAppStore } from '../../store/index.ts'

const MIN_PERCENT = 0
const MAX_PERCENT = 10
const STEP_PERCENT = 0.05

export function ShareSlider() {
  const share = useAppStore((s) => s.scenario.qkd.vppShare)
  const editScenario = useAppStore((s) => s.editScenario)
  const id = useId()
  const percent = Math.round(share * 10000) / 100
  const [draft, setDraft] = useState<string | undefined>(undefined)
  const apply = (value: number): void => {
    if (!Number.isFinite(value)) return
    const clamped = Math.min(100, Math.max(0, value))
    editScenario((d) => {
      d.qkd.vppShare = clamped / 100
    })
  }
  const onRange = (event: ChangeEvent<HTMLInputElement>): void => apply(Number(event.target.value))
  const commitDraft = (): void => {
    if (draft !== undefined && draft.trim() !== '') apply(Number(draft))
    setDraft(undefined)
  }
  return (
    <div className="share-slider" data-testid="share-slider">
      <label htmlFor={id} className="share-slider__label">
        VPP key share
      </label>
      <input
        id={id}
        type="range"
        min={MIN_PERCENT}
        max={MAX_PERCENT}
        step={STEP_PERCENT}
        value={Math.min(MAX_PERCENT, percent)}
        onChange={onRange}
        aria-valuetext={`${percent} percent of every link's key rate`}
      />
      <span className="share-slider__exact">
        <input
          type="number"
          aria-label="VPP key share, exact percent"
          min={0}
          max={100}
          step={0.01}
          value={draft ?? String(percent)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commitDraft}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitDraft()
          }}
        />
        <span aria-hidden="true">%</span>
      </span>
    </div>
  )
}
