import { lowerSimple } from '../values/case-fold'
import { scalarText } from '../values/field-indexer'
import type { Getter } from '../values/field-getter'
import { analyzeStandard } from '../values/text-analysis'
import { compileWildcardParts, type StringMatcher, type WildcardPart } from '../values/wildcard'
import { anyValue, type RawTest } from './compile-values'
import { NEVER, type EventTest } from './program'
import type { Piece } from './compile-pieces'

/**
 * `text` / `match_only_text` fields (spec §5.4): values are analysed with the standard analyzer
 * and queries run against single tokens. Unquoted (`match`): any query token present. Quoted
 * (`match_phrase`): all query tokens adjacent and in order within one value (Elasticsearch's
 * position gap keeps phrases from spanning two values of an array). Wildcards (`query_string`):
 * each whitespace-separated piece lowercased and matched against single tokens.
 */

function tokensOf(raw: unknown): string[] | undefined {
  const s = typeof raw === 'string' ? raw : scalarText(raw)
  return s === undefined ? undefined : analyzeStandard(s)
}

/** Whether any token of a value is one of `wanted`. */
function anyTokenIn(wanted: ReadonlySet<string>): RawTest {
  return (raw) => {
    const tokens = tokensOf(raw)
    if (tokens === undefined) return false
    for (const t of tokens) if (wanted.has(t)) return true
    return false
  }
}

/** Unquoted value: `match` with the default OR operator. No query tokens: nothing matches. */
export function textMatch(read: Getter, query: string): EventTest {
  const wanted = new Set(analyzeStandard(query))
  return wanted.size === 0 ? NEVER : anyValue(read, anyTokenIn(wanted))
}

/** Quoted value: `match_phrase`. */
export function textPhrase(read: Getter, query: string): EventTest {
  const phrase = analyzeStandard(query)
  const n = phrase.length
  if (n === 0) return NEVER
  if (n === 1) return textMatch(read, query)
  return anyValue(read, (raw) => {
    const tokens = tokensOf(raw)
    if (tokens === undefined) return false
    outer: for (let i = 0; i + n <= tokens.length; i++) {
      for (let k = 0; k < n; k++) if (tokens[i + k] !== phrase[k]) continue outer
      return true
    }
    return false
  })
}

/**
 * The raw-value test of `query_string` pieces on a text field: a wildcard piece is lowercased and
 * must match one whole token; a plain piece is analysed and any of its tokens counts. `exists`
 * pieces (a lone `*`) are handled by the caller.
 */
export function textPiecesTest(pieces: readonly Piece[]): RawTest | null {
  const patterns: StringMatcher[] = []
  const words = new Set<string>()
  for (const p of pieces) {
    if (p.allStar) continue
    if (p.hasStar) patterns.push(compileWildcardParts(p.parts.map(lowerPart), false))
    else for (const t of analyzeStandard(p.text)) words.add(t)
  }
  if (patterns.length === 0 && words.size === 0) return null
  return (raw) => {
    const tokens = tokensOf(raw)
    if (tokens === undefined) return false
    for (const t of tokens) {
      if (words.has(t)) return true
      for (const m of patterns) if (m(t)) return true
    }
    return false
  }
}

function lowerPart(p: WildcardPart): WildcardPart {
  return p.kind === 'literal' ? { kind: 'literal', text: lowerSimple(p.text) } : p
}
