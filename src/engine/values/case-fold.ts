/**
 * Case folding as Lucene's case-insensitive term/wildcard/regexp queries do it: per code point,
 * using Java's *simple* (one code point to one code point) case mappings. That differs from JS
 * `toLowerCase` (full, context-sensitive mappings) in a few places, all handled here:
 * - `İ` (U+0130) folds to `i`, not `i̇` (two code points);
 * - `Σ` always folds to `σ` (JS turns a word-final Σ into `ς`); `ς` itself stays `ς`;
 * - `ß` stays `ß` (no expansion to `ss`), `ẞ` (U+1E9E) folds to `ß`.
 * Folding both sides to lower case approximates Lucene's "match c, lower(c) or upper(c)" rule; it
 * differs only for characters whose upper-case form lower-cases to a different character (e.g. the
 * long s `ſ`, whose upper case is `S`: Lucene lets query `ſ` match `S`, we do not).
 * The number of code points never changes, so `?` wildcards count the same after folding.
 */

const cache = new Map<number, number>()

function foldCodePoint(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp
  const hit = cache.get(cp)
  if (hit !== undefined) return hit
  let out = cp
  if (cp === 0x130) out = 0x69
  else if (cp === 0x3a3) out = 0x3c3
  else {
    const lower = String.fromCodePoint(cp).toLowerCase()
    const first = lower.codePointAt(0)
    // keep the character when the lower case is not a single code point (simple mapping absent)
    if (first !== undefined && lower.length === (first > 0xffff ? 2 : 1)) out = first
  }
  cache.set(cp, out)
  return out
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
  if (ascii) return s.toLowerCase()
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    out += String.fromCodePoint(foldCodePoint(cp))
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
