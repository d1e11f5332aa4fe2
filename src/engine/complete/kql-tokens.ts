/**
 * A forgiving KQL tokenizer for completion and hover: words, quoted strings, `( ) { } :` and the
 * range operators, with `and`/`or`/`not` as keywords. It reuses the parser's scanners for quoted
 * strings and whitespace, but unlike the parser it never stops: half-typed text still tokenizes.
 * Unquoted words are split at whitespace (the parser joins `a b` into one literal; completion
 * wants the word under the cursor).
 */
import { isKqlSpace, isSpecial, scanQuoted } from '../kql/scan-literal'

export type KqlTokenKind = 'word' | 'quoted' | '(' | ')' | '{' | '}' | ':' | '<' | '<=' | '>' | '>=' | 'and' | 'or' | 'not'

export interface KqlToken {
  readonly kind: KqlTokenKind
  readonly start: number
  readonly end: number
  /** word: the raw text; quoted: the decoded value; otherwise the text */
  readonly text: string
  /** quoted strings only: whether the closing quote is there */
  readonly closed?: boolean
}

export const KQL_RANGE_OPS: ReadonlySet<KqlTokenKind> = new Set(['<', '<=', '>', '>='])

/** Tokenizes KQL text. Never throws. */
export function kqlTokens(text: string): KqlToken[] {
  const out: KqlToken[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const code = text.charCodeAt(i)
    if (isKqlSpace(code)) {
      i++
      continue
    }
    const ch = text[i] as string
    const start = i
    if (ch === '"') {
      const q = scanQuoted(text, i)
      if (q !== null && q.value.type === 'literal') {
        out.push({ kind: 'quoted', start, end: q.end, text: q.value.text, closed: true })
        i = q.end
      } else {
        out.push({ kind: 'quoted', start, end: n, text: text.slice(i + 1), closed: false })
        i = n
      }
      continue
    }
    if (ch === '<' || ch === '>') {
      const kind: KqlTokenKind = text[i + 1] === '=' ? (ch === '<' ? '<=' : '>=') : ch
      i += kind.length
      out.push({ kind, start, end: i, text: kind })
      continue
    }
    if (ch === '(' || ch === ')' || ch === '{' || ch === '}' || ch === ':') {
      out.push({ kind: ch, start, end: ++i, text: ch })
      continue
    }
    // a word: up to whitespace or a special character (`*` belongs to words: it is a wildcard)
    while (i < n) {
      const c = text[i] as string
      if (c === '\\' && i + 1 < n) {
        i += 2
        continue
      }
      if (isKqlSpace(text.charCodeAt(i)) || (isSpecial(c) && c !== '*' && c !== '\\')) break
      i++
    }
    if (i === start) i++
    const word = text.slice(start, i)
    const lower = word.toLowerCase()
    const kind: KqlTokenKind = lower === 'and' || lower === 'or' || lower === 'not' ? lower : 'word'
    out.push({ kind, start, end: i, text: word })
  }
  return out
}

/** A word's field name: KQL escapes (`\:`, `\ `) undone. */
export function unescapeWord(word: string): string {
  return word.replace(/\\(.)/g, '$1')
}
