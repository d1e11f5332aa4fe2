import type { DateFields } from './date-calendar'

/**
 * A hand-written reader for `strict_date_optional_time`, the format of nearly every timestamp,
 * because it runs once per event when events are ordered: no RegExp, no allocation. Grammar:
 *
 *   yyyy [ -MM [ -dd [ THH [ :mm [ :ss [ (.|,) 1-9 digits ] ] ] ] ] ] [ Z | (+|-)HH [ [:]mm ] ]
 *
 * Fields the text leaves out are not written (the caller fills them). Range checks (month 13,
 * Feb 30) are the caller's (`toEpoch`).
 */
export function readStrictIso(s: string, f: DateFields): boolean {
  const n = s.length
  if (n < 4) return false
  const year = digits(s, 0, 4)
  if (year < 0) return false
  f.year = year
  let i = 4
  // each step: stop at the end or at an offset, else the next component must follow
  if (i < n && s.charCodeAt(i) === 45 /* - */ && i + 3 <= n) {
    const month = digits(s, i + 1, 2)
    if (month < 0) return false
    f.month = month
    i += 3
    if (i < n && s.charCodeAt(i) === 45 && i + 3 <= n) {
      const day = digits(s, i + 1, 2)
      if (day < 0) return false
      f.day = day
      i += 3
      if (i < n && s.charCodeAt(i) === 84 /* T */) {
        const hour = digits(s, i + 1, 2)
        if (hour < 0) return false
        f.hour = hour
        i += 3
        if (i < n && s.charCodeAt(i) === 58 /* : */) {
          const minute = digits(s, i + 1, 2)
          if (minute < 0) return false
          f.minute = minute
          i += 3
          if (i < n && s.charCodeAt(i) === 58) {
            const second = digits(s, i + 1, 2)
            if (second < 0) return false
            f.second = second
            i += 3
            const c = s.charCodeAt(i)
            if (i < n && (c === 46 /* . */ || c === 44) /* , */) {
              let j = i + 1
              let nano = 0
              while (j < n && j - i <= 9 && isDigit(s.charCodeAt(j))) nano = nano * 10 + (s.charCodeAt(j++) - 48)
              const count = j - i - 1
              if (count === 0 || (j < n && isDigit(s.charCodeAt(j)))) return false
              f.nano = nano * (POW10[9 - count] ?? 1)
              i = j
            }
          }
        }
      }
    }
  }
  return i === n || readOffset(s, i, f)
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000]

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** `count` digits at `at` as a number, or -1. */
function digits(s: string, at: number, count: number): number {
  if (at + count > s.length) return -1
  let v = 0
  for (let k = at; k < at + count; k++) {
    const c = s.charCodeAt(k)
    if (!isDigit(c)) return -1
    v = v * 10 + (c - 48)
  }
  return v
}

function readOffset(s: string, i: number, f: DateFields): boolean {
  const n = s.length
  const c = s.charCodeAt(i)
  if (c === 90 /* Z */) return i + 1 === n
  if (c !== 43 /* + */ && c !== 45 /* - */) return false
  const hours = digits(s, i + 1, 2)
  if (hours < 0) return false
  let j = i + 3
  let minutes = 0
  if (j < n) {
    if (s.charCodeAt(j) === 58) j++
    minutes = digits(s, j, 2)
    if (minutes < 0) return false
    j += 2
  }
  if (j !== n) return false
  const total = hours * 60 + minutes
  f.offsetMinutes = c === 45 ? -total : total
  return true
}
