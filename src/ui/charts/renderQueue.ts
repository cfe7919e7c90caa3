/**
 * Charts take turns: when a new plan arrives, one chart renders and commits, then the next, each
 * in its own task. A single commit of every chart's SVG blocked the main thread for over half a
 * second; one chart at a time keeps each task short, and the page paints in between.
 */

/** One chart's pending update. `run` starts its render; false when there is nothing to do. */
export interface RenderJob {
  run: () => boolean
}

const waiting: RenderJob[] = []
let current: RenderJob | undefined

function next(): void {
  while (current === undefined && waiting.length > 0) {
    const job = waiting.shift()
    if (job?.run() === true) current = job
  }
}

/** Queues a chart's update; it runs once every chart queued before it has committed. */
export function enqueueRender(job: RenderJob): void {
  if (job !== current && !waiting.includes(job)) waiting.push(job)
  next()
}

/**
 * Runs `then` in a new task after the next animation frame (or after 50 ms, when frames are not
 * coming, as in a background tab or Node). Recharts settles a chart's layout in its own store,
 * whose updates are batched into the next animation frame; if the next chart rendered before that
 * frame, every chart's settling would pile into that one frame's task.
 */
function afterNextFrame(then: () => void): void {
  let done = false
  const once = (): void => {
    if (done) return
    done = true
    setTimeout(then, 0)
  }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once)
  setTimeout(once, 50)
}

/** The chart's update has committed (or the chart is gone): the next chart's turn, in a new task. */
export function renderDone(job: RenderJob): void {
  const at = waiting.indexOf(job)
  if (at >= 0) waiting.splice(at, 1)
  if (current !== job) return
  current = undefined
  afterNextFrame(next)
}
