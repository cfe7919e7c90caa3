/**
 * Pure helpers for the fleet table (tested in Node).
 */
import type { DerGroup, QkdNode } from '../../domain/scenario/types.ts'
import { uniqueId } from './topology.ts'

/** Total sites and capacity in MW of the DER groups. */
export function fleetTotals(groups: readonly DerGroup[]): { sites: number; mw: number } {
  let sites = 0
  let kw = 0
  for (const g of groups) {
    sites += g.sites
    kw += g.sites * g.unitKw
  }
  return { sites, mw: kw / 1000 }
}

/** A new group (unique id G1, G2, …) behind the first gateway, or a message when there is none. */
export function newGroup(
  groups: readonly DerGroup[],
  nodes: readonly QkdNode[],
): DerGroup | string {
  const gateway = nodes.find((n) => n.role === 'aggregator')
  if (gateway === undefined) return 'Add an aggregator node first: every DER group needs a gateway'
  return {
    id: uniqueId(
      'G',
      groups.map((g) => g.id),
    ),
    type: 'pv',
    sites: 10,
    unitKw: 10,
    gateway: gateway.id,
  }
}
