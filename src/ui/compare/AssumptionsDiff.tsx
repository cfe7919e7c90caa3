/**
 * Every field in which B differs from A, at its JSON path (the validator's style), with both
 * values. Long diffs (two unrelated presets) show their first rows and say how many there are.
 */
import { useMemo } from 'react'
import { diffScenarios, type DiffKind } from '../../domain/scenario/scenarioDiff.ts'
import type { Scenario } from '../../domain/scenario/types.ts'
import { diffValueText } from './compareModel.ts'

/** Rows rendered at most; the count above the table says how many there are in all. */
const MAX_ROWS = 300

const KIND_TEXT: Record<DiffKind, string> = {
  changed: 'changed',
  added: 'only in B',
  removed: 'only in A',
  reordered: 'order',
}

export function AssumptionsDiff({ a, b }: { a: Scenario; b: Scenario }) {
  const diff = useMemo(() => diffScenarios(a, b), [a, b])
  const shown = diff.slice(0, MAX_ROWS)
  return (
    <section
      className="panel compare-diff"
      aria-labelledby="compare-diff-title"
      data-testid="assumptions-diff"
      data-count={diff.length}
    >
      <h2 id="compare-diff-title">Assumptions diff</h2>
      <p className="panel__hint" role="status">
        {diff.length === 0
          ? 'A and B have the same assumptions.'
          : `${diff.length} field${diff.length === 1 ? '' : 's'} differ${diff.length === 1 ? 's' : ''}${diff.length > MAX_ROWS ? `; the first ${MAX_ROWS} are listed` : ''}.`}
      </p>
      {shown.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Assumptions diff">
          <table className="data-table compare-diff__table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Change</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <tr
                  key={`${entry.kind} ${entry.path}`}
                  data-path={entry.path}
                  data-kind={entry.kind}
                >
                  <th scope="row">
                    <code>{entry.path}</code>
                  </th>
                  <td>{KIND_TEXT[entry.kind]}</td>
                  <td>{diffValueText(entry.a)}</td>
                  <td>{diffValueText(entry.b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
