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

/** Sites and MW behind one endpoint pair: its gateway's groups, else the whole fleet. */
function fleetBehind(
  pair: EndpointPair,
  scenario: Scenario,
): { sites: number; capacityMw: number } {
  const gatewayIds = new Set(
    scenario.qkd.nodes.filter((n) => n.role === 'aggregator').map((n) => n.id),
  )
  const gateway = [pair.from, pair.to].find((id) => gatewayIds.has(id))
  const groups = scenario.fleet.groups.filter((g) => gateway === undefined || g.gateway === gateway)
  return {
    sites: groups.reduce((s, g) => s + g.sites, 0),
    capacityMw: groups.reduce((s, g) => s + (g.sites * g.unitKw) / 1000, 0),
  }
}

/** Expands every process of a (validated) scenario into flows, in process then endpoint order. */
export function expandFlows(scenario: Scenario): Flow[] {
  const flows: Flow[] = []
  scenario.processes.forEach((process, processIndex) => {
    for (const pair of endpointPairs(process, scenario)) {
      const { sites, capacityMw } = fleetBehind(pair, scenario)
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
