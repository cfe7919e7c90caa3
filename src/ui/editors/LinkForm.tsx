/**
 * Inline form for the selected link: length, measured key rate (empty = the rate model), key
 * store size in Mbit and the reserve share. Each field names the link in its accessible name.
 */
import type { QkdLink, RateModel } from '../../domain/scenario/types.ts'
import { useAppStore } from '../../store/index.ts'
import { formatCount } from '../format.ts'
import { NumberField } from './fields.tsx'
import { setBuffer } from './topology.ts'
import { LINK_FIELDS } from '../../domain/scenario/schema.ts'
import { editorRule } from './schemaRule.ts'

interface LinkFormProps {
  link: QkdLink
  rateModel: RateModel
  /** Current colouring value as text. */
  valueText: string
  onDelete: () => void
  onClose: () => void
}

export function LinkForm({ link, rateModel, valueText, onDelete, onClose }: LinkFormProps) {
  const editScenario = useAppStore((s) => s.editScenario)
  const id = link.id
  const edit = (recipe: (l: QkdLink) => void): void =>
    editScenario((d) => {
      const l = d.qkd.links.find((x) => x.id === id)
      if (l !== undefined) recipe(l)
    })
  const modelRate = rateModel.r0Bps * 10 ** ((-rateModel.lossDbPerKm * link.lengthKm) / 10)
  const headingId = `link-form-${id}`
  return (
    <div className="map-form" role="group" aria-labelledby={headingId} data-testid="link-form">
      <div className="map-form__header">
        <h3 id={headingId}>
          Link {id} ({link.a} – {link.b})
        </h3>
        <span className="map-form__note">{valueText}</span>
      </div>
      <div className="map-form__grid">
        <label className="map-form__field">
          <span aria-hidden="true">Length</span>
          <NumberField
            label={`Length of link ${id} (km)`}
            value={link.lengthKm}
            rule={editorRule(LINK_FIELDS.lengthKm)}
            unit="km"
            onCommit={(v) => edit((l) => (l.lengthKm = v ?? l.lengthKm))}
          />
        </label>
        <label className="map-form__field">
          <span aria-hidden="true">
            Measured key rate{' '}
            <span className="map-form__note">(model {formatCount(modelRate)})</span>
          </span>
          <NumberField
            label={`Measured key rate of link ${id} (bit/s; empty uses the rate model)`}
            value={link.keyRateBps}
            rule={editorRule(LINK_FIELDS.keyRateBps, { optional: true })}
            unit="bit/s"
            placeholder="rate model"
            onCommit={(v) =>
              edit((l) => {
                if (v === undefined) delete l.keyRateBps
                else l.keyRateBps = v
              })
            }
          />
        </label>
        <label className="map-form__field">
          <span aria-hidden="true">Key store</span>
          <NumberField
            label={`Key store size of link ${id} (Mbit)`}
            value={link.bufferBits}
            scale={1e6}
            rule={editorRule(LINK_FIELDS.bufferBits, { scale: 1e6 })}
            unit="Mbit"
            onCommit={(v) => edit((l) => setBuffer(l, v ?? l.bufferBits))}
          />
        </label>
        <label className="map-form__field">
          <span aria-hidden="true">Reserve share</span>
          <NumberField
            label={`Reserve share of the key store of link ${id} (0 to 0.5)`}
            value={link.reserveFraction}
            rule={editorRule(LINK_FIELDS.reserveFraction)}
            onCommit={(v) => edit((l) => (l.reserveFraction = v ?? l.reserveFraction))}
          />
        </label>
      </div>
      <div className="map-form__actions">
        <button type="button" className="button button--small button--danger" onClick={onDelete}>
          Delete link {id}
        </button>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}
