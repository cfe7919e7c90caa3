/**
 * The security options of one process, weakest first: the tag length (Wegman–Carter and one-time
 * pad MACs), the re-key interval (AES refresh) and the latency of each option.
 */
import type { Process, SecurityOption } from '../../domain/scenario/types.ts'
import { NumberField } from './fields.tsx'

const KIND_TEXT: Record<SecurityOption['kind'], string> = {
  classical: 'PQC/TLS',
  'aes-refresh': 'AES refresh',
  'wc-mac': 'WC MAC',
  'otp-mac': 'OTP + MAC',
}

interface OptionRowsProps {
  process: Process
  onEdit: (optionIndex: number, recipe: (o: SecurityOption) => void) => void
}

export function OptionRows({ process, onEdit }: OptionRowsProps) {
  const name = (o: SecurityOption): string => `option ${o.id} of process ${process.id}`
  return (
    <div className="table-scroll editor-table-scroll">
      <table className="data-table editor-table">
        <caption className="visually-hidden">Security options of process {process.id}</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Kind</th>
            <th scope="col">Tag (bit)</th>
            <th scope="col">Re-key (s)</th>
            <th scope="col">Latency (ms)</th>
          </tr>
        </thead>
        <tbody>
          {process.options.map((o, i) => {
            const isMac = o.kind === 'wc-mac' || o.kind === 'otp-mac'
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
                      rule={{ min: 8, max: 1024, integer: true }}
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
                    <NumberField
                      label={`Re-key interval of ${name(o)} (s)`}
                      value={o.refreshSeconds}
                      rule={{ above: 0 }}
                      onCommit={(v) =>
                        onEdit(i, (x) => {
                          if (v !== undefined) x.refreshSeconds = v
                        })
                      }
                    />
                  ) : (
                    <span aria-label="not used">—</span>
                  )}
                </td>
                <td>
                  <NumberField
                    label={`Latency of ${name(o)} (ms)`}
                    value={o.latencyMs}
                    rule={{ min: 0 }}
                    onCommit={(v) => onEdit(i, (x) => (x.latencyMs = v ?? x.latencyMs))}
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
