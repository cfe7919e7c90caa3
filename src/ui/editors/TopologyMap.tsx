/**
 * The QKD network editor: a map of nodes and links (drag or arrow keys to move nodes; click or
 * Enter to edit a link), links coloured by mean shadow price or utilization, and forms to add and
 * delete nodes and links. Every change is one `editScenario` call.
 */
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore, type AppState } from '../../store/index.ts'
import { useChartState } from '../charts/useChartState.ts'
import type { MapColouring } from '../../store/uiSlice.ts'
import { formatPercent, formatPricePerMbit } from '../format.ts'
import { LinkForm } from './LinkForm.tsx'
import { MapLegend } from './MapLegend.tsx'
import { MapSvg, type MapLinkView } from './MapSvg.tsx'
import { bestUpgradeByLink, linkColourScale, linkValueMapText, linkValues } from './mapColour.ts'
import { AddLinkForm, AddNodeForm, NodeDetails } from './NodeForms.tsx'
import { deleteLink, deleteNode, nodeDeleteBlockers } from './topology.ts'

const COLOURINGS: ReadonlyArray<[MapColouring, string]> = [
  ['price', 'Shadow price'],
  ['utilization', 'Utilization'],
  ['linkValue', 'Link value'],
]

const selectOracle = (s: AppState) => ({ oracle: s.oracle })

export function TopologyMap() {
  const { qkd, mode, setMode, selectedLinkId, selectLink, editScenario, linkValueResult } =
    useAppStore(
      useShallow((s) => ({
        qkd: s.scenario.qkd,
        mode: s.mapColouring,
        setMode: s.setMapColouring,
        selectedLinkId: s.selectedLinkId,
        selectLink: s.selectLink,
        editScenario: s.editScenario,
        linkValueResult: s.analysis.linkValues.result,
      })),
    )
  // A new plan recolours the links in a turn of the charts' render queue, not in the task that
  // receives the plan.
  const { oracle } = useChartState(selectOracle)
  const [selectedNodeId, setSelectedNodeId] = useState<string | undefined>(undefined)
  const [message, setMessage] = useState('')

  // Coloured by each link's best single upgrade (a bigger store or a higher rate), € per day.
  const linkValueEur = bestUpgradeByLink(linkValueResult)
  const values = linkValues(
    oracle,
    qkd.links.map((l) => l.id),
    mode,
    linkValueEur,
  )
  const scale = linkColourScale(mode, Object.values(values))
  const valueText = (id: string): string => {
    const v = values[id]
    if (mode === 'linkValue')
      return linkValueMapText(linkValueResult?.links.find((l) => l.linkId === id))
    if (v === undefined) return oracle === undefined ? 'no plan yet' : 'not in the plan'
    return mode === 'price'
      ? `mean shadow price ${formatPricePerMbit(v / 1e6)}`
      : `utilization ${formatPercent(v)}`
  }
  const views: MapLinkView[] = qkd.links.map((link) => ({
    link,
    colour: scale.colour(values[link.id]),
    valueText: valueText(link.id),
  }))
  const selectedLink = qkd.links.find((l) => l.id === selectedLinkId)
  const selectedNode = qkd.nodes.find((n) => n.id === selectedNodeId)

  const removeLink = (id: string): void => {
    editScenario((d) => deleteLink(d, id))
    if (selectedLinkId === id) selectLink(undefined)
    setMessage(`Deleted link ${id}.`)
  }
  const removeNode = (id: string): void => {
    const blockers = nodeDeleteBlockers(useAppStore.getState().scenario, id)
    if (blockers.length > 0) {
      setMessage(`Node ${id} was not deleted: ${blockers.join('; ')}.`)
      return
    }
    const gone = qkd.links.filter((l) => l.a === id || l.b === id).map((l) => l.id)
    editScenario((d) => deleteNode(d, id))
    if (selectedLinkId !== undefined && gone.includes(selectedLinkId)) selectLink(undefined)
    setSelectedNodeId(undefined)
    setMessage(
      `Deleted node ${id}${gone.length > 0 ? ` and its link${gone.length > 1 ? 's' : ''} ${gone.join(', ')}` : ''}.`,
    )
  }

  return (
    <section
      className="panel topology-map"
      aria-labelledby="topology-map-title"
      data-testid="topology-map"
    >
      <header className="panel__header">
        <h2 id="topology-map-title">QKD network</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Colour links by</legend>
          {COLOURINGS.map(([value, text]) => (
            <label key={value} className="segmented__option">
              <input
                type="radio"
                name="map-colouring"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              {text}
            </label>
          ))}
        </fieldset>
      </header>
      <p className="panel__hint">
        Drag nodes or focus one and use the arrow keys; click a link (or focus it and press Enter)
        to edit it.
      </p>
      <MapSvg
        nodes={qkd.nodes}
        links={views}
        selectedLinkId={selectedLink?.id}
        selectedNodeId={selectedNode?.id}
        onSelectLink={(id) => {
          selectLink(id)
          if (id !== undefined) setSelectedNodeId(undefined)
        }}
        onSelectNode={(id) => {
          setSelectedNodeId(id)
          selectLink(undefined)
        }}
        onMoveNode={(id, x, y) =>
          editScenario((d) => {
            const n = d.qkd.nodes.find((node) => node.id === id)
            if (n !== undefined) Object.assign(n, { x, y })
          })
        }
        onDeleteNode={removeNode}
        onDeleteLink={removeLink}
      />
      <MapLegend
        mode={mode}
        scale={scale}
        hasPlan={mode === 'linkValue' ? linkValueResult !== undefined : oracle !== undefined}
      />
      <p className="editor-message" role="status" aria-live="polite">
        {message}
      </p>
      {selectedLink !== undefined && (
        <LinkForm
          key={selectedLink.id}
          link={selectedLink}
          rateModel={qkd.rateModel}
          valueText={valueText(selectedLink.id)}
          onDelete={() => removeLink(selectedLink.id)}
          onClose={() => selectLink(undefined)}
        />
      )}
      {selectedNode !== undefined && (
        <NodeDetails
          key={selectedNode.id}
          node={selectedNode}
          onDelete={() => removeNode(selectedNode.id)}
          onClose={() => setSelectedNodeId(undefined)}
        />
      )}
      <div className="map-adds">
        <AddNodeForm nodes={qkd.nodes} onMessage={setMessage} />
        <AddLinkForm nodes={qkd.nodes} onMessage={setMessage} />
      </div>
    </section>
  )
}
