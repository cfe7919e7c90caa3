/**
 * Elapsed time for progress texts ("12 s so far"), shared by the solve status and the analysis
 * panels.
 */
import { useEffect, useState } from 'react'

/** Milliseconds since `since`, updated every second (0 while `since` is undefined). */
export function useElapsed(since: number | undefined): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (since === undefined) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [since])
  return since === undefined ? 0 : Math.max(0, now - since)
}
