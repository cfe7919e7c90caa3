/**
 * The compare operations: pin A as B (copy A → B), swap A ↔ B, undo the last compare operation,
 * clear B, and load a preset or a scenario file into B. All are native buttons and a select, so
 * each works from the keyboard; a file with problems leaves B unchanged and lists each problem.
 */
import { useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { BUILTIN_SCENARIOS, isBuiltinName } from '../../domain/scenario/builtins/index.ts'
import {
  applyThreatPreset,
  isThreatPreset,
  THREAT_PRESETS,
  type ThreatPreset,
} from '../../domain/scenario/threatPresets.ts'
import { useAppStore } from '../../store/index.ts'
import { completeScenario } from '../../store/scenarioSlice.ts'
import { parseScenarioText } from '../io/importScenario.ts'

type FileProblem = { fileName: string; issues: Array<{ path: string; message: string }> }

function loadPresetIntoB(choice: string): void {
  const { loadB, scenario } = useAppStore.getState()
  if (isBuiltinName(choice)) {
    loadB(completeScenario(BUILTIN_SCENARIOS[choice]()), `Preset: ${choice}`)
  } else if (choice.startsWith('threat:') && isThreatPreset(choice.slice(7))) {
    const preset = choice.slice(7) as ThreatPreset
    loadB(applyThreatPreset(scenario, preset), `A with threat preset: ${preset}`)
  }
}

export function CompareToolbar() {
  const { hasB, lastStep, copyAToB, swapAB, clearB, undoCompare } = useAppStore(
    useShallow((s) => ({
      hasB: s.compareB !== undefined,
      lastStep: s.compareUndoStack.at(-1)?.label,
      copyAToB: s.copyAToB,
      swapAB: s.swapAB,
      clearB: s.clearB,
      undoCompare: s.undoCompare,
    })),
  )
  const fileInput = useRef<HTMLInputElement>(null)
  const [problem, setProblem] = useState<FileProblem | undefined>(undefined)
  const loadFile = async (file: File): Promise<void> => {
    const result = parseScenarioText(await file.text())
    if (result.ok) {
      useAppStore.getState().loadB(result.scenario, `File: ${file.name}`)
      setProblem(undefined)
    } else {
      setProblem({ fileName: file.name, issues: result.issues })
    }
  }
  return (
    <div className="compare-toolbar" role="toolbar" aria-label="Compare A/B">
      <button type="button" className="button" onClick={copyAToB}>
        {hasB ? 'Copy A → B' : 'Pin current as B'}
      </button>
      <button
        type="button"
        className="button"
        onClick={swapAB}
        disabled={!hasB}
        title="A becomes B and B becomes A; A's change is also a step of the normal undo"
      >
        Swap A ↔ B
      </button>
      <button
        type="button"
        className="button"
        onClick={undoCompare}
        disabled={lastStep === undefined}
        aria-label={lastStep === undefined ? 'Undo compare step' : `Undo ${lastStep}`}
        data-testid="compare-undo"
      >
        Undo
        {lastStep !== undefined && <span className="compare-toolbar__step"> ({lastStep})</span>}
      </button>
      <button type="button" className="button" onClick={clearB} disabled={!hasB}>
        Clear B
      </button>
      <label className="compare-toolbar__load">
        <span className="visually-hidden">Load a preset into B</span>
        <select
          defaultValue=""
          onChange={(e) => {
            loadPresetIntoB(e.target.value)
            e.target.value = ''
          }}
        >
          <option value="" disabled>
            Load into B…
          </option>
          <option value="representative">Representative VPP day</option>
          <option value="tiny">Tiny relay example</option>
          <option value="large">Large metro VPP (200+ flows)</option>
          <optgroup label="A with a threat preset">
            {(Object.keys(THREAT_PRESETS) as ThreatPreset[]).map((key) => (
              <option key={key} value={`threat:${key}`}>
                {THREAT_PRESETS[key]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <button type="button" className="button" onClick={() => fileInput.current?.click()}>
        Load file into B…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file !== undefined) void loadFile(file)
          event.target.value = ''
        }}
      />
      {problem !== undefined && (
        <div className="compare-toolbar__problem" role="alert" data-testid="compare-file-problem">
          <p>
            {problem.fileName} was not loaded into B; it has {problem.issues.length} problem
            {problem.issues.length === 1 ? '' : 's'}:
          </p>
          <ul>
            {problem.issues.slice(0, 20).map((issue) => (
              <li key={`${issue.path} ${issue.message}`}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--small"
            onClick={() => setProblem(undefined)}
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
