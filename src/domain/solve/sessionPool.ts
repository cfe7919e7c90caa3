/**
 * Persistent oracle models keyed by the day they solve. An interactive caller (the worker) keeps
 * one pool across edits: each day's model is updated in place and re-solved warm from its own
 * last basis, so re-planning the day-ahead samples after a slider move costs a few milliseconds
 * a day instead of a cold solve. Callers without a pool get a throwaway one.
 *
 * A solved HiGHS model keeps about 1 KB of WebAssembly memory per column and row (measured: the
 * representative day's 8,650 × 3,274 LP about 10 MB, the large scenario's 143,894 × 47,126 LP
 * 160–200 MB), and WebAssembly memory never shrinks. One model per sampled day (21 for the robust
 * and nominal plans, plus the oracle's day) therefore needed over 4 GB on the large scenario, past
 * the solver's 2 GB limit: HiGHS aborted (`RuntimeError: Aborted()`) after the tenth model. So the
 * pool keeps only as many live models as fit in `budgetBytes`; beyond that, days take turns on
 * the least recently used model. A day handed a model keeps its own warm start: the model's
 * basis for the day it leaves is saved (a few bytes per column, in JavaScript), and restored
 * when that day comes back. Which model a day gets depends only on the order of the requests,
 * never on the memory in use, so a fresh pool fed the same requests computes the same plans.
 */
import type { Highs } from 'highs'
import type { Instance } from '../derive/instance.ts'
import { pathColumnCount } from '../model/buildOracleModel.ts'
import { OracleSession, type SessionCheckpoint } from './oracleSession.ts'

/** WebAssembly memory a solved model keeps per column and per row, bytes (measured, rounded up). */
export const MODEL_BYTES_PER_ROW_OR_COLUMN = 1200

/**
 * Live models' memory a pool may keep, bytes. The solver's heap stops at 2 GB; the planner's own
 * model, a canonical or analysis solve and the solver's transient work need the rest.
 */
export const POOL_BUDGET_BYTES = 512 * 2 ** 20

/** Columns plus rows of the oracle LP of `instance` (what `buildOracleModel` lays out). */
export function modelSize(instance: Instance): number {
  const T = instance.slots
  let size = 0
  instance.flows.forEach((f, k) => {
    const paths = pathColumnCount(instance, k)
    size += T * (f.options.length + (instance.holdAllowed ? 1 : 0) + paths)
    size += T * (1 + (paths > 0 ? 1 : 0))
  })
  // Store columns and balance rows per link and slot, and a terminal column and row per link.
  return size + instance.links.length * (2 * T + 2)
}

/** Estimated WebAssembly memory of one solved model of `instance`, bytes. */
export function modelBytes(instance: Instance): number {
  return modelSize(instance) * MODEL_BYTES_PER_ROW_OR_COLUMN
}

export interface SessionPoolOptions {
  /** Live models' memory the pool may keep, bytes (default POOL_BUDGET_BYTES). */
  budgetBytes?: number
}

interface Live {
  session: OracleSession
  /** The day (key) the model currently holds. */
  key: string
}

export class SessionPool {
  /** Live models, least recently used first. */
  private live: Live[] = []
  /** Saved warm starts of days whose model went to another day. */
  private readonly parked = new Map<string, SessionCheckpoint>()
  private readonly budgetBytes: number
  /** Called with each day's key as its model is handed out (progress for long comparisons). */
  onSession: ((key: string) => void) | undefined

  constructor(
    private readonly highs: Highs,
    options: SessionPoolOptions = {},
  ) {
    this.budgetBytes = options.budgetBytes ?? POOL_BUDGET_BYTES
  }

  /** How many models of `instance`'s size the budget holds (at least one). */
  capacity(instance: Instance): number {
    return Math.max(1, Math.floor(this.budgetBytes / modelBytes(instance)))
  }

  /** Live models now. */
  get size(): number {
    return this.live.length
  }

  /** The LP session for `key`, updated to `instance` (created on first use). */
  session(key: string, instance: Instance): OracleSession {
    this.onSession?.(key)
    this.pruneParked()
    const capacity = this.capacity(instance)
    const at = this.live.findIndex((l) => l.key === key)
    if (at >= 0) {
      const [entry] = this.live.splice(at, 1) as [Live]
      this.live.push(entry)
      // After an edit that makes every model larger, the others go, least recently used first.
      this.shrinkTo(capacity)
      entry.session.update(instance)
      return entry.session
    }
    this.shrinkTo(capacity)
    if (this.live.length < capacity) {
      const created = new OracleSession(this.highs, instance)
      this.live.push({ session: created, key })
      this.parked.delete(key)
      return created
    }
    // Take over the least recently used model: park the basis of the day it held, and restore
    // this day's own basis if it has one (still valid while the model keeps its units).
    const entry = this.live.shift() as Live
    const leaving = checkpointOf(entry.session)
    if (leaving !== undefined) this.parked.set(entry.key, leaving)
    else this.parked.delete(entry.key)
    entry.key = key
    this.live.push(entry)
    entry.session.update(instance)
    const own = this.parked.get(key)
    this.parked.delete(key)
    if (own !== undefined) entry.session.resume(own)
    return entry.session
  }

  /** Disposes the least recently used models until at most `capacity` remain. */
  private shrinkTo(capacity: number): void {
    while (this.live.length > capacity) (this.live.shift() as Live).session.dispose()
  }

  /**
   * Forgets saved warm starts no live model can take any more (their model was rebuilt or
   * disposed): each holds its model's layout, megabytes on a large scenario.
   */
  private pruneParked(): void {
    if (this.parked.size === 0) return
    const layouts = new Set(this.live.map((l) => l.session.layout))
    for (const [key, checkpoint] of this.parked) {
      if (!layouts.has(checkpoint.built)) this.parked.delete(key)
    }
  }

  dispose(): void {
    for (const l of this.live) l.session.dispose()
    this.live = []
    this.parked.clear()
  }
}

/**
 * The session's warm start, or undefined when it has none. The solver refuses to hand out a
 * basis once the model changed after its last solve (a stage that restores costs or bounds);
 * the day then starts warm from the previous day's basis instead.
 */
function checkpointOf(session: OracleSession): SessionCheckpoint | undefined {
  try {
    return session.checkpoint()
  } catch {
    return undefined
  }
}

/** Runs `work` with `pool`, or with a temporary pool that is disposed afterwards. */
export function withPool<T>(
  highs: Highs,
  pool: SessionPool | undefined,
  work: (pool: SessionPool) => T,
): T {
  if (pool !== undefined) return work(pool)
  const temporary = new SessionPool(highs)
  try {
    return work(temporary)
  } finally {
    temporary.dispose()
  }
}
