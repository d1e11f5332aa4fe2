import { lazy, Suspense } from 'react'
import { usePlayground } from '../use-playground'

const ExplainSection = lazy(() => import('./ExplainSection').then((m) => ({ default: m.ExplainSection })))

/**
 * Where the results mount "Why?": the section (tree, its hook and styles) is loaded only when an
 * event is first selected, so the page's first bundle does not grow with it.
 */
export function ExplainPanel() {
  const selected = usePlayground((s) => s.selectedIndex !== null)
  if (!selected) return null
  return (
    <Suspense fallback={<p className="hint">Explaining…</p>}>
      <ExplainSection />
    </Suspense>
  )
}
