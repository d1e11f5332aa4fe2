import type { Diagnostic, Severity, Span } from '../engine'

/**
 * Diagnostics (0-based UTF-16 offsets, end-exclusive) to editor ranges and marker data. Pure:
 * the position function is Monaco's `model.getPositionAt` on the page and a plain function in
 * tests, so the conversion is tested without a DOM.
 */

/** A 1-based line and a 1-based UTF-16 column, as Monaco counts them. */
export interface EditorPosition {
  readonly lineNumber: number
  readonly column: number
}

export type OffsetToPosition = (offset: number) => EditorPosition

export interface EditorRange {
  readonly startLineNumber: number
  readonly startColumn: number
  readonly endLineNumber: number
  readonly endColumn: number
}

/** Marker data in Monaco's shape, with the severity still as the engine names it. */
export interface MarkerSpec extends EditorRange {
  readonly severity: Severity
  readonly message: string
  readonly code: string
  readonly source: string
}

/** Monaco's own rule for offsets, for tests and for text outside a model: `\r\n`, `\r`, `\n`. */
export function offsetToPositionIn(text: string): OffsetToPosition {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++
    if (c === 10 || c === 13) starts.push(i + 1)
  }
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= clamped) lo = mid
      else hi = mid - 1
    }
    return { lineNumber: lo + 1, column: clamped - (starts[lo] ?? 0) + 1 }
  }
}

/** The editor range of a span; a reversed span is read as empty at its start. */
export function spanToRange(span: Span, toPosition: OffsetToPosition): EditorRange {
  const start = toPosition(span.start)
  const end = toPosition(Math.max(span.start, span.end))
  return { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column }
}

/**
 * One marker per diagnostic. `source` names the language ("EQL"), shown by Monaco's hover next
 * to the code, so the message reads `message  EQL(EQL1001)`.
 */
export function buildMarkers(diagnostics: readonly Diagnostic[], toPosition: OffsetToPosition, source: string): MarkerSpec[] {
  return diagnostics.map((d) => ({
    ...spanToRange(d.span, toPosition),
    severity: d.severity,
    message: `${d.code}: ${d.message}`,
    code: d.code,
    source,
  }))
}

/**
 * The diagnostics that belong on the editor now: only those of a report made for exactly the
 * text (and language) the editor holds. Spans of a report for older text would land in the wrong place, so
 * until the new report arrives the markers Monaco already moves with the edits stay.
 */
export function diagnosticsForText(
  report: { readonly query: string; readonly language: string; readonly diagnostics: readonly Diagnostic[] } | null,
  text: string,
  language: string,
): readonly Diagnostic[] | null {
  if (report === null) return text.trim() === '' ? [] : null
  return report.query === text && report.language === language ? report.diagnostics : null
}
