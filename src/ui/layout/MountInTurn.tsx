/**
 * Mounts its children in a turn of the render queue (one per task, at transition priority)
 * instead of with the rest of the page. The editor panels below the fold hold most of the page's
 * form controls; laid out together with everything else they made the first style and layout
 * one task of about 100 ms while the solver warmed up. Until its turn, an empty panel of about
 * the right height holds the place, so the column barely moves.
 */
import { startTransition, useEffect, useState, type ReactNode } from 'react'
import { enqueueRender, renderDone, type RenderJob } from '../charts/renderQueue.ts'

export function MountInTurn({
  children,
  placeholderHeight,
}: {
  children: ReactNode
  /** The placeholder's height, px: about the panel's own. */
  placeholderHeight: number
}) {
  const [mounted, setMounted] = useState(false)
  const [job] = useState<RenderJob>(() => ({
    run: () => {
      startTransition(() => setMounted(true))
      return true
    },
  }))
  useEffect(() => {
    if (mounted) renderDone(job)
    else enqueueRender(job)
  }, [job, mounted])
  useEffect(() => () => renderDone(job), [job])
  return mounted ? (
    children
  ) : (
    <section className="panel" aria-busy="true" style={{ minHeight: placeholderHeight }} />
  )
}
