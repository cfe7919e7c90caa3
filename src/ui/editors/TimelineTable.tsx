/**
 * Exact entry for the threat timeline: one row per attack window (label, start, end, multiplier,
 * processes hit) and per key-yield shock (label, start, end, factor, links hit). Start and end rules keep every
 * range within the horizon with start < end.
 */
import type { AttackWindow, Shock } from '../../domain/scenario/types.ts'
import { NumberField, TextField } from './fields.tsx'
import { rangeClock, setWindowProcesses, type SlotRange } from './timeline.ts'
import { SHOCK_FIELDS, WINDOW_FIELDS } from '../../domain/scenario/schema.ts'
import { editorRule } from './schemaRule.ts'

interface RangeCellsProps {
  name: string
  range: SlotRange
  slots: number
  slotMinutes: number
  onRange: (range: SlotRange) => void
}

function RangeCells({ name, range, slots, slotMinutes, onRange }: RangeCellsProps) {
  return (
    <>
      <td>
        <NumberField
          label={`Start slot of ${name}`}
          value={range.start}
          rule={{ min: 0, max: range.end - 1, integer: true }}
          onCommit={(v) => onRange({ start: v ?? range.start, end: range.end })}
        />
      </td>
      <td>
        <NumberField
          label={`End slot of ${name} (exclusive)`}
          value={range.end}
          rule={{ min: range.start + 1, max: slots, integer: true }}
          onCommit={(v) => onRange({ start: range.start, end: v ?? range.end })}
        />
        <span className="timeline-table__clock">{rangeClock(range, slotMinutes)}</span>
      </td>
    </>
  )
}

interface TableProps<T> {
  items: readonly T[]
  slots: number
  slotMinutes: number
  onEdit: (index: number, recipe: (item: T) => void) => void
  onRemove: (index: number) => void
}

const rangeOf = (w: { startSlot: number; endSlot: number }): SlotRange => ({
  start: w.startSlot,
  end: w.endSlot,
})

function setRange(item: { startSlot: number; endSlot: number }, range: SlotRange): void {
  item.startSlot = range.start
  item.endSlot = range.end
}

export function WindowTable({
  items,
  slots,
  slotMinutes,
  processIds,
  onEdit,
  onRemove,
}: TableProps<AttackWindow> & { processIds: readonly string[] }) {
  return (
    <table className="data-table editor-table timeline-table" data-testid="window-table">
      <caption>Attack windows</caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Start</th>
          <th scope="col">End</th>
          <th scope="col">× attacks</th>
          <th scope="col">Processes</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((w, i) => {
          const name = `attack window ${i + 1} (${w.label})`
          const all = w.processes === undefined
          return (
            <tr key={i}>
              <td>
                <TextField
                  label={`Label of attack window ${i + 1}`}
                  value={w.label}
                  onCommit={(text) => onEdit(i, (x) => (x.label = text))}
                />
              </td>
              <RangeCells
                name={name}
                range={rangeOf(w)}
                slots={slots}
                slotMinutes={slotMinutes}
                onRange={(r) => onEdit(i, (x) => setRange(x, r))}
              />
              <td>
                <NumberField
                  label={`Attack multiplier of ${name}`}
                  value={w.multiplier}
                  rule={editorRule(WINDOW_FIELDS.multiplier)}
                  onCommit={(v) => onEdit(i, (x) => (x.multiplier = v ?? x.multiplier))}
                />
              </td>
              <TargetsCell
                owner={name}
                noun="processes"
                ids={processIds}
                all={all}
                chosen={w.processes ?? []}
                // Unticked: an explicit list of every process, to narrow in the list.
                onAll={(checked) =>
                  onEdit(i, (x) => {
                    if (checked) delete x.processes
                    else x.processes = [...processIds]
                  })
                }
                onChoose={(chosen) => onEdit(i, (x) => setWindowProcesses(x, chosen, processIds))}
              />
              <td>
                <RemoveButton name={name} onClick={() => onRemove(i)} />
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function ShockTable({
  items,
  slots,
  slotMinutes,
  linkIds,
  onEdit,
  onRemove,
}: TableProps<Shock> & { linkIds: readonly string[] }) {
  return (
    <table className="data-table editor-table timeline-table" data-testid="shock-table">
      <caption>Key-yield shocks</caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Start</th>
          <th scope="col">End</th>
          <th scope="col">× key</th>
          <th scope="col">Links</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((sh, i) => {
          const name = `shock ${i + 1} (${sh.label})`
          const all = sh.links === 'all'
          return (
            <tr key={i}>
              <td>
                <TextField
                  label={`Label of shock ${i + 1}`}
                  value={sh.label}
                  onCommit={(text) => onEdit(i, (x) => (x.label = text))}
                />
              </td>
              <RangeCells
                name={name}
                range={rangeOf(sh)}
                slots={slots}
                slotMinutes={slotMinutes}
                onRange={(r) => onEdit(i, (x) => setRange(x, r))}
              />
              <td>
                <NumberField
                  label={`Key rate factor of ${name} (0 is an outage)`}
                  value={sh.factor}
                  rule={editorRule(SHOCK_FIELDS.factor)}
                  onCommit={(v) => onEdit(i, (x) => (x.factor = v ?? x.factor))}
                />
              </td>
              <TargetsCell
                owner={name}
                noun="links"
                ids={linkIds}
                all={all}
                chosen={sh.links === 'all' ? [] : sh.links}
                onAll={(checked) => onEdit(i, (x) => (x.links = checked ? 'all' : [...linkIds]))}
                onChoose={(chosen) => onEdit(i, (x) => (x.links = chosen))}
              />
              <td>
                <RemoveButton name={name} onClick={() => onRemove(i)} />
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

interface TargetsCellProps {
  /** The window or shock, in words, for the controls' labels. */
  owner: string
  noun: 'processes' | 'links'
  ids: readonly string[]
  all: boolean
  chosen: readonly string[]
  onAll: (checked: boolean) => void
  onChoose: (chosen: string[]) => void
}

/** What a window or shock hits: everything, or the ones chosen in the list. */
function TargetsCell({ owner, noun, ids, all, chosen, onAll, onChoose }: TargetsCellProps) {
  const Noun = noun === 'links' ? 'Links' : 'Processes'
  return (
    <td className="timeline-table__links">
      <label className="timeline-table__all">
        <input
          type="checkbox"
          checked={all}
          aria-label={`${owner} hits all ${noun}`}
          onChange={(e) => onAll(e.target.checked)}
        />
        all
      </label>
      <select
        multiple
        size={3}
        disabled={all}
        aria-label={`${Noun} hit by ${owner}`}
        value={[...chosen]}
        onChange={(e) => onChoose(Array.from(e.target.selectedOptions, (o) => o.value))}
      >
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </td>
  )
}

function RemoveButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="button button--small button--danger"
      aria-label={`Remove ${name}`}
      onClick={onClick}
    >
      ×
    </button>
  )
}
