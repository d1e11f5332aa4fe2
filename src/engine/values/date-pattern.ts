import type { ValueFault } from './indexed-types'
import { MONTH_NAMES, type DateFields } from './date-calendar'
import { digitEnds, runProgram, wordEnds, type Capture, type Piece, type Program, type Step } from './date-pattern-match'

/**
 * Custom date formats (Java `DateTimeFormatter` patterns, as used in mapping `format` strings such
 * as `dd-MM-yyyy` or `yyyy-MM-dd HH:mm:ss`), compiled to a list of pieces, each with a setter for
 * the field it reads, run by a matcher that cannot backtrack exponentially (date-pattern-match.ts).
 * Supported letters: y/u (year; `yy` = 2000-2099), M (1-2 digits, MMM/MMMM English month names),
 * d, H, h + a (AM/PM), m, s, S (fraction digits), Z/X/x (offsets, `Z` allowed where Java allows it
 * loosely), E (English day name: E-EEE `Mon`, EEEE `Monday`, EEEEE `M`; read and ignored);
 * `'literal'`, `''`, and `[optional sections]`. More than five E or M is invalid, as in Java.
 * Missing fields default to 1970-01-01T00:00:00Z. Other letters make the format invalid.
 */
export type FieldsParser = (text: string, f: DateFields) => boolean

type Setter = Capture<DateFields>

// Java accepts any length; real formats are a few dozen characters. The matcher's memory is
// (pattern steps) x (text length), and the text is bounded by the pattern's width, so a cap on the
// pattern bounds both (a 256-character pattern: at most a few hundred KB, once per value).
export const MAX_PATTERN_LENGTH = 256

// Java's English (Locale.ROOT) day names: E/EE/EEE short, EEEE full, EEEEE narrow.
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
const DAY_SHORT = DAY_NAMES.map((d) => d.slice(0, 3))
const DAY_NARROW = [...new Set(DAY_NAMES.map((d) => d.slice(0, 1)))]

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

/** `Z`, or a sign, two hour digits, then optionally `:`-or-nothing and two minute digits. */
function offsetEnds(text: string, at: number): number[] {
  const c = text[at]
  if (c === 'Z') return [at + 1]
  if ((c !== '+' && c !== '-') || digitEnds(text, at + 1, 2, 2).length === 0) return []
  const out: number[] = []
  if (text[at + 3] === ':' && digitEnds(text, at + 4, 2, 2).length > 0) out.push(at + 6)
  if (digitEnds(text, at + 3, 2, 2).length > 0) out.push(at + 5)
  out.push(at + 3)
  return out
}

function numberSetter(key: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'): Setter {
  return (f, s) => {
    f[key] = Number(s)
    return true
  }
}

function digits(min: number, max: number, set?: Setter): Piece<DateFields> {
  return { ends: (t, at) => digitEnds(t, at, min, max), width: max, ...(set === undefined ? {} : { set }) }
}

function words(list: readonly string[], set?: Setter): Piece<DateFields> {
  return { ends: (t, at) => wordEnds(t, at, list), width: Math.max(...list.map((w) => w.length)), ...(set === undefined ? {} : { set }) }
}

