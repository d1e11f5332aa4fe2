import type { MissingEvent } from '../../engine'
import type { GroupEvent, ReportGroup } from '../../worker/protocol'
import { formatOffset, formatTimestamp, timestampMs, windowText } from './format-results'

/**
 * What a sequence group shows: join keys, stages in order with timestamps and the time since the
 * first, the maxspan window, and explanations for missing stages and `until`. The run report does
 * not carry the query's maxspan, `by` fields or `until`, so they are read from the query text's
 * header here (display only: the worker's compiled program is what matched).
 */

export interface SequenceShape {
  /** the `sequence by a, b` field names (empty when the join is per stage or absent) */
  readonly byFields: readonly string[]
  /** `with maxspan=5m` in ms, null when there is none */
  readonly maxspanMs: number | null
  /** true when the query ends with an `until [...]` stage */
  readonly hasUntil: boolean
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** Reads the header of `sequence [by ...] [with maxspan=N]` and looks for `until [`. */
export function sequenceShape(query: string): SequenceShape {
  const text = stripComments(query)
  const bracket = text.indexOf('[')
  const header = bracket < 0 ? text : text.slice(0, bracket)
  const span = /\bmaxspan\s*=\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\b/i.exec(header)
  const maxspanMs = span?.[1] !== undefined && span[2] !== undefined ? Number(span[1]) * (UNIT_MS[span[2].toLowerCase()] ?? 1) : null
  const by = /\bsequence\s+by\s+(.+?)(?:\bwith\b|$)/is.exec(header)
  const byFields = by?.[1] === undefined ? [] : by[1].split(',').map((f) => f.trim().replace(/^`|`$/g, '')).filter((f) => f !== '')
  return { byFields, maxspanMs, hasUntil: /\]\s*until\s*\[/i.test(text) }
}

function stripComments(q: string): string {
  return q.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ')
}

/** Reads a field from a raw event: nested objects, dotted keys and mixes (first value of an array). */
export function readField(event: unknown, path: string): unknown {
  if (typeof event !== 'object' || event === null) return undefined
  const obj = event as Record<string, unknown>
  if (path in obj) return first(obj[path])
  const parts = path.split('.')
  // Try every split point so `{"process.parent": {"name": ..}}` resolves `process.parent.name`.
  for (let k = parts.length - 1; k >= 1; k--) {
    const head = parts.slice(0, k).join('.')
    if (head in obj) {
      const v = readField(first(obj[head]), parts.slice(k).join('.'))
      if (v !== undefined) return v
    }
  }
  return undefined
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v
}

export type StageView =
  | { readonly kind: 'event'; readonly stage: number; readonly match: GroupEvent; readonly timestamp: string; readonly offset: string | null }
  | { readonly kind: 'missing'; readonly stage: number; readonly explanation: string }

export interface SequenceView {
  /** `host.name: "mbp-042"` pairs, or the bare values when the field names are unknown */
  readonly joinKeys: string
  readonly stages: readonly StageView[]
  /** `3 of 5 m used`, or null without maxspan */
  readonly window: string | null
  readonly untilNote: string | null
}

export const MISSING_EXPLANATION = 'no matching event within the window'
export const UNTIL_NOTE = 'until: an event matching the until stage before the last stage would have ended this sequence; none did.'

/** The view of one sequence, `eventAt` giving the raw events (undefined while not loaded). */
export function buildSequenceView(seq: ReportGroup, shape: SequenceShape, timestampField: string, eventAt: (index: number) => unknown): SequenceView {
  const times = seq.events.map((e) => (isMissing(e) ? null : timestampMs(readField(eventAt(e.index), timestampField))))
  const known = times.filter((t): t is number => t !== null)
  const firstTime = known[0] ?? null
  const stages = seq.events.map((e, stage): StageView => {
    if (isMissing(e)) return { kind: 'missing', stage, explanation: MISSING_EXPLANATION }
    const event = eventAt(e.index)
    const t = times[stage] ?? null
    return {
      kind: 'event',
      stage,
      match: e,
      timestamp: event === undefined ? '…' : formatTimestamp(readField(event, timestampField)),
      offset: t === null || firstTime === null ? null : formatOffset(t - firstTime),
    }
  })
  const used = known.length === 0 ? null : Math.max(...known) - Math.min(...known)
  return {
    joinKeys: joinKeyText(seq.joinKeys, shape.byFields),
    stages,
    window: shape.maxspanMs === null ? null : windowText(used, shape.maxspanMs),
    untilNote: shape.hasUntil ? UNTIL_NOTE : null,
  }
}

/** `host.name: "mbp-042", user.name: "root"`, or `"mbp-042"` when names are unknown. */
export function joinKeyText(values: readonly unknown[], names: readonly string[]): string {
  const named = names.length === values.length
  return values.map((v, i) => (named ? `${names[i] ?? ''}: ${JSON.stringify(v)}` : JSON.stringify(v))).join(', ')
}

function isMissing(e: GroupEvent | MissingEvent): e is MissingEvent {
  return 'missing' in e
}

/**
 * The events in no group of a sequence or sample result, ascending: the list shows them in a
 * collapsed group of their own, so they can be selected, marked and explained like any other.
 * A typed array: 200,000 events cost 800 kB, once per result.
 */
export function eventsOutside(eventCount: number, groups: readonly ReportGroup[]): Int32Array {
  const inside = new Uint8Array(Math.max(0, eventCount))
  let count = inside.length
  for (const g of groups)
    for (const e of g.events)
      if (!isMissing(e) && e.index >= 0 && e.index < inside.length && inside[e.index] === 0) {
        inside[e.index] = 1
        count--
      }
  const out = new Int32Array(count)
  let k = 0
  for (let i = 0; i < inside.length; i++) if (inside[i] === 0) out[k++] = i
  return out
}

/** The first group holding each event (for scrolling to an event of a sequence). */
export function groupOfEvent(groups: readonly ReportGroup[]): Map<number, number> {
  const at = new Map<number, number>()
  groups.forEach((g, n) => {
    for (const e of g.events) if (!isMissing(e) && !at.has(e.index)) at.set(e.index, n)
  })
  return at
}

/** The position of `eventIndex` in the ascending `outside`, or -1 when it is not there. */
export function positionOutside(outside: Int32Array, eventIndex: number): number {
  let lo = 0
  let hi = outside.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((outside[mid] ?? Infinity) < eventIndex) lo = mid + 1
    else hi = mid
  }
  return outside[lo] === eventIndex ? lo : -1
}

