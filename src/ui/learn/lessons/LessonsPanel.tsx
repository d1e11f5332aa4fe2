import { Suspense, lazy } from 'react'
import './lessons.css'

// The lessons (their events and queries) load when the panel first opens, so they stay out of the
// initial chunk every visitor downloads. The check line and row marks do not need them.
const LessonsBody = lazy(() => import('./LessonsBody'))

/**
 * The lessons panel (issue 5): the open document's task and live check with hint, solution and
 * next lesson; the list of lessons; and a small editor to write one's own lesson to share by link.
 */
export function LessonsPanel() {
  return (
    <Suspense fallback={<p className="lesson-loading">Loading the lessons…</p>}>
      <LessonsBody />
    </Suspense>
  )
}
