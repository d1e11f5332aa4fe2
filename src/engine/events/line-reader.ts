/**
 * The fast path of the streamed reader (events-reader.ts) for what large event files are: one JSON
 * object per line. Each complete line whose first non-blank character is `{` goes to `JSON.parse`
 * by itself; blank lines and `//` comment lines are skipped. That is exactly what
 * `parseEventsText` does with such a line — it is one whole value followed by whitespace — without
 * its bracket scan, line table and per-piece copies, which cost more than the parse itself.
 *
 * Any other line (a broken object, a pretty-printed value spanning lines, an array, a stray word,
 * a BOM, a carriage return not ending the line) stops the fast path at that line's start; the caller reads from there with the general
 * reader, which reports problems with their line and resynchronises as `parseEventsText` does.
 * Also here: the tally of the input's format over what both ways read.
 */
import type { EventsFormat, EventsProblem } from './parse-events'
import { collectValue, type EventOrigin, type Sink, type ValueKind } from './unwrap'

/** Where `readLines` put what it read. */
export interface LineSink {
  readonly events: unknown[]
  readonly origins: EventOrigin[]
  readonly problems: EventsProblem[]
}

export interface LinesRead {
  /** offset of the first character not read: the start of a line the fast path does not take, or `end` */
  readonly stop: number
  /** line feeds passed (lines read whole) */
  readonly feeds: number
  /** whether reading stopped at a line the fast path does not take (rather than at `end`) */
  readonly refused: boolean
}

const OPEN_OBJECT = 123
const SLASH = 47

/** JSON whitespace other than a line feed (as parse-events' skipSpace, minus the line end). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13
}

/**
 * Reads the lines of `text[from, end)` while each is one JSON object, blank, or a comment; a line
 * ends at a line feed or at `end`. `firstLine` is the 1-based number of the line starting at
 * `from`. `onKind` hears what each value was, for the input's format. Never throws.
 */
export function readLines(text: string, from: number, end: number, firstLine: number, into: LineSink, onKind: (kind: ValueKind) => void): LinesRead {
  const sink: Sink = {
    event(event, origin) {
      into.events.push(event)
      into.origins.push(origin)
    },
    problem(line, message) {
      into.problems.push({ line, message })
    },
  }
  let at = from
  let feeds = 0
  // the next carriage return at or after `at` (-1: none left): a lone one (not before a line feed)
  // starts a line for parseEventsText, so a line holding one goes to the scan way
  let cr = text.indexOf('\r', from)
  while (at < end) {
    const nl = text.indexOf('\n', at)
    const lineEnd = nl < 0 || nl >= end ? end : nl
    if (cr >= 0 && cr < at) cr = text.indexOf('\r', at)
    if (cr >= 0 && cr < lineEnd && (cr !== lineEnd - 1 || lineEnd === end)) return { stop: at, feeds, refused: true }
    let i = at
    while (i < lineEnd && isBlank(text.charCodeAt(i))) i++
    const c = i < lineEnd ? text.charCodeAt(i) : -1
    if (c === OPEN_OBJECT) {
      let value: unknown
      try {
        value = JSON.parse(text.slice(i, lineEnd))
      } catch {
        return { stop: at, feeds, refused: true }
      }
      const kind = collectValue(value, firstLine + feeds, sink)
      if (kind) onKind(kind)
    } else if (c !== -1 && !(c === SLASH && i + 1 < lineEnd && text.charCodeAt(i + 1) === SLASH)) {
      return { stop: at, feeds, refused: true }
    }
    if (lineEnd < end) {
      at = lineEnd + 1
      feeds++
    } else at = end
  }
  return { stop: at, feeds, refused: false }
}

/**
 * The whole input's format from its pieces' formats, as `parseEventsText` names it from the values
 * it read (one value: its own kind; several: `ndjson` when all are events, else `mixed`), without
 * keeping a list. A piece's format says how many values it had: one (`json`, `json-array`, a
 * response) or several (`ndjson`, `mixed`).
 */
export class FormatTally {
  private first: EventsFormat | undefined
  private several = false
  private allEvents = true

  add(format: EventsFormat): void {
    if (this.first === undefined) this.first = format
    else this.several = true
    if (format === 'ndjson' || format === 'mixed') this.several = true
    if (format !== 'json' && format !== 'ndjson') this.allEvents = false
  }

  result(): EventsFormat {
    if (this.first === undefined) return 'ndjson'
    if (!this.several) return this.first
    return this.allEvents ? 'ndjson' : 'mixed'
  }
}