/**
 * The rows of the virtualized sequence list: the groups, then (when some events are in no group)
 * the header of "Not in any sequence", then, when it is open, one row per such event.
 */
export type SequenceListRow = { readonly kind: 'group'; readonly n: number } | { readonly kind: 'outside-head' } | { readonly kind: 'outside'; readonly k: number; readonly eventIndex: number }

export function sequenceListRows(groupCount: number, outside: Int32Array, open: boolean): { readonly count: number; at(row: number): SequenceListRow } {
  const head = outside.length > 0 ? 1 : 0
  const count = groupCount + head + (open && head === 1 ? outside.length : 0)
  return {
    count,
    at: (row) => {
      if (row < groupCount) return { kind: 'group', n: row }
      if (row === groupCount) return { kind: 'outside-head' }
      const k = row - groupCount - 1
      return { kind: 'outside', k, eventIndex: outside[k] ?? -1 }
    },
  }
}

/**
 * The virtualizer's rows to mount, plus the head of "Not in any sequence" (row `head`) when the
 * rows in view are below it: it stays reachable from deep inside the open group.
 */
export function withHeadMounted(rows: readonly number[], head: number, hasHead: boolean): number[] {
  return !hasHead || rows.includes(head) || (rows[0] ?? 0) < head ? [...rows] : [head, ...rows]
}
