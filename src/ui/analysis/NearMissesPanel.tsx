import { lazy, Suspense, useState } from 'react'
import { currentAnalysis } from '../../state/analysis-slice'
import { usePlayground } from '../use-playground'

const NearMisses = lazy(() => import('./NearMisses').then((m) => ({ default: m.NearMisses })))
const ExcludedEvents = lazy(() => import('./ExcludedEvents').then((m) => ({ default: m.ExcludedEvents })))

/**
 * Where the results mount "Excluded by the query" and "Near misses": the lists (and its styles) is loaded once the first
 * analysis of the current query arrives, so the page's first bundle does not grow with it.
 */
export function NearMissesPanel() {
  const ready = usePlayground((s) => currentAnalysis(s) !== null)
  // kept here, above the list that unmounts while an edit is analyzed, so the section stays open
  const [open, setOpen] = useState(false)
  const [excludedOpen, setExcludedOpen] = useState(false)
  if (!ready) return null
  return (
    <Suspense fallback={null}>
      <ExcludedEvents open={excludedOpen} onOpenChange={setExcludedOpen} />
      <NearMisses open={open} onOpenChange={setOpen} />
    </Suspense>
  )
}
