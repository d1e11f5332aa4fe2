import { compileWildcardParts, type StringMatcher, type WildcardPart } from '../values/wildcard'

/**
 * How Elasticsearch's `query_string` reads the pattern Kibana sends for a wildcard value on any
 * field that is not exactly `keyword` (spec §4.2, §5.3): Kibana escapes every reserved character
 * but not whitespace, so the query parser splits the pattern at whitespace into separate terms,
 * OR-ed (default operator OR). Each piece is a wildcard/prefix query when it has a star (a lone
 * `*` piece is an exists query on the field), else a plain term. Only `*` is special: `?` was
 * escaped, so it is literal.
 */
export interface Piece {
  /** the piece as wildcard parts (stars as `any`) */
  readonly parts: readonly WildcardPart[]
  /** the piece's literal text without stars (for plain pieces) */
  readonly text: string
  readonly hasStar: boolean
  /** only stars: `field:*`-like exists */
  readonly allStar: boolean
}

// Lucene's classic query parser whitespace
const WS = new Set([' ', '\t', '\n', '\r', '\u3000'])

/** Splits KQL wildcard parts (the literal runs between stars) into query_string pieces. */
export function splitPieces(parts: readonly string[]): Piece[] {
  const pieces: Piece[] = []
  let cur: WildcardPart[] = []
  let lit = ''
  let text = ''
  let stars = 0
  const flushLit = (): void => {
    if (lit !== '') cur.push({ kind: 'literal', text: lit })
    lit = ''
  }
  const flushPiece = (): void => {
    flushLit()
    if (cur.length > 0) pieces.push({ parts: cur, text, hasStar: stars > 0, allStar: stars > 0 && text === '' })
    cur = []
    text = ''
    stars = 0
  }
  parts.forEach((part, i) => {
    if (i > 0) {
      flushLit()
      cur.push({ kind: 'any' })
      stars++
    }
    for (const ch of part) {
      if (WS.has(ch)) flushPiece()
      else {
        lit += ch
        text += ch
      }
    }
  })
  flushPiece()
  return pieces
}

/** KQL wildcard parts as one anchored pattern (keyword fields: Kibana's `wildcard` query). */
export function wholePattern(parts: readonly string[]): WildcardPart[] {
  const out: WildcardPart[] = []
  parts.forEach((text, i) => {
    if (i > 0) out.push({ kind: 'any' })
    if (text !== '') out.push({ kind: 'literal', text })
  })
  return out
}

/** Case-sensitive whole-value matchers for the pieces that are not lone stars. */
export function pieceMatchers(pieces: readonly Piece[]): StringMatcher[] {
  return pieces.filter((p) => !p.allStar).map((p) => compileWildcardParts(p.parts, false))
}

/** True when the value is only stars (`*`, `**`): an exists query. */
export function isAllStars(parts: readonly string[]): boolean {
  return parts.every((p) => p === '')
}
