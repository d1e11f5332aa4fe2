import type { ValueFault } from './indexed-types'
import { MONTH_NAMES, type DateFields } from './date-calendar'

/**
 * Custom date formats (Java `DateTimeFormatter` patterns, as used in mapping `format` strings such
 * as `dd-MM-yyyy` or `yyyy-MM-dd HH:mm:ss`), compiled to an anchored RegExp plus one setter per
 * capture group. Supported letters: y/u (year; `yy` = 2000-2099), M (1-2 digits, MMM/MMMM English
 * month names), d, H, h + a (AM/PM), m, s, S (fraction digits), Z/X/x (offsets, `Z` allowed where
 * Java allows it loosely), E (day name, ignored); `'literal'`, `''`, and `[optional sections]`.
 * Missing fields default to 1970-01-01T00:00:00Z. Other letters make the format invalid.
 */
export type FieldsParser = (text: string, f: DateFields) => boolean

type Setter = (f: DateFields, s: string) => boolean

const OFFSET = '(Z|[+-]\\d{2}(?::?\\d{2})?)'

function setOffset(f: DateFields, s: string): boolean {
  if (s === 'Z') {
    f.offsetMinutes = 0
    return true
  }
  const sign = s.startsWith('-') ? -1 : 1
  const digits = s.slice(1).replace(':', '')
  const h = Number(digits.slice(0, 2))
  const m = digits.length > 2 ? Number(digits.slice(2)) : 0
  if (m > 59) return false
  f.offsetMinutes = sign * (h * 60 + m)
  return true
}

function numberSetter(key: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'): Setter {
  return (f, s) => {
    f[key] = Number(s)
    return true
  }
}

interface Piece {
  readonly re: string
  readonly set?: Setter
}

function letterPiece(letter: string, count: number): Piece | undefined {
  switch (letter) {
    case 'y':
    case 'u':
      if (count === 2) return { re: '(\\d{2})', set: (f, s) => ((f.year = 2000 + Number(s)), true) }
      return { re: count >= 4 ? `(\\d{${count}})` : '(\\d{1,9})', set: numberSetter('year') }
    case 'M':
      if (count >= 3) {
        return {
          re: count === 3 ? '([A-Za-z]{3})' : '([A-Za-z]+)',
          set: (f, s) => {
            const lower = s.toLowerCase()
            const i = MONTH_NAMES.findIndex((n) => (count === 3 ? n.slice(0, 3) === lower : n === lower))
            f.month = i + 1
            return i >= 0
          },
        }
      }
      return { re: count === 1 ? '(\\d{1,2})' : '(\\d{2})', set: numberSetter('month') }
    case 'd':
      return { re: count === 1 ? '(\\d{1,2})' : '(\\d{2})', set: numberSetter('day') }
    case 'H':
      return { re: count === 1 ? '(\\d{1,2})' : '(\\d{2})', set: numberSetter('hour') }
    case 'h':
      return { re: count === 1 ? '(\\d{1,2})' : '(\\d{2})', set: (f, s) => ((f.hour = Number(s) % 12), Number(s) >= 1 && Number(s) <= 12) }
    case 'a':
      return { re: '([AaPp][Mm])', set: (f, s) => ((f.hour += s.toLowerCase() === 'pm' ? 12 : 0), true) }
    case 'm':
      return { re: count === 1 ? '(\\d{1,2})' : '(\\d{2})', set: numberSetter('minute') }
    case 's':
      return { re: count === 1 ? '(\\d{1,2})' : '(\\d{2})', set: numberSetter('second') }
    case 'S':
      if (count > 9) return undefined
      return { re: `(\\d{${count}})`, set: (f, s) => ((f.nano = Number(s.padEnd(9, '0'))), true) }
    case 'Z':
    case 'X':
    case 'x':
      return { re: OFFSET, set: setOffset }
    case 'E':
      return { re: '[A-Za-z]+' }
    default:
      return undefined
  }
}

const cache = new Map<string, FieldsParser | ValueFault>()

/** Compiles a Java date pattern; a fault names the first unsupported construct. */
export function compileDatePattern(pattern: string): FieldsParser | ValueFault {
  const hit = cache.get(pattern)
  if (hit !== undefined) return hit
  const compiled = compile(pattern)
  cache.set(pattern, compiled)
  return compiled
}

function compile(pattern: string): FieldsParser | ValueFault {
  let re = ''
  const setters: Setter[] = []
  let depth = 0
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i] ?? ''
    if (/[A-Za-z]/.test(c)) {
      let j = i
      while (pattern[j] === c) j++
      const piece = letterPiece(c, j - i)
      if (piece === undefined) return { fault: `Unsupported date pattern letter [${c}] in [${pattern}]` }
      re += piece.re
      if (piece.set !== undefined) setters.push(piece.set)
      i = j
    } else if (c === "'") {
      const end = pattern.indexOf("'", i + 1)
      if (end < 0) return { fault: `Unterminated quote in date pattern [${pattern}]` }
      re += end === i + 1 ? "'" : escapeRe(pattern.slice(i + 1, end))
      i = end + 1
    } else if (c === '[') {
      re += '(?:'
      depth++
      i++
    } else if (c === ']') {
      if (depth === 0) return { fault: `Unbalanced ']' in date pattern [${pattern}]` }
      re += ')?'
      depth--
      i++
    } else {
      re += escapeRe(c)
      i++
    }
  }
  if (depth !== 0) return { fault: `Unbalanced '[' in date pattern [${pattern}]` }
  const regex = new RegExp(`^${re}$`)
  return (text, f) => {
    const m = regex.exec(text)
    if (m === null) return false
    for (let k = 0; k < setters.length; k++) {
      const s = m[k + 1]
      if (s !== undefined && !(setters[k] as Setter)(f, s)) return false
    }
    return true
  }
}

function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}
