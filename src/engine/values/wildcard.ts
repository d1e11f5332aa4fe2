import { foldCase, foldCodePoint } from './case-fold'

/**
 * Whole-value wildcard matching, as Lucene's WildcardQuery does it: `*` matches any run of
 * characters (also empty, also newlines), `?` exactly one character — one Unicode *code point*,
 * since Lucene's automata work on code points, so `?` matches an emoji (two UTF-16 units).
 * Matching is linear-ish and never backtracks exponentially: the pattern is split at `*` into
 * segments; the first is anchored at the start, the last at the end, and each middle segment takes
 * its leftmost occurrence (which is always optimal for `*`-separated segments). The shapes that
 * dominate real rules (`foo`, `foo*`, `*foo`, `*foo*`, `foo*bar`) compile to one native string call.
 */

/** One piece of a parsed pattern; KQL builds these itself because its escapes differ from EQL. */
export type WildcardPart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'one' }

export type StringMatcher = (s: string) => boolean

/**
 * EQL pattern text (`:`, `like`, `like~`): `*` and `?` are wildcards and every other character is
 * literal, including backslash (ES doubles backslashes when it builds the Lucene query).
 */
export function parseEqlWildcard(pattern: string): WildcardPart[] {
  const parts: WildcardPart[] = []
  let lit = ''
  for (const ch of pattern) {
    if (ch === '*' || ch === '?') {
      if (lit !== '') parts.push({ kind: 'literal', text: lit })
      lit = ''
      parts.push(ch === '*' ? { kind: 'any' } : { kind: 'one' })
    } else lit += ch
  }
  if (lit !== '') parts.push({ kind: 'literal', text: lit })
  return parts
}

/**
 * Lucene's WildcardQuery syntax, as the Query DSL `wildcard` query takes it: `*` and `?` are
 * wildcards, a backslash makes the next character literal (`\*` is a star, `\\` a backslash),
 * and a backslash at the very end stands for itself, as Lucene reads it.
 */
export function parseLuceneWildcard(pattern: string): WildcardPart[] {
  const parts: WildcardPart[] = []
  let lit = ''
  const chars = [...pattern]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string
    if (ch === '\\' && i + 1 < chars.length) {
      lit += chars[++i] as string
    } else if (ch === '*' || ch === '?') {
      if (lit !== '') parts.push({ kind: 'literal', text: lit })
      lit = ''
      parts.push(ch === '*' ? { kind: 'any' } : { kind: 'one' })
    } else lit += ch
  }
  if (lit !== '') parts.push({ kind: 'literal', text: lit })
  return parts
}

/** True when the EQL pattern text contains a wildcard (otherwise it is a plain term test). */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?')
}

/** Compiles an EQL wildcard pattern (see `parseEqlWildcard`) into a whole-value matcher. */
export function compileWildcard(pattern: string, caseInsensitive: boolean): StringMatcher {
  return compileWildcardParts(parseEqlWildcard(pattern), caseInsensitive)
}

// A segment between two `*`: literal strings and counts of `?`.
type Segment = (string | number)[]

/** Compiles parsed wildcard parts into a whole-value matcher. */
export function compileWildcardParts(parts: readonly WildcardPart[], caseInsensitive: boolean): StringMatcher {
  const segments: Segment[] = [[]]
  for (const p of parts) {
    const cur = segments[segments.length - 1] as Segment
    if (p.kind === 'any') {
      if (cur.length > 0 || segments.length === 1) segments.push([])
      continue
    }
    const last = cur[cur.length - 1]
    if (p.kind === 'one') {
      if (typeof last === 'number') cur[cur.length - 1] = last + 1
      else cur.push(1)
    } else if (p.text !== '') {
      const text = caseInsensitive ? foldCase(p.text) : p.text
      if (typeof last === 'string') cur[cur.length - 1] = last + text
      else cur.push(text)
    }
  }
  if (caseInsensitive) {
    const fast = asciiInsensitive(segments)
    if (fast !== undefined) return fast
  }
  const matcher = compileSegments(segments)
  return caseInsensitive ? (s) => matcher(foldCase(s)) : matcher
}

// Case-insensitive fast paths for the common shapes with an all-ASCII (already folded) pattern:
// compare code unit by code unit, folding the subject on the fly, so nothing is allocated.
// A subject unit can equal an ASCII pattern unit only if it is ASCII or a BMP character that
// folds to ASCII (Kelvin sign, long s, dotted I); surrogates never do, so lengths line up.
function foldedUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c
  return c >= 0xd800 && c <= 0xdfff ? -1 : foldCodePoint(c)
}

function equalAt(s: string, at: number, lit: string): boolean {
  for (let k = 0; k < lit.length; k++) if (foldedUnit(s.charCodeAt(at + k)) !== lit.charCodeAt(k)) return false
  return true
}

