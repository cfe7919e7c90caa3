/**
 * Fixes for an infeasible scenario that are known to work. Each candidate change (allow holding,
 * drop a process's floor option, raise the VPP share, enlarge the stores of the links in the
 * conflict) is applied to a copy of the scenario and solved; only the ones that give a feasible
 * plan are offered. So the planner never suggests "double the share" for links that generate no
 * key at all during the outage that breaks the plan.
 */
import type { Highs } from 'highs'
import { buildInstance } from '../derive/instance.ts'
import { EVALUATION_DAY } from '../report/evaluationDay.ts'
import type { Scenario } from '../scenario/types.ts'
import type { Infeasibility } from './infeasibility.ts'
import { OracleSession } from './oracleSession.ts'
import { applyFix, type FixKind, type InfeasibilityFix } from './applyFix.ts'

export { applyFix, type FixKind, type InfeasibilityFix } from './applyFix.ts'

const SHARE_FACTORS = [2, 4, 10] as const
const STORE_FACTORS = [4, 20] as const

/** The candidate fixes worth trying for this infeasibility, cheapest to most drastic. */
function candidates(scenario: Scenario, why: Infeasibility): InfeasibilityFix[] {
  const out: InfeasibilityFix[] = []
  if (!scenario.policy.holdAllowed)
    out.push({ kind: 'allow-hold', text: 'allow holding messages (policy.holdAllowed)' })
  for (const id of why.processes) {
    const p = scenario.processes.find((x) => x.id === id)
    if (p?.minOption !== undefined)
      out.push({
        kind: 'lower-floor',
        processId: id,
        text: `drop the floor option of ${id} (minOption "${p.minOption}")`,
      })
  }
  // More share only helps where the links of the conflict generate key in its slots.
  const instance = buildInstance(scenario, EVALUATION_DAY)
  const generating = why.links.some((id) => {
    const link = instance.links.find((l) => l.id === id)
    return why.slots.some((t) => (link?.supplyBps[t] ?? 0) > 0)
  })
  if (generating) {
    for (const factor of SHARE_FACTORS) {
      const share = Math.min(1, scenario.qkd.vppShare * factor)
      if (share <= scenario.qkd.vppShare) break
      out.push({
        kind: 'raise-share',
        vppShare: share,
        text: `raise the VPP key share to ${formatShare(share)} (×${factor})`,
      })
    }
  }
  if (why.links.length > 0) {
    for (const factor of STORE_FACTORS) {
      out.push({
        kind: 'larger-stores',
        linkIds: [...why.links],
        storeFactor: factor,
        text: `make the key stores of ${why.links.join(', ')} ${factor} times larger (and their starting stores with them)`,
      })
    }
  }
  return out
}

function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(3))} %`
}

/**
 * The fixes that make `scenario` feasible, each checked by an LP solve of the changed scenario.
 * Of the share and store factors only the smallest that works is kept.
 */
export function workingFixes(
  highs: Highs,
  scenario: Scenario,
  why: Infeasibility,
): InfeasibilityFix[] {
  const working: InfeasibilityFix[] = []
  const found = new Set<FixKind>()
  for (const fix of candidates(scenario, why)) {
    if ((fix.kind === 'raise-share' || fix.kind === 'larger-stores') && found.has(fix.kind))
      continue
    const session = new OracleSession(
      highs,
      buildInstance(applyFix(scenario, fix), EVALUATION_DAY),
      {
        integer: false,
        tieBreak: false,
      },
    )
    try {
      if (session.solve().status === 'optimal') {
        working.push(fix)
        found.add(fix.kind)
      }
    } finally {
      session.dispose()
    }
  }
  return working
}

/** The closing sentence of an infeasibility explanation, from the fixes that work. */
export function fixesSentence(fixes: readonly InfeasibilityFix[]): string {
  return fixes.length > 0
    ? `To make it feasible: ${fixes.map((f) => f.text).join('; or ')}.`
    : 'No single change the planner tried makes it feasible (allowing holds, dropping floor options, up to ten times the share, up to twenty times the stores): the conflict needs several changes at once.'
}
