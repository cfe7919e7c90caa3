/**
 * The DER fleet: one row per group (id, type, sites, capacity per site, gateway), add and remove,
 * and the fleet's totals. Every cell names its group in its accessible name.
 */
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { DER_TYPES, type DerGroup, type DerType } from '../../domain/scenario/types.ts'
import { useAppStore } from '../../store/index.ts'
import { formatCount, formatNumber } from '../format.ts'
import { NumberField, TextField } from './fields.tsx'
import { fleetTotals, newGroup } from './fleet.ts'
import { checkId } from './numbers.ts'
import { GROUP_FIELDS } from '../../domain/scenario/schema.ts'
import { editorRule } from './schemaRule.ts'

export function FleetTable() {
  const { groups, nodes, editScenario } = useAppStore(
    useShallow((s) => ({
      groups: s.scenario.fleet.groups,
      nodes: s.scenario.qkd.nodes,
      editScenario: s.editScenario,
    })),
  )
  const [message, setMessage] = useState('')
  const gateways = nodes.filter((n) => n.role === 'aggregator').map((n) => n.id)
  const totals = fleetTotals(groups)
  const editAt = (index: number, recipe: (g: DerGroup) => void): void =>
    editScenario((d) => {
      const g = d.fleet.groups[index]
      if (g !== undefined) recipe(g)
    })
  const add = (): void => {
    const group = newGroup(groups, nodes)
    if (typeof group === 'string') {
      setMessage(group)
      return
    }
    editScenario((d) => {
      d.fleet.groups.push(group)
    })
    setMessage(`Added DER group ${group.id}.`)
  }
  const remove = (index: number, id: string): void => {
    editScenario((d) => {
      d.fleet.groups.splice(index, 1)
    })
    setMessage(`Removed DER group ${id}.`)
  }

  return (
    <section
      className="panel fleet-table"
      aria-labelledby="fleet-table-title"
      data-testid="fleet-table"
    >
      <header className="panel__header">
        <h2 id="fleet-table-title">DER fleet</h2>
        <button type="button" className="button button--small" onClick={add}>
          Add group
        </button>
      </header>
      <div className="table-scroll editor-table-scroll">
        <table className="data-table editor-table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Type</th>
              <th scope="col">Sites</th>
              <th scope="col">kW/site</th>
              <th scope="col">Gateway</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g, i) => (
              <tr key={`${i}:${g.id}`} data-group-id={g.id}>
                <td>
                  <TextField
                    label={`Id of DER group ${g.id}`}
                    value={g.id}
                    check={(text) =>
                      checkId(
                        text,
                        groups.map((x) => x.id),
                        g.id,
                      )
                    }
                    onCommit={(text) => editAt(i, (x) => (x.id = text))}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Type of DER group ${g.id}`}
                    value={g.type}
                    onChange={(e) => editAt(i, (x) => (x.type = e.target.value as DerType))}
                  >
                    {DER_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <NumberField
                    label={`Sites in DER group ${g.id}`}
                    value={g.sites}
                    rule={editorRule(GROUP_FIELDS.sites)}
                    onCommit={(v) => editAt(i, (x) => (x.sites = v ?? x.sites))}
                  />
                </td>
                <td>
                  <NumberField
                    label={`Capacity per site of DER group ${g.id} (kW)`}
                    value={g.unitKw}
                    rule={editorRule(GROUP_FIELDS.unitKw)}
                    onCommit={(v) => editAt(i, (x) => (x.unitKw = v ?? x.unitKw))}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Gateway of DER group ${g.id}`}
                    value={g.gateway}
                    onChange={(e) => editAt(i, (x) => (x.gateway = e.target.value))}
                  >
                    {!gateways.includes(g.gateway) && (
                      <option value={g.gateway}>{g.gateway} (not an aggregator)</option>
                    )}
                    {gateways.map((id) => (
                      <option key={id} value={id}>
                        {id}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    aria-label={`Remove DER group ${g.id}`}
                    onClick={() => remove(i, g.id)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fleet-table__totals" data-testid="fleet-totals">
        {groups.length} groups · {formatCount(totals.sites)} sites ·{' '}
        {formatNumber(totals.mw, { maximumFractionDigits: 2 })} MW
      </p>
      <p className="editor-message" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  )
}
