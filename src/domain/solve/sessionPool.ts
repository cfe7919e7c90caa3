/**
 * Persistent oracle models keyed by the day they solve. An interactive caller (the worker) keeps
 * one pool across edits: each day's model is updated in place and re-solved warm from its own
 * last basis, so re-planning the day-ahead samples after a slider move costs a few milliseconds
 * a day instead of a cold solve. Callers without a pool get a throwaway one.
 */
import type { Highs } from 'highs'
import type { Instance } from '../derive/instance.ts'
import { OracleSession } from './oracleSession.ts'

export class SessionPool {
  private readonly sessions = new Map<string, OracleSession>()

  constructor(private readonly highs: Highs) {}

  /** The LP session for `key`, updated to `instance` (created on first use). */
  session(key: string, instance: Instance): OracleSession {
    const existing = this.sessions.get(key)
    if (existing !== undefined) {
      existing.update(instance)
      return existing
    }
    const created = new OracleSession(this.highs, instance)
    this.sessions.set(key, created)
    return created
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose()
    this.sessions.clear()
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
