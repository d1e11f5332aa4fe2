/**
 * Reads events text that arrives in chunks (a file streamed into the worker) without ever holding
 * the whole text. Two ways, switching at line starts at top level, where both agree:
 *
 * - lines (the fast path, line-reader.ts): each complete line that is one JSON object is parsed
 *   by itself; this is what large event files (NDJSON) are, and it costs little beyond JSON.parse;
 * - scan (everything else: a broken line, pretty-printed values, arrays): the text is scanned for
 *   *safe cut points* — line ends at top level, outside any JSON value — and the text up to the
 *   last one is read with `parseEventsText`, with line numbers shifted by the lines already read.
 *   Once what is pending is a single unfinished line again, the lines way takes over.
 *
 * The result is the same as reading the whole text at once for every input whose values end on a
 * line end (NDJSON, concatenated objects, `jq` output, one document), which is what large event
 * files are.
 *
 * A value that never closes (a broken line) would otherwise keep everything after it pending; when
 * the pending text exceeds `maxPending`, it is cut before the last line starting in column 1 with
 * `{` or `[` — where `parseEventsText` resumes after a broken value anyway. A top-level array is
 * never cut (its elements are not values on their own), so one huge array is read whole at `end()`.
 */
import { FormatTally, readLines } from './line-reader'
import { parseEventsText, type EventsFormat, type EventsProblem } from './parse-events'
import type { EventOrigin, ValueKind } from './unwrap'

/** What one `push` or `end` read: only what is new since the previous call. */
export interface EventsReadStep {
  readonly events: unknown[]
  readonly origins: EventOrigin[]
  readonly problems: EventsProblem[]
}

export interface EventsReadEnd extends EventsReadStep {
  /** what the whole input looked like, as `parseEventsText` would say */
  readonly format: EventsFormat
}

export interface EventsReader {
  /** Adds decoded text (decode bytes with a streaming TextDecoder: a chunk may end mid-character). */
  push(chunk: string): EventsReadStep
  /** The input ended: reads whatever is pending. The reader is spent afterwards. */
  end(): EventsReadEnd
  /** characters not read yet (waiting for the value they belong to to end) */
  readonly pending: number
}

export interface EventsReaderOptions {
  /** pending characters above which a never-closing object is cut at a line start (default 1 MiB) */
  readonly maxPending?: number
}

const NL = 10
const QUOTE = 34
const BACKSLASH = 92
const SLASH = 47
const OPEN_OBJECT = 123
const OPEN_ARRAY = 91
const CLOSE_OBJECT = 125
const CLOSE_ARRAY = 93

/** Scanner state at the end of the text scanned so far. */
interface ScanState {
  depth: number
  inString: boolean
  escape: boolean
  inComment: boolean
  /** only whitespace since the last line start */
  atLineStart: boolean
  lineStart: number
  /** the bracket that opened the current top-level value */
  topOpener: number
  /** after the last line end at top level (a clean cut), or -1 */
  lastClean: number
  /** a column-1 `{`/`[` inside an unclosed top-level object (a forced cut), or -1 */
  lastForced: number
}

const freshState = (): ScanState => ({
  depth: 0,
  inString: false,
  escape: false,
  inComment: false,
  atLineStart: true,
  lineStart: 0,
  topOpener: 0,
  lastClean: -1,
  lastForced: -1,
})

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xfeff
}

/**
 * Scans `text` from `from`, updating `s`; returns where scanning stopped (before a `/` at a line
 * start whose next character has not arrived yet, else `text.length`).
 */
function scan(text: string, from: number, s: ScanState): number {
  // the next line feed at or after a position, found once per line rather than per string
  let nextLine = -1
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === NL) {
      // A raw line feed cannot be inside a JSON string: the string is broken, stop tracking it.
      s.inString = false
      s.escape = false
      s.inComment = false
      s.atLineStart = true
      s.lineStart = i + 1
      if (s.depth === 0) s.lastClean = i + 1
      continue
    }
    if (s.inComment) continue
    if (s.inString) {
      if (s.escape) s.escape = false
      else if (c === BACKSLASH) s.escape = true
      else if (c === QUOTE) s.inString = false
      continue
    }
    if (s.atLineStart) {
      if (isBlank(c)) continue
      if (c === SLASH && s.depth === 0) {
        if (i + 1 >= text.length) return i // is it `//`? wait for the next chunk
        if (text.charCodeAt(i + 1) === SLASH) {
          s.inComment = true
          continue
        }
      }
      s.atLineStart = false
      const columnOne = i === s.lineStart
      if (columnOne && s.depth > 0 && s.topOpener === OPEN_OBJECT && (c === OPEN_OBJECT || c === OPEN_ARRAY)) s.lastForced = i
    }
    if (c === QUOTE) {
      // Fast path: jump to the closing quote with indexOf (most of NDJSON is strings). When it is
      // not on this line in this text, scan the string character by character instead.
      if (nextLine < i) nextLine = lineEnd(text, i)
      const close = closingQuote(text, i, nextLine)
      if (close < 0) s.inString = true
      else i = close
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (s.depth === 0) s.topOpener = c
      s.depth++
    } else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && s.depth > 0) s.depth--
  }
  return text.length
}

