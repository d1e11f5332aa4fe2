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
 *
 * Analysis (Unicode word segmentation) is costly, so each value is first checked cheaply: every
 * token is a lowercased substring of the value, so a value whose lowercased text does not contain
 * the needed strings cannot match and is never analysed.
 */

const ASCII = /^[\x00-\x7f]*$/

// the value lowercased per code point, as the analyzer lowercases its tokens
function lowered(s: string): string {
  return ASCII.test(s) ? s.toLowerCase() : lowerSimple(s)
}

function textOf(raw: unknown): string | undefined {
  return typeof raw === 'string' ? raw : scalarText(raw)
}

/** Any token of the value is one of `wanted` (match). */
export function anyTokenTest(wanted: ReadonlySet<string>): RawTest {
  const needles = [...wanted]
  return (raw) => {
    const s = textOf(raw)
    if (s === undefined) return false
    const low = lowered(s)
    if (!needles.some((w) => low.includes(w))) return false
    for (const t of analyzeStandard(s)) if (wanted.has(t)) return true
    return false
  }
}

/** The tokens of `phrase` appear adjacent and in order in the value (match_phrase). */
export function phraseTest(phrase: readonly string[]): RawTest {
  const n = phrase.length
  return (raw) => {
    const s = textOf(raw)
    if (s === undefined) return false
    const low = lowered(s)
    if (!phrase.every((w) => low.includes(w))) return false
    const tokens = analyzeStandard(s)
    outer: for (let i = 0; i + n <= tokens.length; i++) {
      for (let k = 0; k < n; k++) if (tokens[i + k] !== phrase[k]) continue outer
      return true
    }
    return false
  }
}

/** Unquoted value: `match` with the default OR operator. No query tokens: nothing matches. */
export function textMatch(read: Getter, query: string): EventTest {
  const wanted = new Set(analyzeStandard(query))
  return wanted.size === 0 ? NEVER : anyValue(read, anyTokenTest(wanted))
}

/** Quoted value: `match_phrase`. */
export function textPhrase(read: Getter, query: string): EventTest {
  const phrase = analyzeStandard(query)
  if (phrase.length === 0) return NEVER
  return anyValue(read, phrase.length === 1 ? anyTokenTest(new Set(phrase)) : phraseTest(phrase))
}

/**
 * The raw-value test of `query_string` pieces on a text field: a wildcard piece is lowercased and
 * must match one whole token; a plain piece is analysed and any of its tokens counts. `exists`
 * pieces (a lone `*`) are handled by the caller. Null when no piece can match anything.
 */
export function textPiecesTest(pieces: readonly Piece[]): RawTest | null {
  const patterns: StringMatcher[] = []
  // per pattern, the literal runs a matching token (hence the lowercased value) must contain
  const needles: string[][] = []
  const words = new Set<string>()
  for (const p of pieces) {
    if (p.allStar) continue
    if (p.hasStar) {
      const parts = p.parts.map(lowerPart)
      patterns.push(compileWildcardParts(parts, false))
      needles.push(parts.flatMap((q) => (q.kind === 'literal' ? [q.text] : [])))
    } else for (const t of analyzeStandard(p.text)) words.add(t)
  }
  if (patterns.length === 0 && words.size === 0) return null
  const wordList = [...words]
  return (raw) => {
    const s = textOf(raw)
    if (s === undefined) return false
    const low = lowered(s)
    if (!wordList.some((w) => low.includes(w)) && !needles.some((ns) => ns.every((w) => low.includes(w)))) return false
    for (const t of analyzeStandard(s)) {
      if (words.has(t)) return true
      for (const m of patterns) if (m(t)) return true
    }
    return false
  }
}

function lowerPart(p: WildcardPart): WildcardPart {
  return p.kind === 'literal' ? { kind: 'literal', text: lowerSimple(p.text) } : p
}
