/**
 * Runs an N-1 contingency sweep across a pool of solver workers. Cases are handed out in small
 * batches as workers come free, so progress is reported often and a slow case does not hold the
 * others back; cancel terminates every worker of the pool (a running wasm solve cannot be
 * interrupted any other way). The pool's workers are separate from the planner's, so a sweep
 * never blocks re-planning.
 */
import {
  assembleContingency,
  contingencyCases,
  type CaseOutcome,
  type ContingencyReport,
} from '../domain/analysis/contingency.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'
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

  /** Sweeps every N-1 case of `scenario`; rejects with SolveCancelled when aborted. */
  async sweep(
    revision: number,
    scenario: unknown,
    onProgress: (progress: SweepProgress) => void,
    signal?: AbortSignal,
  ): Promise<ContingencyReport> {
    const validated = validateScenario(scenario)
    if (!validated.ok) {
      throw new Error(
        `The scenario has problems: ${validated.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      )
    }
    const started = nowMs()
    const cases = contingencyCases(validated.scenario)
    const outcomes: CaseOutcome[] = new Array<CaseOutcome>(cases.length)
    let base: Parameters<typeof assembleContingency>[0] | undefined
    let next = 0
    let done = 0
    onProgress({ done, total: cases.length })
    const onAbort = (): void => this.terminate()
    signal?.addEventListener('abort', onAbort)
    const workerLoop = async (client: SolverClient): Promise<void> => {
      while (next < cases.length) {
        if (signal?.aborted === true) throw new SolveCancelled('cancelled', 'Sweep cancelled.')
        const from = next
        next = Math.min(cases.length, next + BATCH)
        const batch = cases.slice(from, next)
        const answer = await client.contingencies(
          { revision, scenario, cases: batch },
          signal === undefined ? {} : { signal },
        )
        if (!answer.ok) throw new Error(answer.message)
        base ??= answer.base
        answer.outcomes.forEach((o, i) => (outcomes[from + i] = o))
        done += batch.length
        onProgress({ done, total: cases.length })
      }
    }
    try {
      await Promise.all(this.ensure().map(workerLoop))
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
    base ??= { status: 'optimal', objectiveEur: null, residualRiskEur: null, slaViolations: null }
    return assembleContingency(base, validated.scenario, cases, outcomes, nowMs() - started)
  }

  terminate(): void {
    for (const client of this.clients) client.terminate()
  }
}
