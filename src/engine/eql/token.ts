/**
 * EQL tokens. Kinds mirror Elasticsearch's EqlBase lexer: keywords and punctuation use their own
 * text as kind (so `tok.kind === 'where'` reads naturally), the rest are symbolic kinds.
 *
 * TOKEN_KINDS is ordered like ANTLR's token types (keywords, operators, then value tokens), because
 * "expecting {...}" sets in syntax errors are printed in that order, as Elasticsearch prints them.
 */

/** Reserved words, lowercase only (Elasticsearch 8.x/9.x); `runs` and `fork` are not among them. */
export const KEYWORDS = [
  'and', 'any', 'by', 'false', 'in', 'in~', 'join', 'like', 'like~', 'maxspan', 'not', 'null', 'of', 'or',
  'regex', 'regex~', 'sample', 'sequence', 'true', 'until', 'where', 'with',
] as const
export type KeywordKind = (typeof KEYWORDS)[number]

/** Operators and punctuation; `=` is only legal in `maxspan=` and `runs=`. */
export const PUNCTUATION = [
  ':', '=', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '.', ',', '[', ']', '(', ')', '|', '?', '![',
] as const
export type PunctKind = (typeof PUNCTUATION)[number]

/** Value tokens; `tildeIdent` is `name~` (function names only), `quotedIdent` is `` `name` ``. */
export const VALUE_KINDS = ['string', 'integer', 'decimal', 'ident', 'quotedIdent', 'tildeIdent'] as const
export type ValueKind = (typeof VALUE_KINDS)[number]

/** Every token kind; keywords and punctuation are their own text. */
export type TokenKind = 'eof' | KeywordKind | PunctKind | ValueKind

/** All kinds in ANTLR token-type order (the order "expecting {...}" lists them in). */
export const TOKEN_KINDS: readonly TokenKind[] = ['eof', ...KEYWORDS, ...PUNCTUATION, ...VALUE_KINDS]

/** Kind -> position in TOKEN_KINDS, to sort expected sets. */
export const KIND_INDEX: Readonly<Record<TokenKind, number>> = Object.fromEntries(
  TOKEN_KINDS.map((k, i) => [k, i]),
) as Record<TokenKind, number>

const KEYWORD_SET: ReadonlySet<string> = new Set<string>(KEYWORDS)

/** Keywords are lowercase and case-sensitive: `AND` is an identifier. */
export function isKeyword(word: string): word is KeywordKind {
  return KEYWORD_SET.has(word)
}

/** One lexed token; spans are 0-based UTF-16 offsets, end-exclusive. */
export interface Token {
  readonly kind: TokenKind
  readonly start: number
  readonly end: number
  /**
   * ident / keyword: the text; quotedIdent: the name without back-quotes (doubled back-quotes
   * undone); tildeIdent: the name without `~`; string: the unescaped value; numbers: the digits as
   * written; punctuation: the text; eof: ''.
   */
  readonly value: string
}

/** How ANTLR names a token kind inside "expecting {...}". */
export function kindDisplay(kind: TokenKind): string {
  switch (kind) {
    case 'eof':
      return '<EOF>'
    case 'string':
      return 'STRING'
    case 'integer':
      return 'INTEGER_VALUE'
    case 'decimal':
      return 'DECIMAL_VALUE'
    case 'ident':
      return 'IDENTIFIER'
    case 'quotedIdent':
      return 'QUOTED_IDENTIFIER'
    case 'tildeIdent':
      return 'TILDE_IDENTIFIER'
    default:
      return `'${kind}'`
  }
}

/** `{a, b}` or, for a single kind, just `a` — ANTLR's rendering of an expected set. */
export function expectedDisplay(kinds: readonly TokenKind[]): string {
  const sorted = [...new Set(kinds)].sort((a, b) => KIND_INDEX[a] - KIND_INDEX[b])
  if (sorted.length === 1 && sorted[0] !== undefined) return kindDisplay(sorted[0])
  return `{${sorted.map(kindDisplay).join(', ')}}`
}

/** A token's text as ANTLR shows it in messages: control characters escaped, EOF as `<EOF>`. */
export function tokenDisplay(text: string, tok: Token): string {
  if (tok.kind === 'eof') return '<EOF>'
  return escapeDisplay(text.slice(tok.start, tok.end))
}

/** Escapes line breaks and tabs the way ANTLR shows token text in messages. */
export function escapeDisplay(s: string): string {
  return s.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
}
