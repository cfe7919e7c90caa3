/**
 * A timeline for the UI benchmark, recorded in the page: main-thread long tasks, every request to
 * and answer from the solver worker (comlink method names), and every change of a chart's or the
 * status's `data-revision`/`data-solve-state`. All times are `performance.now()` ms, so phases
 * can be told apart: worker solving versus the main thread rendering what it returned.
 */
import type { Page } from 'playwright-core'

export interface TraceEvent {
  at: number
  kind: 'longtask' | 'request' | 'answer' | 'attr'
  /** Long task: duration, ms. */
  ms?: number
  /** Request/answer: the worker method; attr: `testid attribute=value`. */
  what?: string
}

/** Installs the recorder; call before the first navigation. */
export async function installTrace(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const events: TraceEvent[] = []
    ;(window as unknown as { __trace: TraceEvent[] }).__trace = events
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        events.push({ at: e.startTime, kind: 'longtask', ms: e.duration })
    }).observe({ type: 'longtask', buffered: true })
    // Comlink calls carry an id and a path (the method); answers carry the same id.
    const names = new Map<string, string>()
    const Original = window.Worker
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options)
        this.addEventListener('message', (m: MessageEvent) => {
          const id = (m.data as { id?: string } | null)?.id
          const what = id === undefined ? undefined : names.get(id)
          if (what !== undefined) events.push({ at: performance.now(), kind: 'answer', what })
        })
      }
      override postMessage(message: unknown, options?: unknown): void {
        const { id, path } = (message ?? {}) as { id?: string; path?: string[] }
        if (id !== undefined && path !== undefined && path.length > 0) {
          names.set(id, path.join('.'))
          events.push({ at: performance.now(), kind: 'request', what: path.join('.') })
        }
        super.postMessage(message, options as StructuredSerializeOptions)
      }
    }
    new MutationObserver((records) => {
      const at = performance.now()
      for (const r of records) {
        const el = r.target as Element
        const name = r.attributeName ?? ''
        const value = el.getAttribute(name)
        if (r.oldValue === value) continue
        const id = el.getAttribute('data-testid') ?? el.tagName
        events.push({ at, kind: 'attr', what: `${id} ${name}=${String(value)}` })
      }
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-revision', 'data-solve-state'],
    })
  })
}

/** Takes the events recorded so far and clears them. */
export async function takeTrace(page: Page): Promise<TraceEvent[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __trace: TraceEvent[] }
    return w.__trace.splice(0, w.__trace.length)
  })
}

/** One line per event, times relative to the first event (or `origin`). */
export function formatTrace(events: readonly TraceEvent[], origin = events[0]?.at ?? 0): string {
  return [...events]
    .sort((a, b) => a.at - b.at)
    .map((e) => {
      const t = `${Math.round(e.at - origin)}`.padStart(6)
      if (e.kind === 'longtask') return `${t}  long task ${Math.round(e.ms ?? 0)} ms`
      return `${t}  ${e.kind.padEnd(7)} ${e.what ?? ''}`
    })
    .join('\n')
}

/** Worker time of a method: request → answer, ms, for each call in the events. */
export function workerTimes(events: readonly TraceEvent[], method: string): number[] {
  const times: number[] = []
  let sent: number | undefined
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.what !== method) continue
    if (e.kind === 'request') sent = e.at
    else if (e.kind === 'answer' && sent !== undefined) {
      times.push(e.at - sent)
      sent = undefined
    }
  }
  return times
}
