/**
 * Defaults of the scenario's optional fields (MODEL.md §2, DOMAIN.md §5), with where each comes
 * from. The schema (`schema.ts`) declares them as its defaults, and the README's field table is
 * generated from the schema. Untyped on purpose: the scenario's types derive from the schema,
 * which reads these.
 */

export const DEFAULT_HORIZON = { slots: 96, slotMinutes: 15 }

/** 4 Mb/s at zero length, 0.2 dB/km standard single-mode fibre (DOMAIN.md §5.2). */
export const DEFAULT_RATE_MODEL = { r0Bps: 4e6, lossDbPerKm: 0.2 }

/** Tenant share of a shared metro QKD network (DOMAIN.md §5.2). */
export const DEFAULT_VPP_SHARE = 0.02

/** Key store size per link, bits (QKDNetSim-style Mmax, DOMAIN.md §5.2). */
export const DEFAULT_BUFFER_BITS = 10e6

export const DEFAULT_CLASSICAL_SUCCESS_BOUND = 1e-3

/**
 * The terminal rule's default price, € per Mbit of key missing from a store at the end of the day.
 * It stands for what that key would have bought tomorrow: €1 per Mbit is about four times the
 * representative day's median shadow price (€0.26/Mbit), so a plan draws a store below its
 * starting level only for uses worth more than that.
 */
export const DEFAULT_TERMINAL_KEY_EUR_PER_MBIT = 1

export const DEFAULT_POLICY = {
  slaWeight: 1,
  integer: false,
  pathsPerFlow: 2,
  relayLatencyMs: 2,
  kmsLatencyMs: 10,
  holdAllowed: true,
  terminalKeyEurPerMbit: DEFAULT_TERMINAL_KEY_EUR_PER_MBIT,
}

export const DEFAULT_UNCERTAINTY = {
  yieldSigma: 0.1,
  attackSigma: 0.2,
  scenarioCount: 20,
  riskMeasure: 'cvar' as const,
  alpha: 0.95,
}

export const DEFAULT_SEED = 1
export const DEFAULT_NAME = 'Untitled scenario'
