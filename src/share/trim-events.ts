/**
 * Shrinking and cleaning events before sharing: keeping only the fields a query uses (so a link
 * fits a chat message), and redacting values the user picks (host names, user names, IPs).
 * Pure text-to-text rewrites; the events' layout (NDJSON lines, a JSON array, one object) and
 * their order and count are kept, so expected outcomes still point at the same events.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The events text split in its layout: a JSON array, one JSON document, or lines. */
function rewrite(eventsText: string, each: (event: Json) => Json, rawLine: (line: string) => string): string {
  const trimmed = eventsText.trim()
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const whole = JSON.parse(trimmed) as Json
      return JSON.stringify(Array.isArray(whole) ? whole.map(each) : each(whole))
    } catch {
      // not one JSON document: NDJSON, read line by line below
    }
  }
  return eventsText
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line
      try {
        return JSON.stringify(each(JSON.parse(line) as Json))
      } catch {
        return rawLine(line)
      }
    })
    .join('\n')
}

const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The part of `value` on the given paths (split into segments); undefined when none is there.
 * A key may itself hold dots (`"process.name": …` next to `process: { name }`), so a key
 * matches a path when its segments start the path, or the path's segments start the key.
 */
function prune(value: Json, paths: readonly (readonly string[])[]): Json | undefined {
  if (Array.isArray(value)) {
    const kept = value.map((v) => prune(v, paths)).filter((v): v is Json => v !== undefined)
    return kept.length > 0 ? kept : undefined
  }
  if (!isObject(value)) return undefined
  const out: { [key: string]: Json } = {}
  for (const [key, child] of Object.entries(value)) {
    const keySegments = key.split('.')
    let whole = false
    const rest: string[][] = []
    for (const path of paths) {
      const n = Math.min(path.length, keySegments.length)
      if (!keySegments.slice(0, n).every((s, i) => s === path[i])) continue
      if (path.length <= keySegments.length) whole = true
      else rest.push(path.slice(keySegments.length))
    }
    if (whole) out[key] = child
    else if (rest.length > 0) {
      const kept = prune(child, rest)
      if (kept !== undefined) out[key] = kept
    }
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * The events with only the given dotted field paths (e.g. `process.args`, `@timestamp`); a path
 * naming an object keeps all of it. Works through nested objects, dotted keys and arrays of
 * objects. The caller adds the fields the run itself needs (timestamp, event category).
 * Lines that are not JSON are kept as they are.
 */
export function keepOnlyFields(eventsText: string, fields: readonly string[]): string {
  return keepFieldsPerEvent(eventsText, () => fields)
}

/** Like keepOnlyFields, with the fields to keep chosen for each event. */
export function keepFieldsPerEvent(eventsText: string, fieldsFor: (event: { readonly [key: string]: unknown }) => readonly string[]): string {
  const cache = new Map<readonly string[], string[][]>()
  const pathsOf = (fields: readonly string[]): string[][] => {
    let paths = cache.get(fields)
    if (!paths) cache.set(fields, (paths = fields.filter((f) => f !== '').map((f) => f.split('.'))))
    return paths
  }
  return rewrite(
    eventsText,
    (event) => (isObject(event) ? (prune(event, pathsOf(fieldsFor(event))) ?? {}) : event),
    (line) => line,
  )
}

/** The scalar values at a dotted path, through nested objects, dotted keys and arrays. */
export function valuesAt(value: unknown, segments: readonly string[], out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    for (const v of value) valuesAt(v, segments, out)
    return out
  }
  if (segments.length === 0) {
    if (value !== null && typeof value !== 'object') out.push(value)
    return out
  }
  if (typeof value !== 'object' || value === null) return out
  // `{"event.category": x}` and `{"event": {"category": x}}` both hold event.category.
  for (let n = 1; n <= segments.length; n++) {
    const key = segments.slice(0, n).join('.')
    if (Object.hasOwn(value, key)) valuesAt((value as Record<string, unknown>)[key], segments.slice(n), out)
  }
  return out
}

/** What keepQueryFields needs of an engine `QueryFields` (kept structural: this module stays engine-free). */
export interface FieldsToKeep {
  readonly fields: readonly string[]
  readonly byCategory: {
    readonly field: string
    readonly common: readonly string[]
    readonly categories: Readonly<Record<string, readonly string[]>>
  } | null
}

/**
 * The events with only the fields a query reads of each: for EQL, an event keeps the fields of
 * the filters its category can pass (a `file where` filter never reads a process event) plus
 * those read of every event. Categories are compared ignoring case, which can only keep more
 * than the engine's exact test needs, never less.
 */
export function keepQueryFields(eventsText: string, keep: FieldsToKeep): string {
  const by = keep.byCategory
  if (!by) return keepOnlyFields(eventsText, keep.fields)
  const segments = by.field.split('.')
  const lower = new Map(Object.entries(by.categories).map(([c, f]) => [c.toLowerCase(), f]))
  const chosen = new Map<string, readonly string[]>()
  return keepFieldsPerEvent(eventsText, (event) => {
    const names = [...new Set(valuesAt(event, segments).map((v) => String(v).toLowerCase()))].sort()
    const key = names.join('\n')
    let fields = chosen.get(key)
    if (!fields) chosen.set(key, (fields = [...by.common, ...names.flatMap((n) => lower.get(n) ?? [])]))
    return fields
  })
}

/** The text that replaces a redacted value. */
export const REDACTED = 'REDACTED'

/** Plain text (a title, a note) with every occurrence of the given values replaced by "REDACTED". */
export function redactText(text: string, values: readonly string[]): string {
  const chosen = [...new Set(values.filter((v) => v !== ''))].sort((a, b) => b.length - a.length)
  return chosen.reduce((acc, v) => acc.split(v).join(REDACTED), text)
}

/**
 * The events with every occurrence of the given values replaced by "REDACTED": inside strings
 * (a user name in a path or command line is redacted too), and numbers or booleans written the
 * same. Lines that are not JSON get the same replacement as plain text, so nothing leaks.
 */
export function redactValues(eventsText: string, values: readonly string[]): string {
  // Longest first, so a value containing another is replaced whole.
  const chosen = [...new Set(values.filter((v) => v !== ''))].sort((a, b) => b.length - a.length)
  if (chosen.length === 0) return eventsText
  const inText = (s: string): string => chosen.reduce((acc, v) => acc.split(v).join(REDACTED), s)
  const redact = (v: Json): Json => {
    if (typeof v === 'string') return inText(v)
    if (typeof v === 'number' || typeof v === 'boolean') return chosen.includes(String(v)) ? REDACTED : v
    if (Array.isArray(v)) return v.map(redact)
    if (v === null) return v
    return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, redact(child)]))
  }
  return rewrite(eventsText, redact, inText)
}
