/**
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
