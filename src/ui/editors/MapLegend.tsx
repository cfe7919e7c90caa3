/**
 * Legend of the topology map: the colour ramp with its units and range, the grey "no value"
 * swatch, and the node shapes.
 */
import type { MapColouring } from '../../store/uiSlice.ts'
import { formatPercent, formatNumber } from '../format.ts'
import { NO_VALUE_COLOUR, type LinkColourScale } from './mapColour.ts'

function priceText(perMbit: number): string {
  if (perMbit >= 0.01 && perMbit < 1e5) {
    return `€${formatNumber(perMbit, { maximumSignificantDigits: 3 })}`
  }
  return `€${perMbit.toExponential(1)}`
}

export function MapLegend({
  mode,
  scale,
  hasPlan,
}: {
  mode: MapColouring
  scale: LinkColourScale
  hasPlan: boolean
}) {
  const title =
    mode === 'price'
      ? 'Mean shadow price over the day, € per Mbit (log scale)'
      : mode === 'linkValue'
        ? 'Link value: € per day for 1 kb/s more link rate or 1 Mbit more key store, whichever is worth more (log scale)'
        : 'Key utilization: share of the VPP’s key supply used over the day'
  const [low, high] = scale.domain ?? [undefined, undefined]
  const asText = (v: number): string =>
    mode === 'utilization' ? formatPercent(v, 0) : priceText(v)
  const lowText = low === undefined ? '' : asText(low)
  const highText = high === undefined ? '' : asText(high)
  return (
    <div className="map-legend" data-testid="map-legend">
      <p className="map-legend__title">{title}</p>
      {hasPlan && scale.stops.length > 0 ? (
        <div className="map-legend__ramp">
          <span>{lowText}</span>
          <span
            className="map-legend__bar"
            aria-hidden="true"
            style={{ background: `linear-gradient(to right, ${scale.stops.join(', ')})` }}
          />
          <span>{highText}</span>
        </div>
      ) : null}
      <ul className="map-legend__keys">
        <li>
          <span className="map-legend__swatch" style={{ background: NO_VALUE_COLOUR }} />
          {!hasPlan
            ? mode === 'linkValue'
              ? 'no link values yet (run them under Decision support)'
              : 'no plan yet'
            : mode === 'linkValue'
              ? 'value zero (more key would not help)'
              : mode === 'price'
                ? 'price zero (key not scarce)'
                : 'not in the plan'}
        </li>
        <li>
          <svg className="map-legend__shape" viewBox="-11 -11 22 22" aria-hidden="true">
            <rect x={-8} y={-8} width={16} height={16} rx={2} className="map-node--control" />
          </svg>
          control
        </li>
        <li>
          <svg className="map-legend__shape" viewBox="-11 -11 22 22" aria-hidden="true">
            <circle r={8} className="map-node--aggregator" />
          </svg>
          aggregator (gateway)
        </li>
        <li>
          <svg className="map-legend__shape" viewBox="-11 -11 22 22" aria-hidden="true">
            <path d="M0,-9 L9,0 L0,9 L-9,0 Z" className="map-node--other" />
          </svg>
          DSO, market, archive, relay
        </li>
      </ul>
    </div>
  )
}
