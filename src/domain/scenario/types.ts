/**
 * The scenario's types, derived from the one schema (`schema.ts`, MODEL.md §2). `ScenarioInput` is
 * what a user writes (optional fields may be left out) and `Scenario` what the rest of the domain
 * sees after validation filled every default. Units are part of every field name.
 */
import type { DER_TYPES, NODE_ROLES, OPTION_KINDS, RISK_MEASURES, Scenario } from './schema.ts'

export {
  DER_TYPES,
  NODE_ROLES,
  OPTION_KINDS,
  RISK_MEASURES,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
} from './schema.ts'
export type { Scenario, ScenarioInput } from './schema.ts'

export type NodeRole = (typeof NODE_ROLES)[number]
export type DerType = (typeof DER_TYPES)[number]
export type OptionKind = (typeof OPTION_KINDS)[number]
export type RiskMeasure = (typeof RISK_MEASURES)[number]

export type Horizon = Scenario['horizon']
export type QkdNode = Scenario['qkd']['nodes'][number]
export type QkdLink = Scenario['qkd']['links'][number]
export type RateModel = Scenario['qkd']['rateModel']
export type DerGroup = Scenario['fleet']['groups'][number]
export type Process = Scenario['processes'][number]
export type Endpoints = Process['endpoints']
export type EndpointPair = Exclude<Endpoints, string | readonly unknown[]>
export type SecurityOption = Process['options'][number]
export type Threat = Scenario['threat']
export type AttackWindow = Threat['windows'][number]
export type Shock = Scenario['shocks'][number]
export type Policy = Scenario['policy']
export type Uncertainty = Scenario['uncertainty']