function letterPiece(letter: string, count: number): Piece<DateFields> | string | undefined {
  switch (letter) {
    case 'y':
    case 'u':
      if (count === 2) return digits(2, 2, (f, s) => ((f.year = 2000 + Number(s)), true))
      return count >= 4 ? digits(count, count, numberSetter('year')) : digits(1, 9, numberSetter('year'))
    case 'M':
      if (count > 5) return `Too many pattern letters: ${letter}`
      if (count >= 3) {
        const set: Setter = (f, s) => {
          const lower = s.toLowerCase()
          const i = MONTH_NAMES.findIndex((n) => (count === 3 ? n.slice(0, 3) === lower : n === lower))
          f.month = i + 1
          return i >= 0
        }
        if (count > 3) return words(MONTH_NAMES, set)
        return { ends: (t, at) => (/^[A-Za-z]{3}/.test(t.slice(at, at + 3)) ? [at + 3] : []), width: 3, set }
      }
      return digits(count === 1 ? 1 : 2, 2, numberSetter('month'))
    case 'd':
      return digits(count === 1 ? 1 : 2, 2, numberSetter('day'))
    case 'H':
      return digits(count === 1 ? 1 : 2, 2, numberSetter('hour'))
    case 'h':
      return digits(count === 1 ? 1 : 2, 2, (f, s) => ((f.hour = Number(s) % 12), Number(s) >= 1 && Number(s) <= 12))
    case 'a':
      return words(['am', 'pm'], (f, s) => ((f.hour += s.toLowerCase() === 'pm' ? 12 : 0), true))
    case 'm':
      return digits(count === 1 ? 1 : 2, 2, numberSetter('minute'))
    case 's':
      return digits(count === 1 ? 1 : 2, 2, numberSetter('second'))
    case 'S':
      if (count > 9) return undefined
      return digits(count, count, (f, s) => ((f.nano = Number(s.padEnd(9, '0'))), true))
    case 'Z':
    case 'X':
    case 'x':
      return { ends: offsetEnds, width: 6, set: setOffset }
    case 'E':
      // the day name is read and ignored (the date fields decide the day)
      if (count > 5) return `Too many pattern letters: ${letter}`
      return words(count === 4 ? DAY_NAMES : count === 5 ? DAY_NARROW : DAY_SHORT)
    default:
      return undefined
  }
}

function literal(text: string): Piece<DateFields> {
  return { ends: (t, at) => (t.startsWith(text, at) ? [at + text.length] : []), width: text.length }
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

/** One element of a pattern: a piece, or an optional section holding more elements. */
type Element = Piece<DateFields> | { readonly optional: readonly Element[] }

function compile(pattern: string): FieldsParser | ValueFault {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { fault: `Date pattern of ${pattern.length} characters is longer than the ${MAX_PATTERN_LENGTH} this playground reads` }
  }
  // sections[0] is the pattern; each '[' opens a nested optional section
  const sections: Element[][] = [[]]
  const top = (): Element[] => sections[sections.length - 1] as Element[]
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i] ?? ''
    if (/[A-Za-z]/.test(c)) {
      let j = i
      while (pattern[j] === c) j++
      const piece = letterPiece(c, j - i)
      if (piece === undefined) return { fault: `Unsupported date pattern letter [${c}] in [${pattern}]` }
      if (typeof piece === 'string') return { fault: `${piece} in [${pattern}]` }
      top().push(piece)
      i = j
    } else if (c === "'") {
      const end = pattern.indexOf("'", i + 1)
      if (end < 0) return { fault: `Unterminated quote in date pattern [${pattern}]` }
      top().push(literal(end === i + 1 ? "'" : pattern.slice(i + 1, end)))
      i = end + 1
    } else if (c === '[') {
      sections.push([])
      i++
    } else if (c === ']') {
      if (sections.length === 1) return { fault: `Unbalanced ']' in date pattern [${pattern}]` }
      const optional = sections.pop() as Element[]
      top().push({ optional })
      i++
    } else {
      top().push(literal(c))
      i++
    }
  }
  if (sections.length !== 1) return { fault: `Unbalanced '[' in date pattern [${pattern}]` }
  const program = toProgram(sections[0] as Element[])
  return (text, f) => runProgram(program, text, f)
}

/** Lays the elements out as steps, each pointing at the step after it. */
function toProgram(elements: readonly Element[]): Program<DateFields> {
  const steps: Step<DateFields>[] = [{ kind: 'end' }]
  function lay(list: readonly Element[], next: number): { start: number; width: number } {
    let start = next
    let width = 0
    for (let k = list.length - 1; k >= 0; k--) {
      const e = list[k] as Element
      if ('optional' in e) {
        const body = lay(e.optional, start)
        steps.push({ kind: 'either', first: body.start, second: start })
        width += body.width
      } else {
        steps.push({ kind: 'piece', piece: e, next: start })
        width += e.width
      }
      start = steps.length - 1
    }
    return { start, width }
  }
  const { start, width } = lay(elements, 0)
  return { steps, start, width }
}
