/**
 * Calendar arithmetic for date parsing, without `Date` (whose `Date.UTC` maps years 0-99 to the
 * 1900s and which allocates). Proleptic Gregorian calendar, UTC.
 */

/** Days from 1970-01-01 to the given civil date (month 1-12); negative before the epoch. */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Shift the year to start in March so the leap day is the last day of the "year".
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0)
}

/** Broken-down date-time fields as read from text; validated by `toEpoch`. */
export interface DateFields {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** fraction of the second in nanoseconds, 0..999_999_999 */
  nano: number
  /** offset east of UTC in minutes */
  offsetMinutes: number
}

export function emptyFields(): DateFields {
  return { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, nano: 0, offsetMinutes: 0 }
}

/**
 * Validates the fields and converts them to epoch milliseconds plus the sub-millisecond nanos
 * (0..999_999). Returns false for impossible dates (Feb 30, hour 24, ...).
 */
export function toEpoch(f: DateFields, out: { millis: number; subNanos: number }): boolean {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month)) return false
  if (f.hour > 23 || f.minute > 59 || f.second > 59 || f.offsetMinutes > 18 * 60 || f.offsetMinutes < -18 * 60) {
    return false
  }
  const days = daysFromCivil(f.year, f.month, f.day)
  const seconds = days * 86400 + f.hour * 3600 + f.minute * 60 + f.second - f.offsetMinutes * 60
  out.millis = seconds * 1000 + Math.floor(f.nano / 1e6)
  out.subNanos = f.nano % 1e6
  return true
}

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** The civil date (proleptic Gregorian, month 1-12) of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}
