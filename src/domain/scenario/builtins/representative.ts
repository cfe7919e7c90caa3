/**
 * The representative VPP day (DOMAIN.md §5): 8 QKD nodes, 10 links, 200 DER sites behind four
 * regional gateways, five business processes, two high-attack windows and two key-yield shocks.
 * Calibrated as MODEL.md §7–§8 ask; the calibration is checked by tests, not assumed:
 * - vppShare 0.01 (a busier shared metro network than DOMAIN.md's 2%), so the budget binds all day;
 * - the RS2 duct cut (15:00–18:00) isolates RS2 long enough that stored key runs out, which is
 *   where AES refresh and classical-only protection become the best use of scarce key;
 * - jamming cuts the market gateway off for an hour at noon, and intraday bidding (one message a
 *   minute) keeps the market links' key busy, so only a planner that banks key ahead of the
 *   jamming keeps bidding protected through it.
 */
import type { Process } from '../types.ts'

const slot = (hour: number): number => hour * 4

const nodes = [
  { id: 'CC', label: 'VPP control centre', role: 'control', x: 0.42, y: 0.45 },
  { id: 'DSO', label: 'DSO control centre', role: 'dso', x: 0.68, y: 0.3 },
  { id: 'MO', label: 'Market / TSO gateway', role: 'market', x: 0.92, y: 0.12 },
  { id: 'DC', label: 'Archive data centre', role: 'archive', x: 0.12, y: 0.12 },
  { id: 'RS1', label: 'Regional substation 1', role: 'aggregator', x: 0.18, y: 0.72 },
  { id: 'RS2', label: 'Regional substation 2', role: 'aggregator', x: 0.45, y: 0.88 },
  { id: 'RS3', label: 'Regional substation 3', role: 'aggregator', x: 0.78, y: 0.7 },
  { id: 'RS4', label: 'Regional substation 4', role: 'aggregator', x: 0.9, y: 0.45 },
] as const

/**
 * Core links keep 10 Mbit stores (DOMAIN.md §5.2); links that end at a regional substation have
 * 0.5 Mbit edge stores, so a long outage there cannot be ridden out on stored key alone.
 */
const link = (id: string, a: string, b: string, lengthKm: number) => ({
  id,
  a,
  b,
  lengthKm,
  bufferBits: id.includes('RS') ? 0.5e6 : 10e6,
  reserveFraction: 0.1,
})

const groups = [
  ['RS1', 'pv-battery', 30, 5],
  ['RS1', 'pv', 10, 250],
  ['RS1', 'battery', 5, 500],
  ['RS1', 'ev-hub', 5, 150],
  ['RS2', 'pv-battery', 30, 5],
  ['RS2', 'pv', 10, 250],
  ['RS2', 'battery', 5, 500],
  ['RS2', 'ev-hub', 5, 150],
  ['RS3', 'pv-battery', 30, 5],
  ['RS3', 'pv', 5, 250],
  ['RS3', 'battery', 5, 500],
  ['RS3', 'ev-hub', 5, 150],
  ['RS3', 'wind', 3, 2500],
  ['RS3', 'chp', 2, 1000],
  ['RS4', 'pv-battery', 30, 5],
  ['RS4', 'pv', 5, 250],
  ['RS4', 'ev-hub', 5, 150],
  ['RS4', 'flex-load', 10, 50],
] as const

