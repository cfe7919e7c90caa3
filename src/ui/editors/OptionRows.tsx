/**
 * The security options of one process, weakest first: the tag length (Wegman–Carter and one-time
 * pad MACs), the re-key interval and channel count (AES refresh), the latency of each option and
 * an override of its residual success bound (empty uses the model's bound, shown greyed).
 */
import type { Process, SecurityOption } from '../../domain/scenario/types.ts'
import { NumberField } from './fields.tsx'
import { boundText, derivedSuccessBound } from './options.ts'
import { OPTION_FIELDS } from '../../domain/scenario/schema.ts'
import { editorRule } from './schemaRule.ts'

const KIND_TEXT: Record<SecurityOption['kind'], string> = {
  classical: 'PQC/TLS',
  'aes-refresh': 'AES refresh',
  'wc-mac': 'WC MAC',
  'otp-mac': 'OTP + MAC',
}

interface OptionRowsProps {
  process: Process
  /** The threat's bound for classical-only messages (the model's bound of `classical` options). */
  classicalSuccessBound: number
  onEdit: (optionIndex: number, recipe: (o: SecurityOption) => void) => void
}

export function OptionRows({ process, classicalSuccessBound, onEdit }: OptionRowsProps) {
  const name = (o: SecurityOption): string => `option ${o.id} of process ${process.id}`
  return (
    <div className="table-scroll editor-table-scroll">
      <table className="data-table editor-table option-table">
        <caption className="visually-hidden">Security options of process {process.id}</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Kind</th>
            <th scope="col">Tag (bit)</th>
            <th scope="col">Re-key (s) × channels</th>
            <th scope="col">Latency (ms)</th>
            <th scope="col">Success bound (blank: model)</th>
          </tr>
        </thead>
        <tbody>
          {process.options.map((o, i) => {
            const isMac = o.kind === 'wc-mac' || o.kind === 'otp-mac'
            const modelBound = boundText(derivedSuccessBound(o, process, classicalSuccessBound))
            return (
              <tr key={`${i}:${o.id}`} data-option-id={o.id}>
                <th scope="row" title={o.label}>
                  <span className="option-id">{o.id}</span>
                  <span className="option-label">{o.label}</span>
                </th>
                <td>{KIND_TEXT[o.kind]}</td>
                <td>
                  {isMac ? (
                    <NumberField
                      label={`Tag length of ${name(o)} (bit)`}
                      value={o.tagBits}
                      rule={editorRule(OPTION_FIELDS.tagBits)}
                      onCommit={(v) =>
                        onEdit(i, (x) => {
                          if (v !== undefined) x.tagBits = v
                        })
                      }
                    />
                  ) : (
                    <span aria-label="not used">—</span>
                  )}
                </td>
                <td>
                  {o.kind === 'aes-refresh' ? (
                    <span className="option-table__aes">
                      <NumberField
                        label={`Re-key interval of ${name(o)} (s)`}
                        value={o.refreshSeconds}
                        rule={editorRule(OPTION_FIELDS.refreshSeconds)}
                        onCommit={(v) =>
                          onEdit(i, (x) => {
                            if (v !== undefined) x.refreshSeconds = v
                          })
                        }
                      />
                      <NumberField
                        label={`Independently keyed channels of ${name(o)}`}
                        value={o.channels}
                        rule={editorRule(OPTION_FIELDS.channels)}
                        unit="ch."
                        onCommit={(v) =>
                          onEdit(i, (x) => {
                            if (v !== undefined) x.channels = v
                          })
                        }
                      />
                    </span>
                  ) : (
                    <span aria-label="not used">—</span>
                  )}
                </td>
                <td>
                  <NumberField
                    label={`Latency of ${name(o)} (ms)`}
                    value={o.latencyMs}
                    rule={editorRule(OPTION_FIELDS.latencyMs)}
                    onCommit={(v) => onEdit(i, (x) => (x.latencyMs = v ?? x.latencyMs))}
                  />
                </td>
                <td>
                  <NumberField
                    label={`Success bound per attempt of ${name(o)} (0 to 1; empty uses the model)`}
                    value={o.successBound}
                    rule={editorRule(OPTION_FIELDS.successBound, { optional: true })}
                    placeholder={modelBound}
                    onCommit={(v) =>
                      onEdit(i, (x) => {
                        if (v === undefined) delete x.successBound
                        else x.successBound = v
                      })
                    }
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
