/**
 * The UI's handle on the solver worker. One module worker, started lazily and warmed up once.
 * Cancel and timeout terminate the worker (a blocking wasm solve cannot be interrupted any other
 * way) and the next call starts a fresh one; a crashed worker is replaced the same way. The
 * scenario lives in the store, never only in the worker, so nothing the user made is lost.
 */
import * as Comlink from 'comlink'
import type { ComparisonProgress, ComparisonResponse, OracleResponse, SolveRequest } from './api.ts'
import { comparisonResponseWithIdRecords, oracleResponseWithIdRecords } from './idRecords.ts'
import type { SolverApi } from './solver.worker.ts'

export class SolveCancelled extends Error {
  constructor(
    readonly reason: 'cancelled' | 'timeout' | 'crashed',
    message: string,
  ) {
    super(message)
  }
}

export interface CallOptions {
  signal?: AbortSignal
  /** Give up after this long, ms. */
  timeoutMs?: number
}

export interface CompareOptions extends CallOptions {
  /** Called as the comparison moves on (robust plan samples, oracle, online policies). */
  onProgress?: (progress: ComparisonProgress) => void
}

/** Requests whose answer needs nothing but the call itself: the client's methods for them come
 * from the worker's API type, so a new worker method is a client method with no edit here. */
type PlainMethod = Exclude<
  keyof SolverApi,
  'warmUp' | 'memoryBytes' | 'solveOracle' | 'comparePolicies'
>

/** One client method per plain worker method: the same request, the worker's answer. */
export type PlainRequests = {
  [K in PlainMethod]: (
    request: Parameters<SolverApi[K]>[0],
    options?: CallOptions,
  ) => Promise<Awaited<ReturnType<SolverApi[K]>>>
}

// The class gets the plain request methods through the proxy its constructor returns.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface SolverClient extends PlainRequests {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SolverClient {
  private worker: Worker | undefined
  private api: Comlink.Remote<SolverApi> | undefined
  private crashed: ((error: SolveCancelled) => void)[] = []
  /** Resolves when the current worker has loaded and warmed up the solver. */
  ready: Promise<number> | undefined

  constructor(private readonly createWorker: () => Worker) {
    // Any worker method the class does not define itself is a plain request (PlainRequests).
    return new Proxy(this, {
      get: (target, name, receiver) =>
        typeof name !== 'string' || name in target
          ? (Reflect.get(target, name, receiver) as unknown)
          : (request: { revision: number }, options: CallOptions = {}) =>
              target.call(name as keyof SolverApi, request, options),
    })
  }

  private ensure(): Comlink.Remote<SolverApi> {
    if (this.api !== undefined) return this.api
    const worker = this.createWorker()
    worker.addEventListener('error', (event) => {
      event.preventDefault()
      this.fail(
        new SolveCancelled(
          'crashed',
          `The solver stopped unexpectedly (${event.message || 'worker error'}); it has been restarted.`,
        ),
      )
    })
    this.worker = worker
    this.api = Comlink.wrap<SolverApi>(worker)
    this.ready = this.api.warmUp()
    return this.api
  }

  /** Starts the worker and warms the solver without waiting for a request. */
  warmUp(): Promise<number> {
    this.ensure()
    return this.ready ?? Promise.resolve(0)
  }

  private fail(error: SolveCancelled): void {
    this.terminate()
    const waiting = this.crashed
    this.crashed = []
    for (const reject of waiting) reject(error)
  }

  /** Stops the worker at once; the next call starts a new one. */
  terminate(): void {
    this.worker?.terminate()
    this.worker = undefined
    this.api?.[Comlink.releaseProxy]()
    this.api = undefined
    this.ready = undefined
  }

  private call<T>(
    method: keyof SolverApi,
    request: { revision: number },
    options: CallOptions,
    ...extra: unknown[]
  ): Promise<T> {
    const api = this.ensure()
    return new Promise<T>((resolve, reject) => {
      let settled = false
      const onCrash = (error: SolveCancelled): void => finish(() => reject(error))
      const finish = (action: () => void): void => {
        if (settled) return
        settled = true
        if (timer !== undefined) clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
        this.crashed = this.crashed.filter((c) => c !== onCrash)
        action()
      }
      const onAbort = (): void => {
        this.fail(new SolveCancelled('cancelled', 'Solve cancelled.'))
      }
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(
              () =>
                this.fail(
                  new SolveCancelled(
                    'timeout',
                    `The solve took longer than ${Math.round(options.timeoutMs! / 1000)} s and was stopped. Try a smaller scenario or the LP instead of the MILP.`,
                  ),
                ),
              options.timeoutMs,
            )
      this.crashed.push(onCrash)
      if (options.signal?.aborted === true) {
        onAbort()
        return
      }
      options.signal?.addEventListener('abort', onAbort)
      ;(
        (api[method] as (...args: unknown[]) => Promise<unknown>)(request, ...extra) as Promise<T>
      ).then(
        (value) => finish(() => resolve(this.afterResponse(value))),
        (error: unknown) => finish(() => reject(new SolveCancelled('crashed', String(error)))),
      )
    })
  }

  /**
   * A crash the worker caught itself (for example a wasm abort) can leave the solver unusable, so
   * the worker is replaced before the next request, and the message says so.
   */
  private afterResponse<T>(value: T): T {
    const response = value as { ok?: boolean; kind?: string; message?: string }
    if (response.ok !== false || response.kind !== 'crash') return value
    this.terminate()
    return {
      ...response,
      message: `The solver stopped unexpectedly (${response.message ?? 'unknown error'}); it has been restarted and your scenario is unchanged.`,
    } as T
  }

  // Answers keyed by link and process ids get their null-prototype records back (idRecords.ts).
  solveOracle(request: SolveRequest, options: CallOptions = {}): Promise<OracleResponse> {
    return this.call<OracleResponse>('solveOracle', request, options).then(
      oracleResponseWithIdRecords,
    )
  }

  comparePolicies(
    request: SolveRequest,
    options: CompareOptions = {},
  ): Promise<ComparisonResponse> {
    const { onProgress } = options
    const answer =
      onProgress === undefined
        ? this.call<ComparisonResponse>('comparePolicies', request, options)
        : this.call<ComparisonResponse>(
            'comparePolicies',
            request,
            options,
            Comlink.proxy(onProgress),
          )
    return answer.then(comparisonResponseWithIdRecords)
  }

  /** The worker's solver memory, bytes (WebAssembly memory only grows); undefined if not started. */
  async memoryBytes(): Promise<number | undefined> {
    if (this.api === undefined) return undefined
    return this.call<number>('memoryBytes', { revision: 0 }, {})
  }
}

/** The app's client, creating the Vite-bundled module worker. */
export function createSolverClient(): SolverClient {
  return new SolverClient(
    () => new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module' }),
  )
}
