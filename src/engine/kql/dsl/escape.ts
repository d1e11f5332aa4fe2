import type { KqlValue } from '../ast'
import type { DslValue } from './types'

/*
 * How Kibana turns KQL values into Query DSL strings. Kibana escapes the literal pieces of a
 * wildcard with a character class written `[+-=&|><!(){}[\]^"~*?:\\/]`. The `+-=` in it is a
 * *range* (U+002B..U+003D), so besides the query_string reserved characters it also escapes
 * `,` `.` `/` `;` and the digits 0-9. The escapes change nothing for Elasticsearch (a backslash
 * quotes any character in both query_string and wildcard queries), but the DSL we show must be
 * the text Kibana sends, so we reproduce the class exactly.
 */
function needsEscape(code: number): boolean {
  if (code >= 0x2b && code <= 0x3d) return true // + , - . / 0-9 : ; < =
  switch (code) {
    case 0x26: // &
    case 0x7c: // |
    case 0x3e: // >
    case 0x21: // !
    case 0x28: // (
    case 0x29: // )
    case 0x7b: // {
    case 0x7d: // }
    case 0x5b: // [
    case 0x5d: // ]
    case 0x5e: // ^
    case 0x22: // "
    case 0x7e: // ~
    case 0x2a: // *
    case 0x3f: // ?
    case 0x5c: // \
      return true
    default:
      return false
  }
}

/** One literal piece of a wildcard, escaped as Kibana escapes it for query_string and wildcard. */
export function escapeQueryString(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out += needsEscape(c) ? '\\' + text.charAt(i) : text.charAt(i)
  }
  return out
}

/** The pattern sent in `wildcard.value` and `query_string.query`: escaped pieces joined by bare stars. */
export function wildcardPattern(parts: readonly string[]): string {
  return parts.map(escapeQueryString).join('*')
}

/**
 * The value as Kibana sends it in term/match/range/multi_match: the literal's text (numbers stay
 * strings), JSON true/false/null for the unquoted keywords, and for a wildcard node its pieces
 * joined by unescaped stars (a range value with a star is sent as written).
 */
export function plainValue(value: KqlValue): DslValue {
  switch (value.type) {
    case 'literal':
      return value.text
    case 'keyword':
      return value.value
    case 'wildcard':
      return value.parts.join('*')
    default: {
      const never: never = value
      return never
    }
  }
}

/** A lone `*` value (`f:*`): an exists test. `**` is a wildcard, as in Kibana. */
export function isLoneStar(value: KqlValue): boolean {
  return value.type === 'wildcard' && value.parts.length === 2 && value.parts[0] === '' && value.parts[1] === ''
}

/** Epoch milliseconds written as digits: Kibana adds no time_zone to those date values. */
export function isEpochDigits(value: DslValue): boolean {
  return typeof value === 'string' && /^\d+$/.test(value)
}
