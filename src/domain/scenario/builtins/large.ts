/**
 * The large scenario, for scale: a metro ring of 6 core relays, 50 regional gateways hung off it
 * in pairs, and four fleet-driven processes over every gateway, so 200 flows × 96 slots, plus the
 * market and archive flows of the representative day.
 */
const GATEWAYS = 50
const CORE = 6

import { freshCopy } from './freshCopy.ts'

export function largeScenario(): Record<string, unknown> {
  const nodes: Record<string, unknown>[] = [
    { id: 'CC', label: 'VPP control centre', role: 'control', x: 0.5, y: 0.5 },
    { id: 'MO', label: 'Market gateway', role: 'market', x: 0.95, y: 0.05 },
    { id: 'DC', label: 'Archive data centre', role: 'archive', x: 0.05, y: 0.05 },
  ]
  const links: Record<string, unknown>[] = []
  const link = (a: string, b: string, lengthKm: number, bufferBits = 10e6): void => {
    links.push({ id: `${a}-${b}`, a, b, lengthKm, bufferBits, reserveFraction: 0.1 })
  }
  for (let c = 0; c < CORE; c++) {
    const angle = (2 * Math.PI * c) / CORE
    nodes.push({
      id: `K${c}`,
      label: `Core relay ${c + 1}`,
      role: 'relay',
      x: 0.5 + 0.22 * Math.cos(angle),
      y: 0.5 + 0.22 * Math.sin(angle),
    })
    link('CC', `K${c}`, 6 + c)
    link(`K${c}`, `K${(c + 1) % CORE}`, 9 + ((c * 3) % 5))
  }
  link('K0', 'MO', 30)
  link('K3', 'DC', 25)
  link('MO', 'DC', 70)
  const groups: Record<string, unknown>[] = []
  for (let g = 0; g < GATEWAYS; g++) {
    const core = g % CORE
    const angle = (2 * Math.PI * g) / GATEWAYS
    nodes.push({
      id: `G${g}`,
      label: `Gateway ${g + 1}`,
      role: 'aggregator',
      x: 0.5 + 0.45 * Math.cos(angle),
      y: 0.5 + 0.45 * Math.sin(angle),
    })
    link(`K${core}`, `G${g}`, 8 + (g % 7) * 3, 0.5e6)
    if (g % 2 === 1) link(`G${g - 1}`, `G${g}`, 5 + (g % 5), 0.5e6)
    groups.push({
      id: `homes-${g}`,
      type: 'pv-battery',
      sites: 20 + (g % 5) * 4,
      unitKw: 5,
      gateway: `G${g}`,
    })
    groups.push({
      id: `ci-${g}`,
      type: g % 3 === 0 ? 'battery' : 'pv',
      sites: 2 + (g % 3),
      unitKw: 250,
      gateway: `G${g}`,
    })
  }
  const fleetProcess = (
    id: string,
    endpoints: string,
    perSite: number,
    bytes: number,
    impactEur: number,
    attacksPerHour: number,
    tag: number,
  ): Record<string, unknown> => ({
    id,
    label: id,
    endpoints,
    messagesPerSitePerHour: perSite,
    messageBytes: bytes,
    deadlineMs: 1000,
    slaPenaltyEur: 0.1,
    impactEur,
    impactEurPerMw: 200,
    attacksPerHour,
    options: [
      { id: `${id}-pqc`, label: 'PQC only', kind: 'classical' },
      {
        id: `${id}-aes`,
        label: 'AES-256, rekey 30 s',
        kind: 'aes-refresh',
        latencyMs: 0.1,
        refreshSeconds: 30,
        channels: 2,
      },
      { id: `${id}-wc`, label: `WC tag ${tag}`, kind: 'wc-mac', latencyMs: 0.1, tagBits: tag },
      { id: `${id}-otp`, label: `OTP + WC tag ${tag}`, kind: 'otp-mac', tagBits: tag },
    ],
  })
  // A fresh copy every call (a JSON document, so a JSON round trip copies it whole): callers edit
  // what they get, and shared pieces would carry one caller's edits into the next scenario.
  return freshCopy({
    format: 'qkd-vpp-scenario',
    version: 1,
    name: 'Large metro VPP (200+ flows)',
    seed: 96,
    horizon: { slots: 96, slotMinutes: 15 },
    // 0.2 % of each link (a few kb/s, as on the representative day): the core links out of CC
    // cannot tag every gateway's traffic, so the share matters (halving it quadruples the optimum).
    qkd: { nodes, links, vppShare: 0.002 },
    fleet: { groups },
    processes: [
      fleetProcess('dispatch', 'control->gateways', 900, 200, 2000, 80, 64),
      fleetProcess('metering', 'gateways->control', 900, 256, 1000, 120, 32),
      fleetProcess('setpoints', 'control->gateways', 120, 512, 3000, 40, 64),
      fleetProcess('alarms', 'gateways->control', 60, 128, 4000, 40, 64),
      {
        id: 'bidding',
        label: 'Bidding',
        endpoints: { from: 'CC', to: 'MO' },
        messagesPerHour: 4,
        messageBytes: 32_000,
        deadlineMs: 60_000,
        slaPenaltyEur: 500,
        impactEur: 50_000,
        attacksPerHour: 6,
        options: [
          { id: 'B0', label: 'PQC/TLS only', kind: 'classical' },
          { id: 'B2', label: 'WC tag 128', kind: 'wc-mac', latencyMs: 0.2, tagBits: 128 },
          { id: 'B3', label: 'OTP + WC tag 128', kind: 'otp-mac', tagBits: 128 },
        ],
      },
      {
        id: 'archival',
        label: 'Archival',
        endpoints: { from: 'CC', to: 'DC' },
        messagesPerHour: 1,
        messageBytes: 8_000_000,
        deadlineMs: 3_600_000,
        slaPenaltyEur: 1000,
        impactEur: 100_000,
        attacksPerHour: 2,
        options: [
          { id: 'A0', label: 'PQC only', kind: 'classical' },
          {
            id: 'A1',
            label: 'AES-256, rekey per batch',
            kind: 'aes-refresh',
            latencyMs: 8,
            refreshSeconds: 3600,
          },
          { id: 'A2', label: 'A1 + WC tag 128', kind: 'wc-mac', latencyMs: 10, tagBits: 128 },
        ],
      },
    ],
    threat: {
      windows: [
        { label: 'Morning attack campaign', startSlot: 32, endSlot: 40, multiplier: 10 },
        { label: 'Evening attack campaign', startSlot: 72, endSlot: 84, multiplier: 10 },
      ],
    },
    shocks: [
      {
        label: 'Core ring disturbance',
        startSlot: 48,
        endSlot: 56,
        links: ['K0-K1', 'K1-K2'],
        factor: 0.3,
      },
      {
        label: 'Gateway fibre outage',
        startSlot: 64,
        endSlot: 72,
        links: ['K2-G2', 'K4-G4'],
        factor: 0,
      },
    ],
    policy: { pathsPerFlow: 2 },
  })
}
