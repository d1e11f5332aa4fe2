/**
 * How keyword strings compare: byte order (`compareKeyword`) and case folding.
 *
 * Case folding for case-insensitive term/wildcard matching (`:`, `like~`, `in~`, KQL
 * case_insensitive). Lucene folds per code point with Java's *simple* (one code point to one
 * code point) case mappings; we map every code point to one representative of its case group,
 * `lower(upper(c))` with simple mappings only, so all spellings of a letter fold alike. This is the
 * same grouping `lucene-regex/` uses for `regex~`, so `like~` and `regex~` agree. Edge cases:
 * - `İ` (U+0130) folds to `i` (Java's simple lower case), not `i̇` as JS `toLowerCase` gives;
 * - `Σ`, `σ` and `ς` all fold to `σ` (JS lower-cases a word-final Σ to `ς`);
 * - `ß` stays `ß` (no expansion to `ss`); `ẞ` (U+1E9E) folds to `ß`;
 * - `ı` (dotless i), `ſ` (long s) and `K` (Kelvin sign) fold with i, s and k: slightly more
 *   permissive than Lucene's per-character {c, lower(c), upper(c)} rule.
 * The number of code points never changes, so `?` wildcards count the same after folding.
 */

const cache = new Map<number, number>()

/** The case-folded code point (see the module comment). */
export function foldCodePoint(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp
  const hit = cache.get(cp)
  if (hit !== undefined) return hit
  const out = simpleLower(simpleUpper(cp))
  cache.set(cp, out)
  return out
}

// JS case mappings, keeping the character where JS expands it to several code points (no simple
// mapping in Java), with Java's simple lower case of U+0130.
function single(s: string, cp: number): number {
  const first = s.codePointAt(0)
  return first !== undefined && s.length === (first > 0xffff ? 2 : 1) ? first : cp
}
function simpleUpper(cp: number): number {
  return single(String.fromCodePoint(cp).toUpperCase(), cp)
}
function simpleLower(cp: number): number {
  return cp === 0x130 ? 0x69 : single(String.fromCodePoint(cp).toLowerCase(), cp)
}

/** Folds a string for case-insensitive matching (see the module comment for the exact rules). */
export function foldCase(s: string): string {
  let ascii = true
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false
      break
    }
  }
  if (ascii) return s.toLowerCase() // ASCII letters have no other case partners below 0x80
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    out += String.fromCodePoint(foldCodePoint(cp))
  }
  return out
}

/**
 * Per-code-point simple lower case (Java `Character.toLowerCase`), as Lucene's LowerCaseFilter
 * applies it in the standard analyzer: `Σ` -> `σ` everywhere, `İ` -> `i`, no expansions.
 */
export function lowerSimple(s: string): string {
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    out += cp < 0x80 ? ch.toLowerCase() : String.fromCodePoint(simpleLower(cp))
  }
  return out
}

/**
 * Java's `String.toLowerCase(Locale.ROOT)`, which EQL's case-insensitive *functions* (`startsWith~`,
 * `stringContains~`, ...) apply to both sides. JS `toLowerCase` uses the same Unicode full mappings
 * (including final sigma), so it is used as is.
 */
export function lowerRoot(s: string): string {
  return s.toLowerCase()
}

/*
 * Keyword ordering. Lucene compares terms by their UTF-8 bytes, i.e. by Unicode code point. JS `<`
 * compares UTF-16 code units, which agrees except when a supplementary character (stored as a
 * surrogate pair, 0xD800-0xDFFF) meets a BMP character in 0xE000-0xFFFF: UTF-16 puts the surrogate
 * first, code point order puts it last. `compareKeyword` fixes exactly that case.
 */

/** Negative, zero or positive as `a` sorts before, equal to or after `b` in UTF-8 byte order. */
export function compareKeyword(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) return fixup(x) - fixup(y)
      return x - y
    }
  }
  return a.length - b.length
}

// Moves surrogates above the rest of the BMP so code-unit order becomes code-point order.
function fixup(c: number): number {
  return c >= 0xe000 ? c - 0x800 : c + 0x2000
}
