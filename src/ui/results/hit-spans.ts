import type { Span } from '../../engine'

/**
 * For the other direction of the field <-> clause link: the query editor, given the offset under
 * the pointer, asks which matched clause is there, and sets it as the results-view `hoveredSpan`
 * so the results highlight the fields it matched. The run's distinct hit spans come from the
 * worker (`hitSpans`, computed there over every match: the report carries no hits).
 */

/** The innermost hit span containing `offset` (end-exclusive), or null over no matched clause. */
export function hitSpanAt(spans: readonly Span[], offset: number): Span | null {
  let best: Span | null = null
  for (const s of spans) {
    if (offset < s.start || offset >= s.end) continue
    if (!best || s.end - s.start < best.end - best.start) best = s
  }
  return best
}
