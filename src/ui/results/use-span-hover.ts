import { useEffect, useRef } from 'react'
import type { Span } from '../../engine'
import { usePlayground } from '../use-playground'

/**
 * Pointer handlers that link a matched field to its clause: entering sets the results-view
 * `hoveredSpan`, leaving clears it. A row can disappear under the pointer (virtualized scrolling,
 * a new run), and then no `mouseleave` comes: the unmount clears the span it set, so the editor
 * never keeps highlighting a clause nobody points at.
 */
export function useSpanHover(span: Span | undefined): { onMouseEnter?: () => void; onMouseLeave?: () => void } {
  const hoverSpan = usePlayground((s) => s.hoverSpan)
  const pointing = useRef(false)
  useEffect(
    () => () => {
      if (pointing.current) hoverSpan(null)
    },
    [hoverSpan],
  )
  if (!span) return {}
  return {
    onMouseEnter: () => {
      pointing.current = true
      hoverSpan(span)
    },
    onMouseLeave: () => {
      pointing.current = false
      hoverSpan(null)
    },
  }
}