/** Index of the next line feed at or after `from`, or `text.length` when there is none. */
function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from)
  return nl < 0 ? text.length : nl
}

/** The quote closing the string opened at `open`, if it comes before `limit`; else -1. */
function closingQuote(text: string, open: number, limit: number): number {
  for (let j = open + 1; ; ) {
    const q = text.indexOf('"', j)
    if (q < 0 || q > limit) return -1
    let backslashes = 0
    for (let b = q - 1; b > open && text.charCodeAt(b) === BACKSLASH; b--) backslashes++
    if (backslashes % 2 === 0) return q
    j = q + 1
  }
}

/** Line breaks as parseEventsText counts them (lineStarts): line feeds, and carriage returns not before one. */
function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== NL) n++
  return n
}

type Out = { events: unknown[]; origins: EventOrigin[]; problems: EventsProblem[] }

const emptyOut = (): Out => ({ events: [], origins: [], problems: [] })

/** Creates a reader for one streamed input. Never throws on user input. */
export function createEventsReader(options: EventsReaderOptions = {}): EventsReader {
  const maxPending = Math.max(1, options.maxPending ?? 1 << 20)
  /** text not read yet; it always starts at a line start at top level */
  let buffer = ''
  let mode: 'lines' | 'scan' = 'lines'
  let scanned = 0
  let state = freshState()
  /** lines before `buffer` */
  let lineBase = 0
  const formats = new FormatTally()
  const onKind = (kind: ValueKind): void => formats.add(kind === 'event' || kind === 'array' ? 'json' : kind)
  let ended = false

  const read = (piece: string, into: Out): void => {
    const parsed = parseEventsText(piece)
    for (const e of parsed.events) into.events.push(e)
    for (const o of parsed.origins) into.origins.push({ ...o, line: o.line + lineBase })
    for (const p of parsed.problems) into.problems.push({ line: p.line + lineBase, message: p.message })
    // a piece of problems only (a broken line) says nothing about the input's format
    if (parsed.events.length > 0) formats.add(parsed.format)
    lineBase += countLines(piece)
  }

  const cut = (at: number, out: Out): void => {
    read(buffer.slice(0, at), out)
    buffer = buffer.slice(at)
    scanned -= at
  }

  /** Reads `text[from, end)` the lines way; what it refuses (and what follows) becomes the buffer, read the scan way. */
  const readFast = (text: string, from: number, end: number, out: Out): boolean => {
    const r = readLines(text, from, end, lineBase + 1, out, onKind)
    lineBase += r.feeds
    if (!r.refused) return true
    buffer = text.slice(r.stop)
    mode = 'scan'
    state = freshState()
    scanned = 0
    return false
  }

  /** The scan way over the buffer: reads up to the last safe cut point. */
  const scanBuffer = (out: Out): void => {
    for (;;) {
      scanned = scan(buffer, scanned, state)
      if (state.lastClean > 0) {
        const at = state.lastClean
        cut(at, out)
        // the state describes the end of the buffer, which did not move; only positions shift
        state.lastClean = -1
        state.lineStart -= at
        state.lastForced = state.lastForced >= at ? state.lastForced - at : -1
      }
      if (buffer.length <= maxPending || state.lastForced <= 0) break
      // a value that never closed: read up to the last line that starts a new one, rescan the rest
      cut(state.lastForced, out)
      state = freshState()
      scanned = 0
    }
    // What is pending is one unfinished line at top level: the lines way reads it once complete.
    if (buffer.indexOf('\n') < 0) mode = 'lines'
  }

  const pushLines = (chunk: string, out: Out): void => {
    const last = chunk.lastIndexOf('\n')
    if (last < 0) {
      buffer += chunk
      return
    }
    // The pending partial line and the chunk's first line are read on their own, so the chunk
    // itself is never copied into a longer string.
    const first = chunk.indexOf('\n')
    const head = buffer + chunk.slice(0, first + 1)
    if (!readFast(head, 0, head.length, out)) {
      buffer += chunk.slice(first + 1)
      return scanBuffer(out)
    }
    if (!readFast(chunk, first + 1, last + 1, out)) return scanBuffer(out)
    buffer = chunk.slice(last + 1)
  }

  return {
    get pending() {
      return buffer.length
    },
    push(chunk) {
      const out = emptyOut()
      if (ended || chunk === '') return out
      if (mode === 'lines') pushLines(chunk, out)
      else {
        buffer += chunk
        scanBuffer(out)
      }
      return out
    },
    end() {
      const out = emptyOut()
      if (!ended && buffer.length > 0) {
        if (mode === 'scan' || !readFast(buffer, 0, buffer.length, out)) read(buffer, out)
      }
      ended = true
      buffer = ''
      return { ...out, format: formats.result() }
    },
  }
}
