/**
 * What a fix for an infeasible scenario is and how it changes the scenario. Kept apart from the
 * search for working fixes (fixes.ts, which solves) so the page can apply a fix without pulling
 * the solver code into its bundle.
 */
import type { Scenario } from '../scenario/types.ts'

export type FixKind = 'allow-hold' | 'lower-floor' | 'raise-share' | 'larger-stores'

/** A change that makes the scenario feasible, checked by solving it. */
export interface InfeasibilityFix {
  kind: FixKind
  /** The change in domain words, e.g. "raise the VPP key share to 0.3 % (×2)". */
  text: string
  /** `lower-floor`: the process whose `minOption` is removed. */
  processId?: string
  /** `raise-share`: the new `qkd.vppShare`. */
  vppShare?: number
  /** `larger-stores`: the links whose `bufferBits` (and starting store) grow, and the factor. */
  linkIds?: string[]
  storeFactor?: number
}

/** Applies a fix to a scenario (a copy; the input is left alone). */
export function applyFix(scenario: Scenario, fix: InfeasibilityFix): Scenario {
  // A scenario is plain JSON data, so a JSON round trip is a deep copy (in Node and the worker).
  const next = JSON.parse(JSON.stringify(scenario)) as Scenario
  switch (fix.kind) {
    case 'allow-hold':
      next.policy.holdAllowed = true
      break
    case 'lower-floor': {
      const p = next.processes.find((x) => x.id === fix.processId)
      if (p !== undefined) delete p.minOption
      break
    }
    case 'raise-share':
      next.qkd.vppShare = fix.vppShare ?? next.qkd.vppShare
      break
    case 'larger-stores': {
      const ids = new Set(fix.linkIds ?? [])
      const factor = fix.storeFactor ?? 1
      for (const link of next.qkd.links) {
        if (!ids.has(link.id)) continue
        link.initialBufferBits = link.initialBufferBits * factor
        link.bufferBits = link.bufferBits * factor
      }
      break
    }
  }
  return next
}
