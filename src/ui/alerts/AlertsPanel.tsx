import { lazy, Suspense } from 'react'

const AlertsView = lazy(() => import('./AlertsView').then((m) => ({ default: m.AlertsView })))

/**
 * Where the results mount the alerts view: the view (tables, timeline, documents, styles) loads
 * only when Alerts is first chosen, so the page's first bundle does not grow with it.
 */
export function AlertsPanel() {
  return (
    <Suspense fallback={<p className="hint">Loading alerts…</p>}>
      <AlertsView />
    </Suspense>
  )
}
