/**
 * Node forms of the map editor: details of the selected node (label, role, exact position, delete)
 * and the add-node and add-link forms. New ids are generated (N1, N2, … and A-B for links).
 */
import { useId, useState } from 'react'
import { NODE_ROLES, type NodeRole, type QkdNode } from '../../domain/scenario/types.ts'
import { useAppStore } from '../../store/index.ts'
import { NumberField, TextField } from './fields.tsx'
import { roleLabel } from './MapSvg.tsx'
import { parseNumber } from './numbers.ts'
import { newLink, newNode, roleChangeBlockers } from './topology.ts'
import { LINK_FIELDS, NODE_FIELDS } from '../../domain/scenario/schema.ts'
import { editorRule } from './schemaRule.ts'

interface NodeDetailsProps {
  node: QkdNode
  onDelete: () => void
  onClose: () => void
}

export function NodeDetails({ node, onDelete, onClose }: NodeDetailsProps) {
  const editScenario = useAppStore((s) => s.editScenario)
  const id = node.id
  const edit = (recipe: (n: QkdNode) => void): void =>
    editScenario((d) => {
      const n = d.qkd.nodes.find((x) => x.id === id)
      if (n !== undefined) recipe(n)
    })
  const headingId = `node-form-${id}`
  const ids = useId()
  const [roleProblem, setRoleProblem] = useState<string | undefined>(undefined)
  const changeRole = (role: NodeRole): void => {
    const reasons = roleChangeBlockers(useAppStore.getState().scenario, id, role)
    if (reasons.length > 0) {
      setRoleProblem(`Role not changed to ${role}: ${reasons.join('; ')}.`)
      return
    }
    setRoleProblem(undefined)
    edit((n) => (n.role = role))
  }
  return (
    <div className="map-form" role="group" aria-labelledby={headingId} data-testid="node-form">
      <div className="map-form__header">
        <h3 id={headingId}>Node {roleLabel(node)}</h3>
      </div>
      <div className="map-form__grid">
        <label className="map-form__field map-form__field--wide">
          <span aria-hidden="true">Label</span>
          <TextField
            label={`Label of node ${id}`}
            value={node.label}
            size="wide"
            onCommit={(text) => edit((n) => (n.label = text === '' ? n.id : text))}
          />
        </label>
        <label className="map-form__field">
          <span aria-hidden="true">x (0 left – 1 right)</span>
          <NumberField
            label={`Map x position of node ${id} (0 to 1)`}
            value={node.x}
            rule={editorRule(NODE_FIELDS.x)}
            onCommit={(v) => edit((n) => (n.x = v ?? n.x))}
          />
        </label>
        <label className="map-form__field">
          <span aria-hidden="true">y (0 top – 1 bottom)</span>
          <NumberField
            label={`Map y position of node ${id} (0 to 1)`}
            value={node.y}
            rule={editorRule(NODE_FIELDS.y)}
            onCommit={(v) => edit((n) => (n.y = v ?? n.y))}
          />
        </label>
        <label className="map-form__field" htmlFor={`${ids}-role`}>
          <span aria-hidden="true">Role</span>
          <span className="field field--normal">
            <select
              id={`${ids}-role`}
              aria-label={`Role of node ${id}`}
              aria-invalid={roleProblem !== undefined}
              aria-describedby={roleProblem !== undefined ? `${ids}-role-problem` : undefined}
              value={node.role}
              onChange={(e) => changeRole(e.target.value as NodeRole)}
            >
              {NODE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            {roleProblem !== undefined && (
              <span id={`${ids}-role-problem`} className="field__error" role="alert">
                {roleProblem}
              </span>
            )}
          </span>
        </label>
      </div>
      <div className="map-form__actions">
        <button type="button" className="button button--small button--danger" onClick={onDelete}>
          Delete node {id}
        </button>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}

const NO_LINK = ''

interface AddFormsProps {
  nodes: readonly QkdNode[]
  onMessage: (message: string) => void
}

/** Adds a node (optionally linked to an existing one, so a new gateway is reachable at once). */
export function AddNodeForm({ nodes, onMessage }: AddFormsProps) {
  const editScenario = useAppStore((s) => s.editScenario)
  const hasControl = nodes.some((n) => n.role === 'control')
  const control = nodes.find((n) => n.role === 'control')?.id ?? NO_LINK
  const [role, setRole] = useState<NodeRole>('aggregator')
  const [label, setLabel] = useState('')
  const [connect, setConnect] = useState<string | undefined>(undefined)
  const [length, setLength] = useState('10')
  const target = connect ?? control
  const ids = useId()
  const add = (): void => {
    const parsedLength = parseNumber(length, editorRule(LINK_FIELDS.lengthKm))
    if (target !== NO_LINK && !parsedLength.ok) {
      onMessage(`New node not added. Length of its link: ${parsedLength.message.toLowerCase()}.`)
      return
    }
    const km = parsedLength.ok ? (parsedLength.value ?? 10) : 10
    let added = ''
    editScenario((d) => {
      const node = newNode(d.qkd.nodes, role, label)
      d.qkd.nodes.push(node)
      added = node.id
      if (target !== NO_LINK && d.qkd.nodes.some((n) => n.id === target)) {
        const link = newLink(d.qkd.links, node.id, target, km)
        if (typeof link !== 'string') d.qkd.links.push(link)
      }
    })
    setLabel('')
    onMessage(`Added node ${added}${target !== NO_LINK ? ` linked to ${target}` : ''}.`)
  }
  return (
    <fieldset className="map-add">
      <legend>Add node</legend>
      <label htmlFor={`${ids}-role`}>Role</label>
      <select
        id={`${ids}-role`}
        aria-label="Role of the new node"
        value={role}
        onChange={(e) => setRole(e.target.value as NodeRole)}
      >
        {NODE_ROLES.map((r) => (
          <option key={r} value={r} disabled={r === 'control' && hasControl}>
            {r}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-label`}>Label</label>
      <input
        id={`${ids}-label`}
        aria-label="Label of the new node (optional)"
        className="field__input"
        value={label}
        placeholder="optional"
        onChange={(e) => setLabel(e.target.value)}
      />
      <label htmlFor={`${ids}-connect`}>Link to</label>
      <select
        id={`${ids}-connect`}
        aria-label="Link the new node to"
        value={target}
        onChange={(e) => setConnect(e.target.value)}
      >
        <option value={NO_LINK}>no link</option>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.id}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-km`}>km</label>
      <input
        id={`${ids}-km`}
        aria-label="Length of the new node's link (km)"
        className="field__input field__input--short"
        inputMode="decimal"
        value={length}
        disabled={target === NO_LINK}
        onChange={(e) => setLength(e.target.value)}
      />
      <button type="button" className="button button--small" onClick={add}>
        Add node
      </button>
    </fieldset>
  )
}

/** Adds a link between two existing nodes. */
export function AddLinkForm({ nodes, onMessage }: AddFormsProps) {
  const editScenario = useAppStore((s) => s.editScenario)
  const [a, setA] = useState('')
  const [b, setB] = useState('')
  const [length, setLength] = useState('10')
  const ids = useId()
  const add = (): void => {
    const parsed = parseNumber(length, editorRule(LINK_FIELDS.lengthKm))
    if (!parsed.ok) {
      onMessage(`Link not added. Length: ${parsed.message.toLowerCase()}.`)
      return
    }
    const links = useAppStore.getState().scenario.qkd.links
    const link = newLink(links, a, b, parsed.value ?? 10)
    if (typeof link === 'string') {
      onMessage(`Link not added: ${link.toLowerCase()}.`)
      return
    }
    editScenario((d) => {
      d.qkd.links.push(link)
    })
    onMessage(`Added link ${link.id}.`)
  }
  const endSelect = (which: 'From' | 'To', value: string, set: (v: string) => void) => (
    <>
      <label htmlFor={`${ids}-${which}`}>{which}</label>
      <select
        id={`${ids}-${which}`}
        aria-label={`${which === 'From' ? 'First' : 'Second'} node of the new link`}
        value={value}
        onChange={(e) => set(e.target.value)}
      >
        <option value="">choose…</option>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.id}
          </option>
        ))}
      </select>
    </>
  )
  return (
    <fieldset className="map-add">
      <legend>Add link</legend>
      {endSelect('From', a, setA)}
      {endSelect('To', b, setB)}
      <label htmlFor={`${ids}-km`}>km</label>
      <input
        id={`${ids}-km`}
        aria-label="Length of the new link (km)"
        className="field__input field__input--short"
        inputMode="decimal"
        value={length}
        onChange={(e) => setLength(e.target.value)}
      />
      <button type="button" className="button button--small" onClick={add}>
        Add link
      </button>
    </fieldset>
  )
}
