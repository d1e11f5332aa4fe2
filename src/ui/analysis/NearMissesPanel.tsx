import { lazy, Suspense } from 'react'
import { currentAnalysis } from '../../state/analysis-slice'
import { usePlayground } from '../use-playground'

const NearMisses = lazy(() => import('./NearMisses').then((m) => ({ default: m.NearMisses })))

/**
 * Where the results mount "Near misses": the list (and its styles) is loaded once the first
 * analysis of the current query arrives, so the page's first bundle does not grow with it.
 */
export function NearMissesPanel() {
  const ready = usePlayground((s) => currentAnalysis(s) !== null)
  if (!ready) return null
  return (
    <Suspense fallback={null}>
      <NearMisses />
    </Suspense>
  )
}
