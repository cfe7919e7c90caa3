/**
 * Inputs shared by the editors. Each commits on Enter or blur; text that does not parse stays in
 * the field with an inline message and is never applied; Escape restores the stored value.
 */
import { useId, useState, type KeyboardEvent } from 'react'
import { parseNumber, plainNumber, toStored, type NumberRule } from './numbers.ts'

interface DraftState {
  draft: string | undefined
  error: string | undefined
}

function useDraft() {
  const [state, setState] = useState<DraftState>({ draft: undefined, error: undefined })
  const errorId = useId()
  return {
    ...state,
    errorId,
    edit: (draft: string) => setState({ draft, error: state.error }),
    fail: (error: string) => setState({ draft: state.draft, error }),
    reset: () => setState({ draft: undefined, error: undefined }),
  }
}

function keyHandler(commit: () => void, reset: () => void) {
  return (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      commit()
    } else if (event.key === 'Escape') {
      reset()
    }
  }
}

interface NumberFieldProps {
  /** Accessible name naming the entity and unit, e.g. "Length of link CC-DSO (km)". */
  label: string
  value: number | undefined
  /** Rule in display units. */
  rule: NumberRule
  onCommit: (value: number | undefined) => void
  /** Stored value = shown value × scale (e.g. 1e6 to show bits as Mbit). */
  scale?: number
  /** Visible unit after the field. */
  unit?: string
  placeholder?: string
  size?: 'small' | 'normal'
}

export function NumberField({
  label,
  value,
  rule,
  onCommit,
  scale = 1,
  unit,
  placeholder,
  size = 'small',
}: NumberFieldProps) {
  const d = useDraft()
  const shown = value === undefined ? '' : plainNumber(value / scale)
  const commit = (): void => {
    if (d.draft === undefined) return
    const parsed = parseNumber(d.draft, rule)
    if (!parsed.ok) {
      d.fail(parsed.message)
      return
    }
    d.reset()
    const stored = parsed.value === undefined ? undefined : toStored(parsed.value, scale)
    if (stored !== value) onCommit(stored)
  }
  return (
    <span className={`field field--${size}`}>
      <span className="field__row">
        <input
          type="text"
          inputMode="decimal"
          className="field__input"
          aria-label={label}
          aria-invalid={d.error !== undefined}
          aria-describedby={d.error !== undefined ? d.errorId : undefined}
          placeholder={placeholder}
          value={d.draft ?? shown}
          onChange={(e) => d.edit(e.target.value)}
          onBlur={commit}
          onKeyDown={keyHandler(commit, d.reset)}
        />
        {unit !== undefined && (
          <span className="field__unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </span>
      {d.error !== undefined && (
        <span id={d.errorId} className="field__error" role="alert">
          {d.error}
        </span>
      )}
    </span>
  )
}

interface TextFieldProps {
  label: string
  value: string
  /** Returns a message when the text cannot be used. */
  check?: (text: string) => string | undefined
  onCommit: (text: string) => void
  size?: 'small' | 'normal' | 'wide'
}

export function TextField({ label, value, check, onCommit, size = 'normal' }: TextFieldProps) {
  const d = useDraft()
  const commit = (): void => {
    if (d.draft === undefined) return
    const text = d.draft.trim()
    const problem = check?.(text)
    if (problem !== undefined) {
      d.fail(problem)
      return
    }
    d.reset()
    if (text !== value) onCommit(text)
  }
  return (
    <span className={`field field--${size}`}>
      <input
        type="text"
        className="field__input"
        aria-label={label}
        aria-invalid={d.error !== undefined}
        aria-describedby={d.error !== undefined ? d.errorId : undefined}
        value={d.draft ?? value}
        onChange={(e) => d.edit(e.target.value)}
        onBlur={commit}
        onKeyDown={keyHandler(commit, d.reset)}
      />
      {d.error !== undefined && (
        <span id={d.errorId} className="field__error" role="alert">
          {d.error}
        </span>
      )}
    </span>
  )
}
