/**
 * The topology map drawing: links (coloured by the chosen measure) under nodes. d3 scales place
 * the 0..1 node coordinates in a fixed viewBox; React renders. Nodes are dragged with pointer
 * events (the moving position is local; the scenario is edited once, on release) or moved with
 * arrow keys; links are selected by click or Enter.
 */
import { scaleLinear } from 'd3'
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { QkdLink, QkdNode } from '../../domain/scenario/types.ts'
import { mapCoordinate, nudge } from './topology.ts'

export const MAP_WIDTH = 440
export const MAP_HEIGHT = 300
const PAD = 24
const xScale = scaleLinear()
  .domain([0, 1])
  .range([PAD, MAP_WIDTH - PAD])
const yScale = scaleLinear()
  .domain([0, 1])
  .range([PAD, MAP_HEIGHT - PAD - 8])
/** Pointer travel (SVG units) below which a press is a click, not a drag. */
const CLICK_SLOP = 3

export interface MapLinkView {
  link: QkdLink
  colour: string
  /** Colouring value as text, e.g. "€0.12/Mbit". */
  valueText: string
}

interface MapSvgProps {
  nodes: readonly QkdNode[]
  links: readonly MapLinkView[]
  selectedLinkId: string | undefined
  selectedNodeId: string | undefined
  onSelectLink: (id: string | undefined) => void
  onSelectNode: (id: string) => void
  onMoveNode: (id: string, x: number, y: number) => void
  onDeleteNode: (id: string) => void
  onDeleteLink: (id: string) => void
}

interface Drag {
  id: string
  pointerId: number
  /** Pointer minus node position at the press, in 0..1 units. */
  offset: { x: number; y: number }
  press: { x: number; y: number }
  position: { x: number; y: number }
  moved: boolean
}

export function roleLabel(node: QkdNode): string {
  return `${node.label === node.id ? node.id : `${node.label} (${node.id})`}, ${node.role} node`
}

export function MapSvg(props: MapSvgProps) {
  const { nodes, links, selectedLinkId, selectedNodeId } = props
  const svgRef = useRef<SVGSVGElement>(null)
  const [drag, setDrag] = useState<Drag | undefined>(undefined)

  const toSvg = (event: PointerEvent): { x: number; y: number } | undefined => {
    const ctm = svgRef.current?.getScreenCTM()
    if (ctm === null || ctm === undefined) return undefined
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse())
    return { x: p.x, y: p.y }
  }
  const positionOf = (node: QkdNode): { x: number; y: number } =>
    drag?.id === node.id ? drag.position : node
  const byId = new Map(nodes.map((n) => [n.id, n]))

  const onNodePointerDown = (event: PointerEvent, node: QkdNode): void => {
    if (event.button !== 0) return
    const p = toSvg(event)
    if (p === undefined) return
    svgRef.current?.setPointerCapture(event.pointerId)
    const unit = { x: xScale.invert(p.x), y: yScale.invert(p.y) }
    setDrag({
      id: node.id,
      pointerId: event.pointerId,
      offset: { x: unit.x - node.x, y: unit.y - node.y },
      press: p,
      position: { x: node.x, y: node.y },
      moved: false,
    })
  }
  const onPointerMove = (event: PointerEvent): void => {
    if (drag === undefined || event.pointerId !== drag.pointerId) return
    const p = toSvg(event)
    if (p === undefined) return
    const moved = drag.moved || Math.hypot(p.x - drag.press.x, p.y - drag.press.y) > CLICK_SLOP
    const position = {
      x: mapCoordinate(xScale.invert(p.x) - drag.offset.x),
      y: mapCoordinate(yScale.invert(p.y) - drag.offset.y),
    }
    setDrag({ ...drag, moved, position })
  }
  const onPointerUp = (event: PointerEvent): void => {
    if (drag === undefined || event.pointerId !== drag.pointerId) return
    setDrag(undefined)
    if (drag.moved) props.onMoveNode(drag.id, drag.position.x, drag.position.y)
    else props.onSelectNode(drag.id)
  }
  const onNodeKey = (event: KeyboardEvent, node: QkdNode): void => {
    const next = nudge(event.key, node)
    if (next !== undefined) {
      event.preventDefault()
      props.onMoveNode(node.id, next.x, next.y)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      props.onSelectNode(node.id)
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault()
      props.onDeleteNode(node.id)
    }
  }
  const onLinkKey = (event: KeyboardEvent, id: string): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      props.onSelectLink(selectedLinkId === id ? undefined : id)
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault()
      props.onDeleteLink(id)
    }
  }

  return (
    <svg
      ref={svgRef}
      className="topology-map__svg"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role="group"
      aria-label="QKD network map"
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(undefined)}
    >
      <rect className="topology-map__bg" width={MAP_WIDTH} height={MAP_HEIGHT} />
      {links.map(({ link, colour, valueText }) => {
        const a = byId.get(link.a)
        const b = byId.get(link.b)
        if (a === undefined || b === undefined) return null
        const pa = positionOf(a)
        const pb = positionOf(b)
        const ends = { x1: xScale(pa.x), y1: yScale(pa.y), x2: xScale(pb.x), y2: yScale(pb.y) }
        const selected = link.id === selectedLinkId
        return (
          <g
            key={link.id}
            className={`map-link${selected ? ' map-link--selected' : ''}`}
            data-link-id={link.id}
            tabIndex={0}
            role="button"
            aria-pressed={selected}
            aria-label={`Link ${link.id} between ${link.a} and ${link.b}, ${link.lengthKm} km, ${valueText}`}
            onClick={() => props.onSelectLink(selected ? undefined : link.id)}
            onKeyDown={(e) => onLinkKey(e, link.id)}
          >
            <title>{`${link.id} (${link.lengthKm} km): ${valueText}`}</title>
            <line className="map-link__halo" {...ends} />
            <line className="map-link__hit" {...ends} />
            <line className="map-link__line" {...ends} stroke={colour} />
          </g>
        )
      })}
      {nodes.map((node) => {
        const p = positionOf(node)
        const selected = node.id === selectedNodeId
        return (
          <g
            key={node.id}
            className={`map-node map-node--${node.role}${selected ? ' map-node--selected' : ''}${drag?.id === node.id ? ' map-node--dragging' : ''}`}
            data-node-id={node.id}
            transform={`translate(${xScale(p.x)},${yScale(p.y)})`}
            tabIndex={0}
            role="button"
            aria-pressed={selected}
            aria-label={`${roleLabel(node)}. Arrow keys move it, Enter edits, Delete removes.`}
            onPointerDown={(e) => onNodePointerDown(e, node)}
            onKeyDown={(e) => onNodeKey(e, node)}
          >
            <title>{roleLabel(node)}</title>
            <NodeShape role={node.role} />
            <text className="map-node__label" y={node.role === 'control' ? 22 : 20}>
              {node.id}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Control: a square; aggregator (gateway): a circle; the other roles: a diamond. */
export function NodeShape({ role }: { role: QkdNode['role'] }) {
  if (role === 'control') {
    return <rect className="map-node__shape" x={-9} y={-9} width={18} height={18} rx={2} />
  }
  if (role === 'aggregator') return <circle className="map-node__shape" r={8} />
  return <path className="map-node__shape" d="M0,-10 L10,0 L0,10 L-10,0 Z" />
}
