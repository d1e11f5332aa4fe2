/**
 * A rough, language-neutral tokenizer for the fuzzer: it only needs to cut a query into pieces the
 * mutators can delete, duplicate, swap or replace, not to agree with the real lexers (a mutated
 * query that no lexer would produce is exactly what we want to feed them).
 */

export type TokenKind = 'string' | 'number' | 'word' | 'op' | 'space' | 'other'

export interface Token {
  readonly kind: TokenKind
  readonly text: string
}

// Order matters: strings first (they may hold anything), then numbers before words.
const TOKEN_RE =
  /("""[\s\S]*?"""|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`|\d[\d.eE+-]*|[\p{L}_@$][\p{L}\p{N}_.\-@$*?]*|==|!=|<=|>=|:[<>]=?|[()[\]{},:|<>~!*=?]|\s+|[\s\S])/gu

/** The tokens of `text`; joining their texts gives `text` back. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0]
    tokens.push({ kind: kindOf(t), text: t })
  }
  return tokens
}

function kindOf(t: string): TokenKind {
  const c = t[0] ?? ''
  if (c === '"' || c === "'" || c === '`') return 'string'
  if (/\d/.test(c)) return 'number'
  if (/\s/.test(c)) return 'space'
  if (/[\p{L}_@$]/u.test(c)) return 'word'
  if (/[()[\]{},:|<>~!*=?]/.test(c)) return 'op'
  return 'other'
}

/** The text of a token list. */
export function join(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join('')
}
