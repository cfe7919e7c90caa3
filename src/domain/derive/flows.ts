/**
 * Flow expansion (MODEL.md §3, §8): each process becomes one message flow per endpoint pair.
 */
import type { EndpointPair, Process, Scenario } from '../scenario/types.ts'

export interface Flow {
  /** `process:from->to`, unique within the scenario. */
  id: string
  processIndex: number
  processId: string
  from: string
  to: string
  /** DER sites behind the flow's gateway (the whole fleet when it touches no gateway). */
  sites: number
  /** DER capacity behind the flow, MW. */
  capacityMw: number
  /** Message rate of the flow, messages per second. */
  messagesPerSecond: number
}

/** Endpoint pairs of a process, before rates are attached. */
export function endpointPairs(process: Process, scenario: Scenario): EndpointPair[] {
  const nodes = scenario.qkd.nodes
  const control = nodes.find((n) => n.role === 'control')?.id ?? ''
  const gateways = nodes.filter((n) => n.role === 'aggregator').map((n) => n.id)
  const ep = process.endpoints
  if (ep === 'control->gateways') return gateways.map((g) => ({ from: control, to: g }))
  if (ep === 'gateways->control') return gateways.map((g) => ({ from: g, to: control }))
  return Array.isArray(ep) ? ep : [ep]
}

interface FleetTotals {
  sites: number
  capacityMw: number
}

/**
 * Sites and MW behind one endpoint pair: its gateway's groups, else the whole fleet. The totals
 * are summed once per gateway, in the groups' file order (the same sums as filtering the groups
 * for each pair, without the scan per flow).
 */
function fleetTotals(scenario: Scenario): (pair: EndpointPair) => FleetTotals {
  const gatewayIds = new Set(
    scenario.qkd.nodes.filter((n) => n.role === 'aggregator').map((n) => n.id),
  )
  const byGateway = new Map<string, FleetTotals>()
  const fleet: FleetTotals = { sites: 0, capacityMw: 0 }
  for (const g of scenario.fleet.groups) {
    const mw = (g.sites * g.unitKw) / 1000
    fleet.sites += g.sites
    fleet.capacityMw += mw
    const t = byGateway.get(g.gateway) ?? { sites: 0, capacityMw: 0 }
    t.sites += g.sites
    t.capacityMw += mw
    byGateway.set(g.gateway, t)
  }
  return (pair) => {
    const gateway = [pair.from, pair.to].find((id) => gatewayIds.has(id))
    if (gateway === undefined) return fleet
    return byGateway.get(gateway) ?? { sites: 0, capacityMw: 0 }
  }
}

/** Expands every process of a (validated) scenario into flows, in process then endpoint order. */
export function expandFlows(scenario: Scenario): Flow[] {
  const flows: Flow[] = []
  const fleetBehind = fleetTotals(scenario)
  scenario.processes.forEach((process, processIndex) => {
    for (const pair of endpointPairs(process, scenario)) {
      const { sites, capacityMw } = fleetBehind(pair)
      const perHour =
        process.messagesPerSitePerHour !== undefined
          ? process.messagesPerSitePerHour * sites
          : (process.messagesPerHour ?? 0)
      flows.push({
        id: `${process.id}:${pair.from}->${pair.to}`,
        processIndex,
        processId: process.id,
        from: pair.from,
        to: pair.to,
        sites,
        capacityMw,
        messagesPerSecond: perHour / 3600,
      })
    }
  })
  return flows
}
