import type { Diagnostic, FieldHit } from '../engine'
import { lineStarts, toLineColumn } from '../engine/source/span'

/**
 * Small pure helpers for rendering results. Line/column are computed here, at the edge, because
 * the engine speaks in offsets (the span helpers are pure functions, not an engine run).
 */

/** `3:14` for a diagnostic's start in the query text (1-based, as editors show it). */
export function formatPosition(query: string, d: Diagnostic): string {
  const { line, column } = toLineColumn(lineStarts(query), d.span.start)
  return `${line}:${column}`
}

/** One-line JSON, cut to `max` characters so a huge event cannot swamp the list. */
export function compactJson(value: unknown, max = 600): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** The distinct field names of the conditions that matched, in first-seen order. */
export function hitFields(hits: readonly FieldHit[]): string[] {
  return [...new Set(hits.map((h) => h.field))]
}

/** "1 match", "3 matches": the count first, so it can be read (and tested) at a glance. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
