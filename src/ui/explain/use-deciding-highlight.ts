import { useContext, useEffect } from 'react'
import type { Span } from '../../engine'
import { PlaygroundContext } from '../use-playground'

/**
 * Keeps the deciding clause highlighted in the query editor while an explanation is shown, through
 * the results view's `hoveredSpan` (the editor decorates it): set when the explanation arrives,
 * and set again whenever another pointer link (a hit chip, the editor itself) lets go of it, so
 * the highlight never disappears while the tree is on screen. Cleared when the tree goes away.
 */
export function useDecidingHighlight(span: Span | null): void {
  const store = useContext(PlaygroundContext)
  const start = span?.start
  const end = span?.end
  useEffect(() => {
    if (!store || start === undefined || end === undefined) return
    const deciding = { start, end }
    store.getState().hoverSpan(deciding)
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.hoveredSpan === null && prev.hoveredSpan !== null) s.hoverSpan(deciding)
    })
    return () => {
      unsubscribe()
      const now = store.getState().hoveredSpan
      if (now !== null && now.start === start && now.end === end) store.getState().hoverSpan(null)
    }
  }, [store, start, end])
}