const processes: Process[] = [
  {
    id: 'bidding',
    label: 'Bidding',
    endpoints: { from: 'CC', to: 'MO' },
    // Day-ahead blocks plus continuous intraday updates, about one a minute.
    messagesPerHour: 60,
    messageBytes: 32_000,
    deadlineMs: 60_000,
    slaPenaltyEur: 500,
    impactEur: 50_000,
    impactEurPerMw: 0,
    attacksPerHour: 6,
    options: [
      { id: 'B0', label: 'PQC/TLS only', kind: 'classical', latencyMs: 0 },
      {
        id: 'B1',
        label: 'AES-256, rekey per message',
        kind: 'aes-refresh',
        latencyMs: 0.1,
        refreshSeconds: 900,
        channels: 1,
      },
      { id: 'B2', label: 'AES-256 + WC tag 128', kind: 'wc-mac', latencyMs: 0.2, tagBits: 128 },
      { id: 'B3', label: 'OTP + WC tag 128', kind: 'otp-mac', latencyMs: 0, tagBits: 128 },
    ],
  },
  {
    id: 'dispatch',
    label: 'Dispatch',
    endpoints: 'control->gateways',
    messagesPerSitePerHour: 900,
    messageBytes: 200,
    deadlineMs: 1000,
    slaPenaltyEur: 0.5,
    impactEur: 2000,
    impactEurPerMw: 500,
    attacksPerHour: 40,
    minOption: 'D1',
    options: [
      { id: 'D0', label: 'PQC only', kind: 'classical', latencyMs: 0 },
      {
        id: 'D1',
        label: 'AES-256, rekey 10 s, 4 channels',
        kind: 'aes-refresh',
        latencyMs: 0.1,
        refreshSeconds: 10,
        channels: 4,
      },
      { id: 'D2', label: 'WC tag 64 per message', kind: 'wc-mac', latencyMs: 0.1, tagBits: 64 },
      { id: 'D3', label: 'OTP + WC tag 64', kind: 'otp-mac', latencyMs: 0, tagBits: 64 },
    ],
  },
  {
    id: 'metering',
    label: 'Metering / telemetry',
    endpoints: 'gateways->control',
    messagesPerSitePerHour: 900,
    messageBytes: 256,
    deadlineMs: 2000,
    slaPenaltyEur: 0.05,
    impactEur: 1000,
    impactEurPerMw: 100,
    attacksPerHour: 60,
    options: [
      { id: 'M0', label: 'PQC only', kind: 'classical', latencyMs: 0 },
      {
        id: 'M1',
        label: 'AES-256, rekey 60 s, 4 channels',
        kind: 'aes-refresh',
        latencyMs: 0.1,
        refreshSeconds: 60,
        channels: 4,
      },
      { id: 'M2', label: 'WC tag 32 per message', kind: 'wc-mac', latencyMs: 0.1, tagBits: 32 },
      { id: 'M3', label: 'OTP + WC tag 32', kind: 'otp-mac', latencyMs: 0, tagBits: 32 },
    ],
  },
  {
    id: 'settlement',
    label: 'Settlement',
    endpoints: [
      { from: 'CC', to: 'MO' },
      { from: 'CC', to: 'DSO' },
    ],
    messagesPerHour: 8,
    messageBytes: 64_000,
    deadlineMs: 300_000,
    slaPenaltyEur: 200,
    impactEur: 30_000,
    impactEurPerMw: 0,
    attacksPerHour: 6,
    options: [
      { id: 'S0', label: 'PQC only', kind: 'classical', latencyMs: 0 },
      {
        id: 'S1',
        label: 'AES-256, rekey per message, 2 channels',
        kind: 'aes-refresh',
        latencyMs: 0.5,
        refreshSeconds: 450,
        channels: 2,
      },
      { id: 'S2', label: 'S1 + WC tag 128', kind: 'wc-mac', latencyMs: 0.6, tagBits: 128 },
      { id: 'S3', label: 'OTP + WC tag 128', kind: 'otp-mac', latencyMs: 0, tagBits: 128 },
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
    impactEurPerMw: 0,
    attacksPerHour: 2,
    options: [
      { id: 'A0', label: 'PQC only', kind: 'classical', latencyMs: 0 },
      {
        id: 'A1',
        label: 'AES-256, rekey per batch',
        kind: 'aes-refresh',
        latencyMs: 8,
        refreshSeconds: 3600,
        channels: 1,
      },
      { id: 'A2', label: 'A1 + WC tag 128', kind: 'wc-mac', latencyMs: 10, tagBits: 128 },
      {
        id: 'A3',
        label: 'OTP + WC tag 128 (waits for key)',
        kind: 'otp-mac',
        latencyMs: 0,
        tagBits: 128,
      },
    ],
  },
]

/** The representative day as a scenario document (JSON-ready). */
export function representativeScenario(): Record<string, unknown> {
  return {
    format: 'qkd-vpp-scenario',
    version: 1,
    name: 'Representative VPP day',
    seed: 2510,
    horizon: { slots: 96, slotMinutes: 15 },
    qkd: {
      nodes: nodes.map((n) => ({ ...n })),
      links: [
        link('CC-DSO', 'CC', 'DSO', 8),
        link('CC-RS1', 'CC', 'RS1', 12),
        link('CC-RS2', 'CC', 'RS2', 18),
        link('RS2-RS3', 'RS2', 'RS3', 20),
        link('DSO-RS3', 'DSO', 'RS3', 22),
        link('DSO-RS4', 'DSO', 'RS4', 25),
        link('RS1-RS4', 'RS1', 'RS4', 30),
        link('CC-DC', 'CC', 'DC', 35),
        link('DSO-MO', 'DSO', 'MO', 45),
        link('DC-MO', 'DC', 'MO', 60),
      ],
      rateModel: { r0Bps: 4e6, lossDbPerKm: 0.2 },
      vppShare: 0.01,
    },
    fleet: {
      groups: groups.map(([gateway, type, sites, unitKw], i) => ({
        id: `${gateway}-${type}-${i}`,
        type,
        sites,
        unitKw,
        gateway,
      })),
    },
    processes,
    threat: {
      windows: [
        { label: 'Morning attack campaign', startSlot: slot(8), endSlot: slot(10), multiplier: 10 },
        {
          label: 'Evening attack campaign',
          startSlot: slot(18),
          endSlot: slot(21),
          multiplier: 10,
        },
      ],
      classicalSuccessBound: 1e-3,
    },
    shocks: [
      {
        label: 'Fibre disturbance on CC–DSO',
        startSlot: slot(12),
        endSlot: slot(14),
        links: ['CC-DSO'],
        factor: 0.3,
      },
      {
        label: 'Market gateway jamming (DSO–MO and DC–MO down)',
        startSlot: slot(12),
        endSlot: slot(13),
        links: ['DSO-MO', 'DC-MO'],
        factor: 0,
      },
      {
        label: 'RS2 duct cut (CC–RS2 and RS2–RS3 down)',
        startSlot: slot(15),
        endSlot: slot(18),
        links: ['CC-RS2', 'RS2-RS3'],
        factor: 0,
      },
    ],
    policy: {
      slaWeight: 1,
      integer: false,
      pathsPerFlow: 2,
      relayLatencyMs: 2,
      kmsLatencyMs: 10,
      holdAllowed: true,
    },
    uncertainty: {
      yieldSigma: 0.1,
      attackSigma: 0.2,
      scenarioCount: 20,
      riskMeasure: 'cvar',
      alpha: 0.95,
    },
  }
}
