import { describe, expect, it } from 'vitest'
import { enqueueRender, renderDone, type RenderJob } from './renderQueue.ts'

/** Long enough for a turn to pass on without animation frames (Node has none): 50 ms. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 60))

function job(log: string[], name: string, hasWork = true): RenderJob {
  return {
    run: () => {
      log.push(name)
      return hasWork
    },
  }
}

describe('render queue', () => {
  it('runs one chart at a time, the next only in a new task after the previous committed', async () => {
    const log: string[] = []
    const a = job(log, 'a')
    const b = job(log, 'b')
    enqueueRender(a)
    enqueueRender(b)
    expect(log).toEqual(['a'])
    await tick()
    expect(log).toEqual(['a'])
    renderDone(a)
    expect(log).toEqual(['a'])
    await tick()
    expect(log).toEqual(['a', 'b'])
    renderDone(b)
    await tick()
  })

  it('skips a chart with nothing to draw and queues a chart once however often it asks', async () => {
    const log: string[] = []
    const a = job(log, 'a')
    const idle = job(log, 'idle', false)
    const c = job(log, 'c')
    enqueueRender(a)
    enqueueRender(idle)
    enqueueRender(c)
    enqueueRender(c)
    renderDone(a)
    await tick()
    expect(log).toEqual(['a', 'idle', 'c'])
    renderDone(c)
    await tick()
    expect(log).toEqual(['a', 'idle', 'c'])
  })

  it('a chart that goes away before committing hands its turn on', async () => {
    const log: string[] = []
    const gone = job(log, 'gone')
    const next = job(log, 'next')
    enqueueRender(gone)
    enqueueRender(next)
    renderDone(gone) // the unmount cleanup
    await tick()
    expect(log).toEqual(['gone', 'next'])
    renderDone(next)
    await tick()
  })

  it('hands the turn on after the next animation frame, in a task of its own', async () => {
    const frames: (() => void)[] = []
    const saved = globalThis.requestAnimationFrame
    globalThis.requestAnimationFrame = (callback: FrameRequestCallback) =>
      frames.push(() => callback(0))
    try {
      const log: string[] = []
      const a = job(log, 'a')
      const b = job(log, 'b')
      enqueueRender(a)
      enqueueRender(b)
      renderDone(a)
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(log).toEqual(['a'])
      frames.splice(0).forEach((frame) => frame())
      // The frame queues the turn; it runs in the task after, not inside the frame's own task.
      expect(log).toEqual(['a'])
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(log).toEqual(['a', 'b'])
      renderDone(b)
    } finally {
      globalThis.requestAnimationFrame = saved
    }
    await tick()
  })
})