function asciiInsensitive(segments: readonly Segment[]): StringMatcher | undefined {
  const lits: string[] = []
  for (const seg of segments) {
    const lit = pureLiteral(seg)
    if (lit === undefined || !/^[\x00-\x7f]*$/.test(lit)) return undefined
    lits.push(lit)
  }
  const [a = '', b = '', c = ''] = lits
  if (lits.length === 1) return (s) => s.length === a.length && equalAt(s, 0, a)
  if (lits.length === 2) {
    if (b === '') return (s) => s.length >= a.length && equalAt(s, 0, a)
    return (s) => s.length >= a.length + b.length && equalAt(s, 0, a) && equalAt(s, s.length - b.length, b)
  }
  if (lits.length === 3 && a === '' && c === '' && b !== '') {
    const first = b.charCodeAt(0)
    const lower = b.charAt(0)
    const upper = lower.toUpperCase()
    // k, s and i have non-ASCII case partners (Kelvin sign, long s, dotted I), so candidates for
    // them cannot be found with indexOf; every other first character can
    if (lower === upper || 'ksi'.includes(lower)) {
      return (s) => {
        const last = s.length - b.length
        for (let i = 0; i <= last; i++) if (foldedUnit(s.charCodeAt(i)) === first && equalAt(s, i, b)) return true
        return false
      }
    }
    return (s) => {
      const last = s.length - b.length
      let lo = s.indexOf(lower)
      let up = s.indexOf(upper)
      while (lo >= 0 || up >= 0) {
        const i = lo < 0 ? up : up < 0 ? lo : Math.min(lo, up)
        if (i > last) return false
        if (equalAt(s, i, b)) return true
        if (i === lo) lo = s.indexOf(lower, i + 1)
        else up = s.indexOf(upper, i + 1)
      }
      return false
    }
  }
  return undefined
}

function pureLiteral(seg: Segment): string | undefined {
  if (seg.length === 0) return ''
  return seg.length === 1 && typeof seg[0] === 'string' ? seg[0] : undefined
}

function compileSegments(segments: readonly Segment[]): StringMatcher {
  const first = segments[0] as Segment
  if (segments.length === 1) {
    const lit = pureLiteral(first)
    if (lit !== undefined) return (s) => s === lit
    return (s) => matchForward(s, 0, first) === s.length
  }
  const last = segments[segments.length - 1] as Segment
  const middle = segments.slice(1, -1)
  const a = pureLiteral(first)
  const b = pureLiteral(last)
  if (a !== undefined && b !== undefined && middle.length === 0) {
    if (a === '' && b === '') return () => true
    if (b === '') return (s) => s.startsWith(a)
    if (a === '') return (s) => s.endsWith(b)
    const min = a.length + b.length
    return (s) => s.length >= min && s.startsWith(a) && s.endsWith(b)
  }
  if (a === '' && b === '' && middle.length === 1) {
    const m = pureLiteral(middle[0] as Segment)
    if (m !== undefined) return (s) => s.includes(m)
  }
  return (s) => {
    const start = matchForward(s, 0, first)
    if (start < 0) return false
    const end = matchBackward(s, s.length, last)
    if (end < start) return false
    let pos = start
    for (const seg of middle) {
      pos = findSegment(s, pos, end, seg)
      if (pos < 0) return false
    }
    return true
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}

/** Matches `seg` at `pos`; returns the end position or -1. */
function matchForward(s: string, pos: number, seg: Segment): number {
  for (const item of seg) {
    if (typeof item === 'string') {
      if (!s.startsWith(item, pos)) return -1
      pos += item.length
    } else {
      for (let k = 0; k < item; k++) {
        if (pos >= s.length) return -1
        pos += isHigh(s.charCodeAt(pos)) && isLow(s.charCodeAt(pos + 1)) ? 2 : 1
      }
    }
  }
  return pos
}

/** Matches `seg` so that it ends at `end`; returns its start position or -1. */
function matchBackward(s: string, end: number, seg: Segment): number {
  for (let i = seg.length - 1; i >= 0; i--) {
    const item = seg[i] as string | number
    if (typeof item === 'string') {
      const from = end - item.length
      if (from < 0 || !s.startsWith(item, from)) return -1
      end = from
    } else {
      for (let k = 0; k < item; k++) {
        if (end <= 0) return -1
        end -= isLow(s.charCodeAt(end - 1)) && end >= 2 && isHigh(s.charCodeAt(end - 2)) ? 2 : 1
      }
    }
  }
  return end
}

/** Leftmost occurrence of `seg` starting at or after `pos` and ending by `limit`: its end, or -1. */
function findSegment(s: string, pos: number, limit: number, seg: Segment): number {
  const head = seg[0]
  if (seg.length === 1 && typeof head === 'string') {
    const i = s.indexOf(head, pos)
    return i < 0 || i + head.length > limit ? -1 : i + head.length
  }
  for (let p = pos; p < limit || (p === limit && seg.length === 0); p++) {
    if (typeof head === 'string') {
      const i = s.indexOf(head, p)
      if (i < 0) return -1
      p = i
    } else if (isLow(s.charCodeAt(p)) && p > 0 && isHigh(s.charCodeAt(p - 1))) {
      continue // not a code point boundary
    }
    const e = matchForward(s, p, seg)
    if (e >= 0 && e <= limit) return e
    if (e > limit && typeof head === 'string') return -1 // later starts only end later
  }
  return -1
}
