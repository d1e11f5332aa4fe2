/**
 * Hostile string material shared by the query mutators and the event generator: odd Unicode
 * (lone surrogates, bidi controls, NUL, combining marks, astral characters), very long runs and
 * numbers at the edges of what JSON, doubles and Elasticsearch's long type can hold.
 */
import type { Rng } from './prng'

/** Characters that commonly break lexers, span arithmetic (UTF-16 units) or case folding. */
export const ODD_CHARS: readonly string[] = [
  '\u0000', '\ud800', '\udfff', '\u202e', '\u200f', '\u200b', '\ufeff', '\u0301', '\u00a0',
  '\u2028', '\u2029', '\t', '\r', '\n', '\u0130', '\u0131', '\u00df', '\ufb00', '\u03a3',
  '\ud83d\ude00', '\ud801\udc00', '\u{10ffff}', '\\', '"', "'", '`', '*', '?', '~', '\u0085',
]

/** Number spellings at the edges: -0, huge, tiny, 2^53+1, exponents, NaN-ish words. */
export const EDGE_NUMBER_TEXTS: readonly string[] = [
  '-0', '0', '1e308', '1e309', '-1e308', '5e-324', '9007199254740993', '-9007199254740993',
  '9223372036854775807', '9223372036854775808', '-9223372036854775809', '18446744073709551616',
  '0x7fffffff', '1.7976931348623157e308', '00000000001', '1.', '.5', '1e', '1e+', '-',
  '99999999999999999999999999999999999999999999', 'NaN', 'Infinity', '-Infinity',
]

/** Edge numbers as JSON values can carry them (NaN-ish ones appear as strings in events). */
export const EDGE_NUMBERS: readonly number[] = [
  -0, 0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 63, -(2 ** 63), 0.1, 1 / 3,
  Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1,
]

/** A string of `length` odd characters drawn from ODD_CHARS and plain ASCII. */
export function oddString(rng: Rng, length: number): string {
  let s = ''
  for (let i = 0; i < length; i++) s += rng.chance(0.5) ? rng.pick(ODD_CHARS) : String.fromCharCode(rng.range(32, 126))
  return s
}

/** A long run (up to `max` units) of one character or a short repeated motif. */
export function longRun(rng: Rng, max: number): string {
  const motif = rng.pick(['a', 'A', '*', '?', 'ab', '\\', '.', '\u00e9', '\ud83d\ude00', '0'])
  return motif.repeat(Math.max(1, Math.floor(rng.range(1, max) / motif.length)))
}
