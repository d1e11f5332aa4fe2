/**
 * Source positions. Every token, AST node and diagnostic carries a Span: 0-based UTF-16 offsets
 * into the query text, end-exclusive. Line/column exist only at the edges (Monaco, CLI), so they
 * are computed on demand here rather than stored.
 */
export interface Span {
  readonly start: number
  readonly end: number
}

export function span(start: number, end: number): Span {
  return { start, end }
}

/** The smallest span covering both. */
export function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }
}

export interface LineColumn {
  /** 1-based line */
  readonly line: number
  /** 1-based column, in UTF-16 code units */
  readonly column: number
}

/** Offsets of the first character of every line, for repeated offset -> line/column lookups. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) starts.push(i + 1)
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++
      starts.push(i + 1)
    }
  }
  return starts
}

export function toLineColumn(starts: readonly number[], offset: number): LineColumn {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 }
}
