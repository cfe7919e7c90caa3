/**
 * The representative VPP day (DOMAIN.md §5): 8 QKD nodes, 10 links, 200 DER sites behind four
 * regional gateways, five business processes, high-attack windows and three key-yield shocks.
 * Calibrated as MODEL.md §8 asks, and checked by `calibration.test.ts`, not assumed: key is scarce
 * at today's share (halving it raises the oracle's objective by far more than 20 %, doubling it
 * lowers it by far more than 10 %, key is priced above €0.01 per Mbit all day), held messages cost
 * nothing, every option kind is used and an all-classical day carries about €75k of risk.
 *
 * Where the numbers come from (sections of DOMAIN.md; [assumption] where no source exists):
 * - Link lengths and the rate model (4 Mb/s · 10^(−0.02·km), §1 and §5.2). The VPP's share is
 *   0.15 % of each link, i.e. 0.4–4 kb/s (CC–RS1 3.5 kb/s, DSO–MO 0.76 kb/s): a tenant on a busy
 *   shared metro network (Cambridge: tens of thousands of users at >1 kb/s each, §1).
 * - Dispatch sends the 1-s regulation signal to every site (PJM RegD at 1-s resolution, §3),
 *   metering streams telemetry every 4 s (SCADA 1–10 s, §3 and §5.3); message sizes §5.3.
 * - Wegman–Carter tags per message (τ = 64 dispatch, 32 metering, 128 bidding/settlement/
 *   archival, §2 and §5.4), so tagging all dispatch and metering needs 14.4 kb/s end to end.
 * - AES rekey intervals are a parameter (no vendor value found, §2): dispatch rekeys once per
 *   15-min settlement period on 4 channels (residual bound λ_c·T_r = 9e-5, §5.4); metering runs
 *   one AES session per site rekeyed every minute (50 × 256 / 60 s = 213 b/s per gateway).
 * - Attack attempts, impacts, windows and shocks as in §5.3–§5.5, with 2015-Ukraine-style
 *   campaigns (§4); attack rates are synthetic (§4: no public per-hour series).
 */
import type { Process } from '../types.ts'
import { freshCopy } from './freshCopy.ts'

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
 * Core links keep 10 Mbit stores (Mmax, DOMAIN.md §5.2); links that end at a regional substation
 * have 0.5 Mbit edge stores [assumption; QKDNetSim's example buffer is 1 Mbit, §1], so the 3-h RS2
 * duct cut cannot be ridden out on stored key alone: metering there falls back to PQC only.
 * Reserve 10 % of each buffer (the emergency reserve of §5.5).
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
        // One message a minute, rekeyed per message: bound 1e-7/s · 60 s = 6e-6 (§5.4).
        refreshSeconds: 60,
        channels: 1,
      },
      {
        id: 'B2',
        label: 'AES-256 + WC tag 128',
        kind: 'wc-mac',
        latencyMs: 0.2,
        tagBits: 128,
        // The tag stops forgery, but the bid is still only AES-encrypted: a bid read before gate
        // closure is as costly as a forged one, so the bound stays AES's key-compromise bound
        // (6e-6, as B1). Only the one-time pad (B3, "perfect secrecy", §5.4) removes it.
        successBound: 6e-6,
      },
      { id: 'B3', label: 'OTP + WC tag 128', kind: 'otp-mac', latencyMs: 0, tagBits: 128 },
    ],
  },
  {
    id: 'dispatch',
    label: 'Dispatch',
    endpoints: 'control->gateways',
    // The regulation signal to every site once a second (PJM RegD, 1-s resolution, §3).
    messagesPerSitePerHour: 3600,
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
        label: 'AES-256, rekey 900 s, 4 channels',
        kind: 'aes-refresh',
        latencyMs: 0.1,
        // Rekey once per 15-min settlement period (§3): 1.1 b/s, bound 9e-5 [assumption, §2].
        refreshSeconds: 900,
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
    // Telemetry every 4 s per site (50 msg/s for the fleet, §5.3).
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
        label: 'AES-256 per site, rekey 60 s',
        kind: 'aes-refresh',
        latencyMs: 0.1,
        // One session per site (50 per gateway), rekeyed every minute: 213 b/s, bound 6e-6.
        refreshSeconds: 60,
        channels: 50,
      },
      { id: 'M2', label: 'WC tag 32 per message', kind: 'wc-mac', latencyMs: 0.1, tagBits: 32 },
      // The pad's tag is 64 bits (a 32-bit tag would leave OTP no stronger than M2).
      { id: 'M3', label: 'OTP + WC tag 64', kind: 'otp-mac', latencyMs: 0, tagBits: 64 },
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
  // A fresh copy every call (a JSON document, so a JSON round trip copies it whole): callers edit
  // what they get, and shared pieces would carry one caller's edits into the next scenario.
  return freshCopy({
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
      // 0.15 % of every link: 0.4–4 kb/s for this VPP (Cambridge >1 kb/s per user, §1). Key is
      // scarce: tagging all dispatch and metering would need about 14 kb/s out of CC.
      vppShare: 0.0015,
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
        // Jamming is itself an attack (§1: high-power jamming interrupts key exchange): the
        // adversary jams the market gateway's QKD links and attacks the bids meanwhile.
        {
          label: 'Bid tampering during the jamming',
          startSlot: slot(12),
          endSlot: slot(13),
          multiplier: 10,
          processes: ['bidding', 'settlement'],
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
      // Day-ahead forecasts good to about 5 % per slot: commercial links run "stable" for days
      // (PUR-1 320 kb/s, Toshiba 4.4-day average, §1); campaign intensity is synthetic (§4).
      yieldSigma: 0.05,
      attackSigma: 0.05,
      scenarioCount: 20,
      riskMeasure: 'cvar',
      alpha: 0.95,
    },
  })
}
