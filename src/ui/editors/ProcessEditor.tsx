/**
 * The business processes: pick one, then edit its message rate and size, deadline, penalties,
 * impact, attack rate, policy floor (`minOption`) and its security options. Every field names the
 * process.
 */
import { useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Process, SecurityOption } from '../../domain/scenario/types.ts'
import { useAppStore } from '../../store/index.ts'
import { NumberField } from './fields.tsx'
import type { NumberRule } from './numbers.ts'
import { OptionRows } from './OptionRows.tsx'
import { PROCESS_FIELDS } from '../../domain/scenario/schema.ts'
import { editorRule } from './schemaRule.ts'

type NumericField =
  | 'messageBytes'
  | 'deadlineMs'
  | 'slaPenaltyEur'
  | 'impactEur'
  | 'impactEurPerMw'
  | 'attacksPerHour'

const FIELDS: ReadonlyArray<{
  field: NumericField
  text: string
  name: string
  unit: string
  rule: NumberRule
}> = [
  {
    field: 'messageBytes',
    text: 'Message size',
    name: 'Message size',
    unit: 'B',
    rule: editorRule(PROCESS_FIELDS.messageBytes),
  },
  {
    field: 'deadlineMs',
    text: 'Deadline',
    name: 'Deadline',
    unit: 'ms',
    rule: editorRule(PROCESS_FIELDS.deadlineMs),
  },
  {
    field: 'slaPenaltyEur',
    text: 'SLA penalty',
    name: 'SLA penalty per late message',
    unit: '€/msg',
    rule: editorRule(PROCESS_FIELDS.slaPenaltyEur),
  },
  {
    field: 'impactEur',
    text: 'Attack impact',
    name: 'Loss per successful attack',
    unit: '€',
    rule: editorRule(PROCESS_FIELDS.impactEur),
  },
  {
    field: 'impactEurPerMw',
    text: 'Impact per MW',
    name: 'Extra loss per successful attack per MW',
    unit: '€/MW',
    rule: editorRule(PROCESS_FIELDS.impactEurPerMw),
  },
  {
    field: 'attacksPerHour',
    text: 'Attacks',
    name: 'Baseline attack attempts',
    unit: 'per h',
    rule: editorRule(PROCESS_FIELDS.attacksPerHour),
  },
]

/**
 * The message rate: fleet-driven (per DER site behind the flow's gateway) when the process has
 * `messagesPerSitePerHour`, else a fixed rate per flow. Bounds from the schema.
 */
function rateField(process: Process): {
  field: 'messagesPerSitePerHour' | 'messagesPerHour'
  unit: string
  unitName: string
  rule: NumberRule
} {
  return process.messagesPerSitePerHour !== undefined
    ? {
        field: 'messagesPerSitePerHour',
        unit: 'msg/site/h',
        unitName: 'messages per site per hour',
        rule: editorRule(PROCESS_FIELDS.messagesPerSitePerHour),
      }
    : {
        field: 'messagesPerHour',
        unit: 'msg/h',
        unitName: 'messages per hour',
        rule: editorRule(PROCESS_FIELDS.messagesPerHour),
      }
}

const UNIT_NAME: Record<string, string> = {
  B: 'bytes',
  ms: 'ms',
  '€/msg': '€ per message',
  '€': '€',
  '€/MW': '€ per MW',
  'per h': 'per hour',
}

export function ProcessEditor() {
  const { processes, classicalSuccessBound, editScenario } = useAppStore(
    useShallow((s) => ({
      processes: s.scenario.processes,
      classicalSuccessBound: s.scenario.threat.classicalSuccessBound,
      editScenario: s.editScenario,
    })),
  )
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  const ids = useId()
  const process = processes.find((p) => p.id === chosen) ?? processes[0]
  const edit = (recipe: (p: Process) => void): void => {
    if (process === undefined) return
    const id = process.id
    editScenario((d) => {
      const p = d.processes.find((x) => x.id === id)
      if (p !== undefined) recipe(p)
    })
  }
  const editOption = (index: number, recipe: (o: SecurityOption) => void): void =>
    edit((p) => {
      const o = p.options[index]
      if (o !== undefined) recipe(o)
    })

  return (
    <section
      className="panel process-editor"
      aria-labelledby="process-editor-title"
      data-testid="process-editor"
    >
      <header className="panel__header">
        <h2 id="process-editor-title">Business processes</h2>
        <label className="process-editor__pick">
          <span>Process</span>
          <select
            aria-label="Process to edit"
            value={process?.id ?? ''}
            onChange={(e) => setChosen(e.target.value)}
          >
            {processes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label === p.id ? p.id : `${p.label} (${p.id})`}
              </option>
            ))}
          </select>
        </label>
      </header>
      {process === undefined ? (
        <p className="panel__hint">The scenario has no processes.</p>
      ) : (
        <div key={process.id} data-process-id={process.id}>
          <div className="process-editor__grid">
            <RateField process={process} edit={edit} />
            {FIELDS.map(({ field, text, name, unit, rule }) => (
              <label key={field} className="map-form__field">
                <span aria-hidden="true">{text}</span>
                <NumberField
                  label={`${name} of process ${process.id} (${UNIT_NAME[unit] ?? unit})`}
                  value={process[field]}
                  rule={rule}
                  unit={unit}
                  onCommit={(v) => edit((p) => (p[field] = v ?? p[field]))}
                />
              </label>
            ))}
            <label className="map-form__field" htmlFor={`${ids}-min`}>
              <span aria-hidden="true">Weakest allowed</span>
              <select
                id={`${ids}-min`}
                aria-label={`Weakest option allowed for process ${process.id}`}
                value={process.minOption ?? ''}
                onChange={(e) => {
                  const value = e.target.value
                  edit((p) => {
                    if (value === '') delete p.minOption
                    else p.minOption = value
                  })
                }}
              >
                <option value="">none (all options)</option>
                {process.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.id} – {o.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <h3 className="process-editor__options">Security options, weakest first</h3>
          <OptionRows
            process={process}
            classicalSuccessBound={classicalSuccessBound}
            onEdit={editOption}
          />
        </div>
      )}
    </section>
  )
}

function RateField({
  process,
  edit,
}: {
  process: Process
  edit: (recipe: (p: Process) => void) => void
}) {
  const { field, unit, unitName, rule } = rateField(process)
  return (
    <label className="map-form__field">
      <span aria-hidden="true">Message rate</span>
      <NumberField
        label={`Message rate of process ${process.id} (${unitName})`}
        value={process[field]}
        rule={rule}
        unit={unit}
        onCommit={(v) =>
          edit((p) => {
            if (v !== undefined) p[field] = v
          })
        }
      />
    </label>
  )
}
