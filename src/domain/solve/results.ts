/**
 * What one oracle solve returns, and the two results that need no solver: the empty day and a
 * numerical failure explained in words.
 */
import { emptyAllocation, type Allocation } from '../allocation.ts'
import type { Instance } from '../derive/instance.ts'
import type { Infeasibility } from './infeasibility.ts'
import type { SolveStatus } from './status.ts'

export type Algorithm = 'simplex' | 'ipm'

export interface OracleResult {
  status: SolveStatus
  /** The solver's allocation; present for `optimal`, and for `time-limit` when an incumbent exists. */
  allocation?: Allocation
  /** λ[e][t], Eur per bit (zero for links no flow can use). */
  shadowPriceEurPerBit: Float64Array[]
  /** Store level at the end of each slot per link from the LP, bits. */
  lpStoreBits: Float64Array[]
  /**
   * Reduced cost of each store column S[e,t] in Eur per bit (HiGHS sign convention: positive at
   * the lower bound, negative at the upper bound when minimising; zero strictly inside). The value
   * of one more bit of store capacity in slot t is `max(0, −storeDual)`; zero for unused links.
   */
  storeDualEurPerBit: Float64Array[]
  /** Objective in Eur, from the solver (unscaled). */
  objectiveEur: number
  /** LP relaxation bound in Eur (MILP only). */
  lpBoundEur?: number
  /** Relative gap between the MILP value and its proven bound when HiGHS stopped (MILP only). */
  mipGap?: number
  solveMs: number
  algorithm: Algorithm
  /** Whether the last solve reused the previous model and basis. */
  warm: boolean
  infeasibility?: Infeasibility
  /** Why there is no trustworthy plan (`numerical-failure`) or why the solve stopped early. */
  failure?: string
  /**
   * Key the plan draws beyond what the stores hold, over the tolerance of the store replay
   * (`SHORTFALL_TOLERANCE` in metrics/stores.ts), bits: 0 for every reported optimum.
   */
  keyShortfallBits?: number
}

const zeros = (instance: Instance): Float64Array[] =>
  instance.links.map(() => new Float64Array(instance.slots))

/** A day with no flows: nothing to protect, so the empty plan is optimal at €0. */
export function emptyDayResult(instance: Instance): OracleResult {
  return {
    status: 'optimal',
    allocation: emptyAllocation(instance),
    shadowPriceEurPerBit: zeros(instance),
    lpStoreBits: instance.links.map((l) => new Float64Array(instance.slots).fill(l.initialBits)),
    storeDualEurPerBit: zeros(instance),
    objectiveEur: 0,
    solveMs: 0,
    algorithm: 'simplex',
    warm: false,
    keyShortfallBits: 0,
  }
}

/** No trustworthy plan, with the reason in domain words. */
export function failedResult(
  instance: Instance,
  reason: string,
  warm: boolean,
  algorithm: Algorithm | undefined,
): OracleResult {
  return {
    status: 'numerical-failure',
    shadowPriceEurPerBit: zeros(instance),
    lpStoreBits: zeros(instance),
    storeDualEurPerBit: zeros(instance),
    objectiveEur: Number.NaN,
    solveMs: 0,
    algorithm: algorithm ?? 'simplex',
    warm,
    failure: `No trustworthy plan: ${reason}.`,
  }
}
