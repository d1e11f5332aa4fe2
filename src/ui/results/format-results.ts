/**
 * Text for the results panel: counts, durations, sequence windows. Pure, locale-pinned (en-US
 * digit grouping) so the tests and the page read the same text on every machine.
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

/** `1,204` */
export function formatCount(n: number): string {
  return integer.format(n)
}

/** `1 match`, `1,204 matches`: the number always first. */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

export type ResultKind = 'events' | 'sequences' | 'samples'

const NOUNS: Record<ResultKind, readonly [string, string]> = {
  events: ['match', 'matches'],
  sequences: ['sequence', 'sequences'],
  samples: ['sample', 'samples'],
}

/**
 * The status line above the list: `3 matches of 1,204 events · 12 ms`. It starts with the count
 * of matches (sequences, samples) because tests and people read that first.
 */
export function matchCountText(kind: ResultKind, matches: number, eventCount: number, elapsedMs: number): string {
  const [one, many] = NOUNS[kind]
  return `${plural(matches, one, many)} of ${plural(eventCount, 'event', 'events')} · ${formatDuration(elapsedMs)}`
}

interface Unit {
  readonly ms: number
  readonly name: string
}

/** Elasticsearch's time units (maxspan accepts ms, s, m, h, d), largest first. */
const UNITS: readonly Unit[] = [
  { ms: 86_400_000, name: 'd' },
  { ms: 3_600_000, name: 'h' },
  { ms: 60_000, name: 'm' },
  { ms: 1000, name: 's' },
  { ms: 1, name: 'ms' },
]

/** The largest unit in which `ms` is at least 1 (ms for anything under a second). */
export function unitFor(ms: number): Unit {
  const abs = Math.abs(ms)
  return UNITS.find((u) => abs >= u.ms) ?? { ms: 1, name: 'ms' }
}

/** `850 ms`, `12.5 s`, `3 m`, `1.5 h`: one unit, at most one decimal. */
export function formatDuration(ms: number): string {
  const unit = unitFor(ms)
  const n = unit.ms === 1 ? integer.format(Math.round(ms)) : decimal.format(ms / unit.ms)
  return `${n} ${unit.name}`
}

/** `+0 ms` for a sequence's first stage, `+42 s` after it: the time since the first event. */
export function formatOffset(ms: number): string {
  return `+${formatDuration(ms)}`
}

/**
 * How much of a sequence's `maxspan` its events used, in the maxspan's own unit so the two
 * numbers compare at a glance (`3 of 5 m used`); a span under one such unit keeps its own unit
 * (`6.4 s of 1 m used`, not `0.1 of 1 m used`). Without times: just the maxspan.
 */
export function windowText(usedMs: number | null, maxspanMs: number): string {
  const unit = unitFor(maxspanMs)
  const max = `${decimal.format(maxspanMs / unit.ms)} ${unit.name}`
  if (usedMs === null) return `maxspan ${max}`
  const used = usedMs < unit.ms ? formatDuration(usedMs) : decimal.format(usedMs / unit.ms)
  return `${used} of ${max} used`
}

/** An ISO timestamp for a stage row; the raw value when it is not a date the page can read. */
export function formatTimestamp(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString()
  if (typeof value === 'string') return value
  return value === undefined || value === null ? '(no timestamp)' : JSON.stringify(value)
}

/** Milliseconds since the epoch for a timestamp value, or null (dates as ES reads them: ISO or epoch ms). */
export function timestampMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string' || value.trim() === '') return null
  if (/^-?\d+$/.test(value)) return Number(value)
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

/**
 * Why there are no results, from the error codes: syntax codes (`xxx1nnn`) mean the query does
 * not parse, run codes (`xxx3nnn`) a stopped run, the rest a search Elasticsearch would refuse.
 */
export function errorHeadline(codes: readonly string[]): string {
  const n = codes.length
  if (n === 0) return 'The run produced no result.'
  const syntax = codes.some((c) => /^[A-Z]+1\d{3}$/.test(c))
  const run = codes.some((c) => /^[A-Z]+3\d{3}$/.test(c))
  const what = syntax ? 'The query does not parse' : run ? 'The run was stopped' : 'Elasticsearch would reject this search'
  return `${what} (${plural(n, 'error', 'errors')}); no results are shown.`
}
