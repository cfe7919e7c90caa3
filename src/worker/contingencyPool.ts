/**
 * Runs an N-1 contingency sweep across a pool of solver workers. Cases are handed out in small
 * batches as workers come free, so progress is reported often and a slow case does not hold the
 * others back; cancel terminates every worker of the pool (a running wasm solve cannot be
 * interrupted any other way). The pool's workers are separate from the planner's, so a sweep
 * never blocks re-planning.
 */
import type { BaseOutcome, CaseOutcome, ContingencyReport } from '../domain/analysis/contingency.ts'
import { nowMs } from '../domain/util/clock.ts'
import { SolveCancelled, type SolverClient } from './client.ts'

export interface SweepProgress {
  done: number
  total: number
}

/** Cases per request: small enough for frequent progress, large enough to reuse warm bases. */
const BATCH = 2

export class ContingencyPool {
  private clients: SolverClient[] = []

  constructor(
    private readonly createClient: () => SolverClient,
    private readonly size: number,
  ) {}

  /** Starts and warms the pool's workers ahead of the first sweep. */
  warmUp(): Promise<unknown> {
    return Promise.all(this.ensure().map((c) => c.warmUp()))
  }

  private ensure(): SolverClient[] {
    while (this.clients.length < this.size) this.clients.push(this.createClient())
    return this.clients
  }

  /**
   * Sweeps every N-1 case of `scenario`; rejects with SolveCancelled when aborted. The workers
   * validate the scenario and build the case list (each answer says how many cases there are), so
   * this thread only hands out index ranges and collects the outcomes.
   */
  async sweep(
    revision: number,
    scenario: unknown,
    onProgress: (progress: SweepProgress) => void,
    signal?: AbortSignal,
  ): Promise<ContingencyReport> {
    const started = nowMs()
    const outcomes: CaseOutcome[] = []
    let base: BaseOutcome | undefined
    /** Known after the first answer; until then the first batch is the only one out. */
    let total: number | undefined
    let next = 0
    let done = 0
    const onAbort = (): void => this.terminate()
    signal?.addEventListener('abort', onAbort)
    const options = signal === undefined ? {} : { signal }
    const batch = async (client: SolverClient, from: number, to: number): Promise<void> => {
      if (signal?.aborted === true) throw new SolveCancelled('cancelled', 'Sweep cancelled.')
      const answer = await client.contingencies({ revision, scenario, from, to }, options)
      if (!answer.ok) throw new Error(answer.message)
      base ??= answer.base
      total ??= answer.total
      answer.outcomes.forEach((o, i) => (outcomes[from + i] = o))
      done += answer.outcomes.length
      onProgress({ done, total })
    }
    const workerLoop = async (client: SolverClient): Promise<void> => {
      while (total !== undefined && next < total) {
        const from = next
        next = Math.min(total, next + BATCH)
        await batch(client, from, next)
      }
    }
    try {
      const clients = this.ensure()
      next = BATCH
      await batch(clients[0] as SolverClient, 0, BATCH)
      await Promise.all(clients.map(workerLoop))
      const assembled = await (clients[0] as SolverClient).contingencyReport(
        { revision, scenario, base, outcomes, elapsedMs: nowMs() - started },
        options,
      )
      if (!assembled.ok) throw new Error(assembled.message)
      return assembled.report
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
  }

  terminate(): void {
    for (const client of this.clients) client.terminate()
  }
}
