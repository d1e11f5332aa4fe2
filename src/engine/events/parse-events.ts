/**
 * Reads the text a user pastes or loads as sample events. Format read: a sequence of JSON values
 * separated by whitespace —
 *
 *   input   = *( ws value ws ) ; ws may contain whole lines starting with "//" (comment lines)
 *
 * which covers one JSON object, one JSON array, NDJSON (one value per line, blank lines allowed),
 * concatenated pretty-printed objects (`jq` output) and any mix. Each value is then unwrapped by
 * unwrap.ts (events, hits, `_search` and `_eql/search` responses, Discover exports).
 *
 * Errors never stop the read: a value that does not parse is reported with the line and reason
 * of its first syntax error and reading resumes at the next line starting with `{` or `[`; inside
 * a broken top-level array the elements are parsed one by one so the good ones are kept.
 */
import { lineStarts, toLineColumn } from '../source/span'
import { findJsonError } from './json-error'
import { arrayElements, resyncPoint, skipSpace, valueEnd } from './json-scan'
import { collectValue, type EventOrigin, type Sink, type ValueKind } from './unwrap'

export type { EventOrigin } from './unwrap'

export type EventsFormat = 'json' | 'json-array' | 'ndjson' | 'search-response' | 'eql-response' | 'mixed'

export interface EventsProblem {
  /** 1-based line */
  readonly line: number
  readonly message: string
}

export interface ParsedEvents {
  /** the events, in input order; `_source` objects are returned as they are, not copied */
  readonly events: unknown[]
  /** where each event came from (same index as `events`): line, and `_id`/`_index` for hits */
  readonly origins: EventOrigin[]
  /** every value that could not be read, with its line number and the reason */
  readonly problems: EventsProblem[]
  /** what the input looked like as a whole */
  readonly format: EventsFormat
}

/** Skips whitespace and whole `//` comment lines. */
function skipSpaceAndComments(text: string, from: number): number {
  let i = skipSpace(text, from)
  while (text.startsWith('//', i)) {
    const nl = text.indexOf('\n', i)
    i = skipSpace(text, nl < 0 ? text.length : nl + 1)
  }
  return i
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/**
 * Parses sample events from text: a JSON object, a JSON array, NDJSON, an Elasticsearch `_search`
 * or `_eql/search` response, a Kibana Discover export, or a mix of these. Never throws.
 */
export function parseEventsText(text: string): ParsedEvents {
  const src = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text // BOM: keep offsets
  const starts = lineStarts(src)
  const lineOf = (offset: number): number => toLineColumn(starts, offset).line
  const events: unknown[] = []
  const origins: EventOrigin[] = []
  const problems: EventsProblem[] = []
  const sink: Sink = {
    event(event, origin) {
      events.push(event)
      origins.push(origin)
    },
    problem(line, message) {
      problems.push({ line, message })
    },
  }
  const report = (from: number, to: number, prefix = ''): void => {
    const err = findJsonError(src, from, to)
    let offset = err?.offset ?? from
    // "unexpected end" errors point past the value: report them on its last non-blank line
    if (offset >= to) {
      offset = Math.max(from, to - 1)
      while (offset > from && /\s/.test(src[offset] ?? '')) offset--
    }
    const at = toLineColumn(starts, offset)
    problems.push({ line: at.line, message: `${prefix}invalid JSON at column ${at.column}: ${err?.message ?? 'unreadable value'}` })
  }

  const kinds: ValueKind[] = []
  let i = skipSpaceAndComments(src, 0)
  while (i < src.length) {
    const end = valueEnd(src, i)
    const stop = end < 0 ? src.length : end
    const parsed = end < 0 ? { ok: false as const } : tryParse(src.slice(i, stop))
    if (src.charCodeAt(i) === 91) {
      // arrays: element by element, so every event knows its line and one bad element costs one problem
      const close = end < 0 ? src.length : end - 1
      readArray(src, i, close, parsed.ok ? (parsed.value as unknown[]) : undefined, lineOf, sink, report)
      if (end < 0) problems.push({ line: lineOf(i), message: "unclosed array: ']' missing at the end of the input" })
      kinds.push('array')
      i = skipSpaceAndComments(src, stop)
      continue
    }
    if (parsed.ok) {
      const kind = collectValue(parsed.value, lineOf(i), sink)
      if (kind) kinds.push(kind)
      i = skipSpaceAndComments(src, stop)
      continue
    }
    // a broken object may span lines: resume at the next line that starts a value; anything else
    // (a stray word) costs only its line
    const c = src.charCodeAt(i)
    const nl = src.indexOf('\n', i)
    const resume = c === 123 ? resyncPoint(src, i) : nl < 0 ? src.length : nl + 1
    report(i, Math.min(stop, resume))
    i = skipSpaceAndComments(src, resume)
  }
  return { events, origins, problems, format: formatOf(kinds) }
}

function readArray(
  src: string,
  open: number,
  close: number,
  whole: unknown[] | undefined,
  lineOf: (offset: number) => number,
  sink: Sink,
  report: (from: number, to: number, prefix?: string) => void,
): void {
  const parts = arrayElements(src, open, close)
  // When the array parsed, its elements are exactly the extents found (same count); otherwise each
  // extent is parsed alone.
  const aligned = whole !== undefined && whole.length === parts.length
  for (const [n, part] of parts.entries()) {
    const line = lineOf(part.start)
    let value: unknown
    if (aligned) value = whole[n]
    else {
      const p = tryParse(src.slice(part.start, part.end))
      if (!p.ok) {
        report(part.start, part.end, `array element ${n + 1}: `)
        continue
      }
      value = p.value
    }
    if (Array.isArray(value)) {
      for (const inner of value) collectValue(inner, line, sink)
    } else collectValue(value, line, sink)
  }
}

function formatOf(kinds: readonly ValueKind[]): EventsFormat {
  const first = kinds[0]
  if (first === undefined) return 'ndjson'
  if (kinds.length === 1) {
    if (first === 'array') return 'json-array'
    if (first === 'event') return 'json'
    return first
  }
  return kinds.every((k) => k === 'event') ? 'ndjson' : 'mixed'
}
