import { useEffect, useRef, useState } from 'react'
import { usePlayground } from '../use-playground'
import { createAnnounceQueue, type AnnounceQueue } from './announce-queue'
import { runAnnouncement } from './run-announcement'

/**
 * The page's one polite live region for run outcomes ("3 of 120 events match", "Query error: …",
 * "Loaded 5,000 events, 2 problems. …"). The status bar and the results' count line are not live
 * regions: they change on every keystroke's run (and the run time on every run), which would
 * flood a screen reader; this says only the settled outcome (announce-queue.ts). Rendered from
 * the first paint, empty, because a live region added together with its text is often not read.
 */
export function RunAnnouncer() {
  // a string (or null): the selector's result compares by value, so equal outcomes do not re-render
  const outcome = usePlayground((s) => runAnnouncement(s))
  const events = usePlayground((s) => s.eventsInfo)
  const [said, setSaid] = useState('')
  const queue = useRef<AnnounceQueue | null>(null)

  useEffect(() => {
    const q = createAnnounceQueue(setSaid, window)
    queue.current = q
    return () => {
      q.dispose()
      queue.current = null
    }
  }, [])

  useEffect(() => queue.current?.update(outcome, events), [outcome, events])

  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="run-announcement">
      {said}
    </p>
  )
}
