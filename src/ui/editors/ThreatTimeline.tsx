/**
 * Threats over the day: attack windows (attempts multiplied) and key-yield shocks (key rate
 * multiplied, 0 = outage) as bars on a time strip, with exact entry in tables below. Every edit is
 * one `editScenario` call; ranges stay within the horizon with start < end.
 */
import { useShallow } from 'zustand/react/shallow'
import type { Scenario } from '../../domain/scenario/types.ts'
import { useAppStore } from '../../store/index.ts'
import { plainNumber } from './numbers.ts'
import { ShockTable, WindowTable } from './TimelineTable.tsx'
import { TimelineSvg, type Lane, type TimelineBar } from './TimelineSvg.tsx'
import { clampRange, defaultRange, rangeClock, type SlotRange } from './timeline.ts'

function listOf(d: Scenario, lane: Lane): Array<{ startSlot: number; endSlot: number }> {
  return lane === 'window' ? d.threat.windows : d.shocks
}

export function ThreatTimeline() {
  const { horizon, windows, shocks, links, processes, editScenario } = useAppStore(
    useShallow((s) => ({
      horizon: s.scenario.horizon,
      processes: s.scenario.processes,
      windows: s.scenario.threat.windows,
      shocks: s.scenario.shocks,
      links: s.scenario.qkd.links,
      editScenario: s.editScenario,
    })),
  )
  const { slots, slotMinutes } = horizon
  const setRange = (lane: Lane, index: number, range: SlotRange): void => {
    const r = clampRange(range, slots)
    editScenario((d) => {
      const item = listOf(d, lane)[index]
      if (item !== undefined) Object.assign(item, { startSlot: r.start, endSlot: r.end })
    })
  }
  const create = (lane: Lane, range: SlotRange): void => {
    const r = clampRange(range, slots)
    editScenario((d) => {
      if (lane === 'window') {
        d.threat.windows.push({
          label: 'New attack window',
          startSlot: r.start,
          endSlot: r.end,
          multiplier: 10,
        })
      } else {
        d.shocks.push({
          label: 'New key-yield shock',
          startSlot: r.start,
          endSlot: r.end,
          links: 'all',
          factor: 0.5,
        })
      }
    })
  }
  const remove = (lane: Lane, index: number): void =>
    editScenario((d) => {
      listOf(d, lane).splice(index, 1)
    })

  const clock = (w: { startSlot: number; endSlot: number }): string =>
    rangeClock({ start: w.startSlot, end: w.endSlot }, slotMinutes)
  const windowBars: TimelineBar[] = windows.map((w, i) => ({
    range: { start: w.startSlot, end: w.endSlot },
    short: `×${plainNumber(w.multiplier)}`,
    description: `Attack window ${i + 1}, ${w.label}, ${clock(w)}, attempts ×${plainNumber(w.multiplier)}`,
  }))
  const shockBars: TimelineBar[] = shocks.map((sh, i) => ({
    range: { start: sh.startSlot, end: sh.endSlot },
    short: `×${plainNumber(sh.factor)}`,
    description: `Shock ${i + 1}, ${sh.label}, ${clock(sh)}, key rate ×${plainNumber(sh.factor)} on ${sh.links === 'all' ? 'all links' : sh.links.join(', ') || 'no links'}`,
  }))

  return (
    <section
      className="panel threat-timeline"
      aria-labelledby="threat-timeline-title"
      data-testid="threat-timeline"
    >
      <header className="panel__header">
        <h2 id="threat-timeline-title">Threats and shocks</h2>
        <div className="panel__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => create('window', defaultRange(slots, slotMinutes))}
          >
            Add attack window
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => create('shock', defaultRange(slots, slotMinutes))}
          >
            Add shock
          </button>
        </div>
      </header>
      <p className="panel__hint">
        Drag on a lane to add, drag a bar to move it or its edges to resize; focused bars move with
        the arrow keys (Shift resizes) and Delete removes them.
      </p>
      <TimelineSvg
        slots={slots}
        slotMinutes={slotMinutes}
        windows={windowBars}
        shocks={shockBars}
        onSetRange={setRange}
        onCreate={create}
        onRemove={remove}
      />
      <div className="table-scroll editor-table-scroll">
        <WindowTable
          items={windows}
          slots={slots}
          slotMinutes={slotMinutes}
          processIds={processes.map((p) => p.id)}
          onEdit={(i, recipe) =>
            editScenario((d) => {
              const w = d.threat.windows[i]
              if (w !== undefined) recipe(w)
            })
          }
          onRemove={(i) => remove('window', i)}
        />
        <ShockTable
          items={shocks}
          slots={slots}
          slotMinutes={slotMinutes}
          linkIds={links.map((l) => l.id)}
          onEdit={(i, recipe) =>
            editScenario((d) => {
              const sh = d.shocks[i]
              if (sh !== undefined) recipe(sh)
            })
          }
          onRemove={(i) => remove('shock', i)}
        />
      </div>
    </section>
  )
}
