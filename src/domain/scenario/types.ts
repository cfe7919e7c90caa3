/**
 * The `qkd-vpp-scenario` format, version 1 (MODEL.md §2).
 *
 * Two shapes exist: `ScenarioInput` is what a user writes (optional fields may be left out) and
 * `Scenario` is what the rest of the domain sees after validation filled every default. Units are
 * part of every field name.
 */

export const SCENARIO_FORMAT = 'qkd-vpp-scenario'
export const SCENARIO_VERSION = 1

export type NodeRole = 'control' | 'dso' | 'market' | 'archive' | 'aggregator' | 'relay'
export const NODE_ROLES: readonly NodeRole[] = [
  'control',
  'dso',
  'market',
  'archive',
  'aggregator',
  'relay',
]

export type DerType = 'pv' | 'pv-battery' | 'battery' | 'ev-hub' | 'flex-load' | 'wind' | 'chp'
export const DER_TYPES: readonly DerType[] = [
  'pv',
  'pv-battery',
  'battery',
  'ev-hub',
  'flex-load',
  'wind',
  'chp',
]

export type OptionKind = 'classical' | 'aes-refresh' | 'wc-mac' | 'otp-mac'
export const OPTION_KINDS: readonly OptionKind[] = ['classical', 'aes-refresh', 'wc-mac', 'otp-mac']

export type RiskMeasure = 'expected' | 'cvar' | 'worst'

export interface Horizon {
  /** Number of planning slots, 1..288. */
  slots: number
  /** Length of one slot in minutes, 1..60. */
  slotMinutes: number
}

export interface QkdNode {
  id: string
  label: string
  role: NodeRole
  /** Map position, 0..1 from the left. */
  x: number
  /** Map position, 0..1 from the top. */
  y: number
}

export interface QkdLink {
  id: string
  /** Node id of one end (links are undirected). */
  a: string
  /** Node id of the other end. */
  b: string
  lengthKm: number
  /** Measured secret-key rate in bits/s; overrides the rate model when present. */
  keyRateBps?: number
  /** Key store capacity in bits. */
  bufferBits: number
  /** Store level at the start of slot 0 in bits (default half the buffer). */
  initialBufferBits: number
  /** Share of the buffer held back as an emergency reserve, 0..0.5. */
  reserveFraction: number
}

export interface RateModel {
  /** Secret-key rate at zero length, bits/s. */
  r0Bps: number
  /** Fibre loss, dB per km. */
  lossDbPerKm: number
}

export interface DerGroup {
  id: string
  type: DerType
  sites: number
  unitKw: number
  /** Id of the `aggregator` node this group reports through. */
  gateway: string
}

export interface EndpointPair {
  from: string
  to: string
}

/** `control->gateways`, `gateways->control`, one explicit pair, or a list of explicit pairs. */
export type Endpoints = 'control->gateways' | 'gateways->control' | EndpointPair | EndpointPair[]

export interface SecurityOption {
  id: string
  label: string
  kind: OptionKind
  /** Processing latency added by this option, ms. */
  latencyMs: number
  /** aes-refresh: seconds between re-keys. */
  refreshSeconds?: number
  /** aes-refresh: number of independently keyed channels. */
  channels?: number
  /** wc-mac / otp-mac: authentication tag length in bits. */
  tagBits?: number
  /** Overrides the derived residual success bound per attempt, 0..1. */
  successBound?: number
}

export interface Process {
  id: string
  label: string
  endpoints: Endpoints
  /** Fleet-driven rate: messages per DER site behind the flow's gateway per hour. */
  messagesPerSitePerHour?: number
  /** Fixed rate of each flow, messages per hour. */
  messagesPerHour?: number
  messageBytes: number
  deadlineMs: number
  /** Penalty per message that misses its deadline, Eur. */
  slaPenaltyEur: number
  /** Loss per successful attack, Eur. */
  impactEur: number
  /** Extra loss per successful attack per MW of DER capacity behind the flow, Eur/MW. */
  impactEurPerMw: number
  /** Baseline attack attempts on the process per hour. */
  attacksPerHour: number
  /** Weakest option the policy allows (options before it are removed). */
  minOption?: string
  /** Options from weakest to strongest. */
  options: SecurityOption[]
}

export interface AttackWindow {
  label: string
  startSlot: number
  endSlot: number
  multiplier: number
  /** Processes the window hits; all when absent. */
  processes?: string[]
}

export interface Threat {
  windows: AttackWindow[]
  /** Success bound per attempt of a classical-only (PQC/TLS) message. */
  classicalSuccessBound: number
}

export interface Shock {
  label: string
  startSlot: number
  endSlot: number
  /** Link ids, or `all`. */
  links: string[] | 'all'
  /** Multiplier on the key rate; 0 is an outage. */
  factor: number
}

export interface Policy {
  /** Weight of SLA penalties against risk in the objective. */
  slaWeight: number
  /** MILP: one option per flow and slot. */
  integer: boolean
  /** Candidate paths per flow, 1..4. */
  pathsPerFlow: number
  /** Latency added per trusted-relay hop, ms. */
  relayLatencyMs: number
  /** Latency of fetching key from the key-management service, ms. */
  kmsLatencyMs: number
  /** Whether messages may be held (delayed past their deadline) for lack of key. */
  holdAllowed: boolean
  /**
   * Price of key a policy leaves missing from a store at the end of the day, € per Mbit below the
   * starting level (MODEL.md §8, the terminal rule). Every policy, the oracle included, is charged
   * by it, so the oracle is a true lower bound.
   */
  terminalKeyEurPerMbit: number
}

export interface Uncertainty {
  /** Log-normal sigma of the realised key yield. */
  yieldSigma: number
  /** Log-normal sigma of the realised attack attempts. */
  attackSigma: number
  /** Sampled scenarios for the offline robust plan. */
  scenarioCount: number
  riskMeasure: RiskMeasure
  /** CVaR tail level, 0.5..0.999 (used with riskMeasure `cvar`). */
  alpha: number
}

export interface Scenario {
  format: typeof SCENARIO_FORMAT
  version: typeof SCENARIO_VERSION
  name: string
  /** Free-text notes about the scenario, at most 4,000 characters. */
  description?: string
  seed: number
  horizon: Horizon
  qkd: {
    nodes: QkdNode[]
    links: QkdLink[]
    rateModel: RateModel
    /** Share of every link's key rate this VPP may use, 0..1. */
    vppShare: number
  }
  fleet: { groups: DerGroup[] }
  processes: Process[]
  threat: Threat
  shocks: Shock[]
  policy: Policy
  uncertainty: Uncertainty
}
