/**
 * Title bar: the scenario's name, a preset picker and the solve status.
 */
import { BUILTIN_SCENARIOS, isBuiltinName } from '../../domain/scenario/builtins/index.ts'
import {
  applyThreatPreset,
  isThreatPreset,
  THREAT_PRESETS,
  type ThreatPreset,
} from '../../domain/scenario/threatPresets.ts'
import { useAppStore } from '../../store/index.ts'
import { completeScenario } from '../../store/scenarioSlice.ts'
import { FileControls } from '../io/FileControls.tsx'
import { SaveStatus } from '../status/SaveStatus.tsx'
import { SolveStatus } from '../status/SolveStatus.tsx'

export function Header() {
  const name = useAppStore((s) => s.scenario.name)
  const setScenario = useAppStore((s) => s.setScenario)
  return (
    <header className="header">
      <div className="header__title">
        <h1>QKD-VPP Key Planner</h1>
        <span className="header__scenario" data-testid="scenario-name">
          {name}
        </span>
        <SaveStatus />
      </div>
      <FileControls />
      <label className="header__preset">
        Preset
        <select
          defaultValue=""
          onChange={(e) => {
            const choice = e.target.value
            if (isBuiltinName(choice)) {
              setScenario(
                completeScenario(BUILTIN_SCENARIOS[choice]()),
                `Loaded the ${choice} preset`,
              )
            } else if (choice.startsWith('threat:') && isThreatPreset(choice.slice(7))) {
              const preset = choice.slice(7) as ThreatPreset
              setScenario(
                applyThreatPreset(useAppStore.getState().scenario, preset),
                `Threat preset: ${preset}`,
              )
            }
            e.target.value = ''
          }}
        >
          <option value="" disabled>
            Load a scenario or threat preset…
          </option>
          <option value="representative">Representative VPP day</option>
          <option value="tiny">Tiny relay example</option>
          <option value="large">Large metro VPP (200+ flows)</option>
          <optgroup label="Threat presets (keep network, fleet and processes)">
            {(Object.keys(THREAT_PRESETS) as ThreatPreset[]).map((key) => (
              <option key={key} value={`threat:${key}`}>
                {THREAT_PRESETS[key]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <SolveStatus />
    </header>
  )
}
