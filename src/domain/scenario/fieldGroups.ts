/**
 * The scenario format's numeric fields, declared once each with bounds, unit and meaning
 * (`num()`, fields.ts). The schema (`schema.ts`) builds the format from them and the dashboard's
 * editors read their rules from them (`editorRule`).
 */
import { num } from './fields.ts'

/**
 * Shortest AES re-key interval, s. Its key cost is 256 · channels / refreshSeconds: 1 ms on 10,000
 * channels is 2.56 Gb/s, already far beyond any QKD link; shorter (down to a denormal 5e-324)
 * would make the cost infinite.
 */
export const MIN_REFRESH_SECONDS = 1e-3

/** Field declarations by group; the editors read their rules (`ruleOf`) from these. */
export const HORIZON_FIELDS = {
  slots: num({ min: 1, max: 288, integer: true, unit: 'slots', description: 'Planning slots' }),
  slotMinutes: num({
    min: 1,
    max: 60,
    unit: 'min',
    description: 'Length of one slot (need not be whole)',
  }),
}

export const NODE_FIELDS = {
  x: num({ min: 0, max: 1, unit: 'fraction', description: 'Map position from the left' }),
  y: num({ min: 0, max: 1, unit: 'fraction', description: 'Map position from the top' }),
}

export const LINK_FIELDS = {
  lengthKm: num({ min: 0, max: 1000, unit: 'km', description: 'Fibre length' }),
  keyRateBps: num({
    min: 0,
    max: 1e10,
    unit: 'bit/s',
    description: 'Measured secret-key rate; overrides the rate model when present',
  }),
  bufferBits: num({ min: 0, max: 1e12, unit: 'bits', description: 'Key store capacity' }),
  initialBufferBits: num({
    min: 0,
    max: 1e12,
    unit: 'bits',
    description:
      'Store level at the start of slot 0, from the reserve floor (reserveFraction × bufferBits) to bufferBits (default half the buffer)',
  }),
  reserveFraction: num({
    min: 0,
    max: 0.5,
    unit: 'fraction',
    description: 'Share of the buffer held back as an emergency reserve',
  }),
}

export const RATE_FIELDS = {
  r0Bps: num({ min: 0, max: 1e10, unit: 'bit/s', description: 'Secret-key rate at zero length' }),
  lossDbPerKm: num({ min: 0, max: 5, unit: 'dB/km', description: 'Fibre loss' }),
}

export const QKD_FIELDS = {
  vppShare: num({
    min: 0,
    max: 1,
    unit: 'fraction',
    description: "Share of every link's key rate this VPP may use",
  }),
}

export const GROUP_FIELDS = {
  sites: num({ min: 0, max: 1e7, integer: true, unit: 'sites', description: 'DER sites' }),
  unitKw: num({ min: 0, max: 1e6, unit: 'kW', description: 'Capacity of one site' }),
}

export const OPTION_FIELDS = {
  latencyMs: num({ min: 0, max: 3.6e6, unit: 'ms', description: 'Processing latency added' }),
  refreshSeconds: num({
    min: MIN_REFRESH_SECONDS,
    max: 86400,
    unit: 's',
    description: 'aes-refresh only: seconds between re-keys',
  }),
  channels: num({
    min: 1,
    max: 10000,
    integer: true,
    unit: 'channels',
    description: 'aes-refresh only: independently keyed channels (default 1)',
  }),
  tagBits: num({
    min: 8,
    max: 1024,
    integer: true,
    unit: 'bits',
    description: 'wc-mac and otp-mac only: authentication tag length',
  }),
  successBound: num({
    min: 0,
    max: 1,
    unit: 'probability',
    description: 'Overrides the derived residual success bound per attempt',
  }),
}

export const PROCESS_FIELDS = {
  messagesPerSitePerHour: num({
    min: 0,
    max: 1e9,
    unit: 'messages/site/h',
    description: "Fleet-driven rate: messages per DER site behind the flow's gateway per hour",
  }),
  messagesPerHour: num({
    min: 0,
    max: 1e12,
    unit: 'messages/h',
    description: 'Fixed rate of each flow',
  }),
  messageBytes: num({ min: 1, max: 1e9, unit: 'bytes', description: 'Message size' }),
  deadlineMs: num({
    min: 0,
    minExclusive: true,
    max: 8.64e7,
    unit: 'ms',
    description: 'End-to-end deadline of one message',
  }),
  slaPenaltyEur: num({
    min: 0,
    max: 1e9,
    unit: '€/message',
    description: 'Penalty per message that misses its deadline',
  }),
  impactEur: num({ min: 0, max: 1e12, unit: '€', description: 'Loss per successful attack' }),
  impactEurPerMw: num({
    min: 0,
    max: 1e12,
    unit: '€/MW',
    description: 'Extra loss per successful attack per MW of DER capacity behind the flow',
  }),
  attacksPerHour: num({
    min: 0,
    max: 1e9,
    unit: 'attempts/h',
    description: 'Baseline attack attempts on the process',
  }),
}

const slotField = (description: string) => num({ min: 0, integer: true, unit: 'slot', description })

export const WINDOW_FIELDS = {
  startSlot: slotField('First slot of the window (it covers startSlot ≤ t < endSlot)'),
  endSlot: slotField('Slot after the last one of the window, at most horizon.slots'),
  multiplier: num({
    min: 0,
    max: 1e6,
    unit: '×',
    description: 'Multiplier on attack attempts; overlapping windows multiply',
  }),
}

export const SHOCK_FIELDS = {
  startSlot: slotField('First slot of the shock (it covers startSlot ≤ t < endSlot)'),
  endSlot: slotField('Slot after the last one of the shock, at most horizon.slots'),
  factor: num({
    min: 0,
    max: 10,
    unit: '×',
    description: 'Multiplier on the key rate; 0 is an outage; overlapping shocks multiply',
  }),
}

export const POLICY_FIELDS = {
  slaWeight: num({
    min: 0,
    max: 1e6,
    unit: '×',
    description: 'Weight of SLA penalties against risk',
  }),
  pathsPerFlow: num({
    min: 1,
    max: 4,
    integer: true,
    unit: 'paths',
    description: 'Candidate paths per flow',
  }),
  relayLatencyMs: num({
    min: 0,
    max: 1e5,
    unit: 'ms',
    description: 'Latency per trusted-relay hop',
  }),
  kmsLatencyMs: num({
    min: 0,
    max: 1e5,
    unit: 'ms',
    description: 'Latency of fetching key from the key-management service',
  }),
  terminalKeyEurPerMbit: num({
    min: 0,
    max: 1e6,
    unit: '€/Mbit',
    description:
      'Price of key a policy leaves missing from a store at the end of the day, below the starting level (the terminal rule)',
  }),
}

export const UNCERTAINTY_FIELDS = {
  yieldSigma: num({ min: 0, max: 2, unit: 'σ', description: 'Log-normal sigma of the key yield' }),
  attackSigma: num({
    min: 0,
    max: 2,
    unit: 'σ',
    description: 'Log-normal sigma of attack attempts',
  }),
  scenarioCount: num({
    min: 1,
    max: 1000,
    integer: true,
    unit: 'days',
    description: 'Sampled days for the offline robust plan',
  }),
  alpha: num({ min: 0.5, max: 0.999, unit: 'fraction', description: 'CVaR tail level' }),
}
