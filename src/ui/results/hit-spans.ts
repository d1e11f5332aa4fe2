import type { FieldHit, Span } from '../../engine'

/**
 * For the other direction of the field <-> clause link: the query editor, given the offset under
 * the pointer, asks which matched clause is there, and sets it as the results-view `hoveredSpan`
 * so the results highlight the fields it matched.
 */

/** The distinct spans of all hits in a run, for a lookup by offset. */
export function hitSpans(hits: Readonly<Record<number, readonly FieldHit[]>>): Span[] {
  const seen = new Set<string>()
  const out: Span[] = []
  for (const list of Object.values(hits)) {
    for (const h of list) {
      const key = `${h.span.start}:${h.span.end}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push(h.span)
    }
  }
  return out
}

/** The innermost hit span containing `offset` (end-exclusive), or null over no matched clause. */
export function hitSpanAt(spans: readonly Span[], offset: number): Span | null {
  let best: Span | null = null
  for (const s of spans) {
    if (offset < s.start || offset >= s.end) continue
    if (!best || s.end - s.start < best.end - best.start) best = s
  }
  return best
}
