/**
 * The `dateFormatTZ` setting: which time zone date values without an explicit offset (and
 * `now/d`-style rounding) are read in. Elasticsearch applies a range query's `time_zone` exactly
 * so; Kibana adds it to every date clause whose value is not plain epoch digits.
 */
export type TimeZone =
  | { readonly kind: 'fixed'; readonly offsetMs: number }
  | { readonly kind: 'named'; readonly name: string; readonly offsetAt: (utcMillis: number) => number }

export const UTC: TimeZone = { kind: 'fixed', offsetMs: 0 }

const UTC_NAMES = new Set(['utc', 'zulu', 'z', 'gmt', 'etc/utc', 'etc/zulu', 'etc/gmt', 'ut', 'uct', 'etc/uct', 'universal', 'etc/universal'])
const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i

/** The zone a setting names; undefined when it is not one. */
export function parseTimeZone(text: string): TimeZone | undefined {
  const t = text.trim()
  if (UTC_NAMES.has(t.toLowerCase())) return UTC
  const m = OFFSET.exec(t)
  if (m !== null) {
    const h = Number(m[2])
    const min = Number(m[3] ?? '0')
    if (h > 18 || min > 59) return undefined
    return { kind: 'fixed', offsetMs: (m[1] === '-' ? -1 : 1) * (h * 60 + min) * 60_000 }
  }
  return namedZone(t)
}

function namedZone(name: string): TimeZone | undefined {
  let fmt: Intl.DateTimeFormat
  try {
    // Intl validates IANA names; an unknown one throws a RangeError
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch {
    return undefined
  }
  const offsetAt = (utc: number): number => {
    const d = new Date(Math.floor(utc / 1000) * 1000)
    if (Number.isNaN(d.getTime())) return 0
    const p: Record<string, number> = {}
    for (const part of fmt.formatToParts(d)) if (part.type !== 'literal') p[part.type] = Number(part.value)
    const wall = Date.UTC(p['year'] ?? 1970, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0, p['second'] ?? 0)
    return wall - d.getTime()
  }
  return { kind: 'named', name, offsetAt }
}

/** The UTC instant of a wall-clock time in the zone (wall clock given as if it were UTC millis). */
export function wallToUtc(tz: TimeZone, wall: number): number {
  if (tz.kind === 'fixed') return wall - tz.offsetMs
  const guess = wall - tz.offsetAt(wall)
  return wall - tz.offsetAt(guess)
}

/** The wall-clock time (as UTC millis) of an instant in the zone. */
export function utcToWall(tz: TimeZone, utc: number): number {
  return tz.kind === 'fixed' ? utc + tz.offsetMs : utc + tz.offsetAt(utc)
}

export function isUtc(tz: TimeZone): boolean {
  return tz.kind === 'fixed' && tz.offsetMs === 0
}
