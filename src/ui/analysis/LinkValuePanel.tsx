/**
 * Link values: for every link, what a bigger key store (€/day per Mbit) and a higher key rate
 * (€/day per kb/s) are worth, ranked by the better of the two unit upgrades, each value confirmed
 * by re-solving with the lever moved a little.
 */
import { useAppStore } from '../../store/index.ts'
import { AnalysisPanel, AUTO_RUN_NOTE } from './AnalysisPanel.tsx'
import { formatEurSig, linkValueRows, linkValueSummary } from './transforms.ts'

export function LinkValuePanel() {
  return (
    <AnalysisPanel
      kind="linkValues"
      title="Link values"
      description={`What a bigger key store and a higher key rate on each QKD link are worth, € per day, from the plan’s shadow prices: the store value is per Mbit more buffer (starting store unchanged, reserve rising with the buffer), the rate value per kb/s more link secret-key rate. Links are ranked by the better of +1 Mbit store and +1 kb/s rate. Each value is checked by two re-solves with the lever raised and lowered 1 %; ${AUTO_RUN_NOTE}. Colour the map by it with “Link value”.`}
    >
      <LinkValueTable />
    </AnalysisPanel>
  )
}

function LinkValueTable() {
  const entry = useAppStore((s) => s.analysis.linkValues)
  const values = entry.result
  if (values === undefined) return <p className="chart__empty">Computing link values…</p>
  const rows = linkValueRows(values, entry.scenario)
  return (
    <>
      <p className="chart__note">{linkValueSummary(values)}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Link values (table)">
        <table className="data-table" data-testid="link-value-table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Link</th>
              <th scope="col">Best upgrade (€/day)</th>
              <th scope="col">Value of key store (€/day per Mbit)</th>
              <th scope="col">Value of link rate (€/day per kb/s)</th>
              <th scope="col">Value of VPP key (€/day per kb/s)</th>
              <th scope="col">Priced slots</th>
              <th scope="col">Re-solve checks</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.linkId}
                data-link-id={r.linkId}
                data-value={r.best.eurPerDay}
                data-lever={r.best.lever}
                data-agrees={r.agrees}
              >
                <td>{r.rank}</td>
                <th scope="row">{r.label}</th>
                <td>
                  <span
                    className="link-value__bar"
                    aria-hidden="true"
                    style={{ width: `${60 * r.bar}px` }}
                  />
                  {r.bestText}
                </td>
                <td>{formatEurSig(r.storeEurPerMbit)}</td>
                <td>{formatEurSig(r.rateEurPerKbps)}</td>
                <td>{formatEurSig(r.vppKeyEurPerKbps)}</td>
                <td>{r.pricedSlots}</td>
                <td className={r.agrees === false ? 'link-value__check--differs' : undefined}>
                  {r.checkText}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
