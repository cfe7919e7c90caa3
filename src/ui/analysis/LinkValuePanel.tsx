/**
 * Link values, ranked by what one more kb/s of the link's secret-key rate is worth over the day
 * (what an upgrade buys), each confirmed by re-solving with the rate moved a little.
 */
import { useAppStore } from '../../store/index.ts'
import { AnalysisPanel } from './AnalysisPanel.tsx'
import { checkText, formatEurSig } from './transforms.ts'

export function LinkValuePanel() {
  return (
    <AnalysisPanel
      kind="linkValues"
      title="Link values"
      description="What one more kb/s on each QKD link is worth over the day, € per day, from the plan’s shadow prices (Σ price × slot length); each value is checked by two re-solves with the link’s rate raised and lowered. About 0.5 s; re-runs by itself after edits while this view is open. Colour the map by it with “Link value”."
    >
      <LinkValueTable />
    </AnalysisPanel>
  )
}

function LinkValueTable() {
  const entry = useAppStore((s) => s.analysis.linkValues)
  const values = entry.result
  if (values === undefined) return <p className="chart__empty">Computing link values…</p>
  const label = (id: string): string =>
    entry.scenario?.qkd.nodes.find((n) => n.id === id)?.label ?? id
  const top = Math.max(0, ...values.links.map((l) => l.valueEurPerKbpsLinkRate))
  return (
    <>
      <p className="chart__note">
        {values.links.every((l) => l.valueEurPerKbpsLinkRate <= 0)
          ? 'No link is scarce: more key anywhere would not improve the plan.'
          : `Upgrading the first link buys the most; ${values.links.filter((l) => l.check?.agrees === true).length} of ${values.links.length} values agree with their re-solves.`}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Link values (table)">
        <table className="data-table" data-testid="link-value-table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Link</th>
              <th scope="col">Value of link rate (€/day per kb/s)</th>
              <th scope="col">Value of VPP key (€/day per kb/s)</th>
              <th scope="col">Priced slots</th>
              <th scope="col">Re-solve check</th>
            </tr>
          </thead>
          <tbody>
            {values.links.map((l, i) => (
              <tr
                key={l.linkId}
                data-link-id={l.linkId}
                data-value={l.valueEurPerKbpsLinkRate}
                data-agrees={l.check?.agrees}
              >
                <td>{i + 1}</td>
                <th scope="row">
                  {l.linkId} ({label(l.a)}–{label(l.b)})
                </th>
                <td>
                  <span
                    className="link-value__bar"
                    aria-hidden="true"
                    style={{ width: top > 0 ? `${(60 * l.valueEurPerKbpsLinkRate) / top}px` : 0 }}
                  />
                  {formatEurSig(l.valueEurPerKbpsLinkRate)}
                </td>
                <td>{formatEurSig(l.valueEurPerKbps)}</td>
                <td>{l.pricedSlots}</td>
                <td
                  className={
                    l.check !== undefined && !l.check.agrees
                      ? 'link-value__check--differs'
                      : undefined
                  }
                >
                  {checkText(l.check, l.valueEurPerKbpsLinkRate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
