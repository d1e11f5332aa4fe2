import { useContext, useEffect } from 'react'
import type { Span } from '../../engine'
import { PlaygroundContext } from '../use-playground'

/**
 * Keeps the deciding clause highlighted in the query editor while an explanation is shown: the
 * results view's `decidingSpan`, which the editor shows whenever the pointer is on no clause.
 * Cleared when the tree goes away (or shows another event).
 */
export function useDecidingHighlight(span: Span | null): void {
  const store = useContext(PlaygroundContext)
  const start = span?.start
  const end = span?.end
  useEffect(() => {
    if (!store || start === undefined || end === undefined) return
    store.getState().setDecidingSpan({ start, end })
    return () => store.getState().setDecidingSpan(null)
  }, [store, start, end])
}
