/**
 * The tiny scenario: 3 nodes, 2 processes, 4 one-hour slots. Small enough to check by hand and to
 * brute-force in tests, yet the budget binds and a relay hop doubles the key bill.
 */
import { freshCopy } from './freshCopy.ts'

export function tinyScenario(): Record<string, unknown> {
  // A fresh copy every call (a JSON document, so a JSON round trip copies it whole): callers edit
  // what they get, and shared pieces would carry one caller's edits into the next scenario.
  return freshCopy({
    format: 'qkd-vpp-scenario',
    version: 1,
    name: 'Tiny relay example',
    seed: 7,
    horizon: { slots: 4, slotMinutes: 60 },
    qkd: {
      nodes: [
        { id: 'CC', label: 'Control centre', role: 'control', x: 0.15, y: 0.5 },
        { id: 'R', label: 'Trusted relay', role: 'relay', x: 0.5, y: 0.5 },
        { id: 'GW', label: 'Gateway', role: 'aggregator', x: 0.85, y: 0.5 },
      ],
      links: [
        {
          id: 'CC-R',
          a: 'CC',
          b: 'R',
          lengthKm: 20,
          keyRateBps: 50_000,
          bufferBits: 2e6,
          reserveFraction: 0.1,
        },
        {
          id: 'R-GW',
          a: 'R',
          b: 'GW',
          lengthKm: 25,
          keyRateBps: 40_000,
          bufferBits: 2e6,
          reserveFraction: 0.1,
        },
      ],
      vppShare: 0.005,
    },
    fleet: { groups: [{ id: 'homes', type: 'pv-battery', sites: 40, unitKw: 5, gateway: 'GW' }] },
    processes: [
      {
        id: 'dispatch',
        label: 'Dispatch',
        endpoints: 'control->gateways',
        messagesPerSitePerHour: 360,
        messageBytes: 200,
        deadlineMs: 1000,
        slaPenaltyEur: 0.2,
        impactEur: 5000,
        attacksPerHour: 10,
        options: [
          { id: 'D0', label: 'PQC only', kind: 'classical' },
          {
            id: 'D1',
            label: 'AES-256, rekey 10 s',
            kind: 'aes-refresh',
            latencyMs: 0.1,
            refreshSeconds: 10,
            channels: 1,
          },
          { id: 'D2', label: 'WC tag 64', kind: 'wc-mac', latencyMs: 0.1, tagBits: 64 },
        ],
      },
      {
        id: 'metering',
        label: 'Metering',
        endpoints: 'gateways->control',
        messagesPerSitePerHour: 120,
        messageBytes: 256,
        deadlineMs: 2000,
        slaPenaltyEur: 0.01,
        impactEur: 800,
        attacksPerHour: 20,
        options: [
          { id: 'M0', label: 'PQC only', kind: 'classical' },
          { id: 'M1', label: 'WC tag 32', kind: 'wc-mac', latencyMs: 0.1, tagBits: 32 },
          { id: 'M2', label: 'OTP + WC tag 64', kind: 'otp-mac', tagBits: 64 },
        ],
      },
    ],
    threat: { windows: [{ label: 'Attack hour', startSlot: 2, endSlot: 3, multiplier: 5 }] },
    shocks: [
      { label: 'Relay fibre disturbance', startSlot: 3, endSlot: 4, links: ['R-GW'], factor: 0.2 },
    ],
    policy: { pathsPerFlow: 1 },
    uncertainty: { yieldSigma: 0, attackSigma: 0 },
  })
}
