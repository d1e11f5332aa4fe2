/*
 * EQL lexer, after Elasticsearch's EqlBase lexer rules:
 *
 *   WS              [ \t\r\n]+                                   (skipped)
 *   LINE_COMMENT    '//' ~[\r\n]*                                (skipped)
 *   BLOCK_COMMENT   '/*' (BLOCK_COMMENT | .)*? '*' '/'           (skipped; nests)
 *   keywords        and any by false in in~ join like like~ maxspan not null of or regex regex~
 *                   sample sequence true until where with        (lowercase only)
 *   IDENTIFIER      (LETTER | '_' | '@') (LETTER | DIGIT | '_')*
 *   TILDE_IDENT     LETTER (LETTER | DIGIT | '_')* '~'
 *   QUOTED_IDENT    '`' (~'`' | '``')* '`'
 *   STRING          '"' (ESC | '\u{' HEX+ '}' | ~[\\"\r\n])* '"'
 *                 | '"""' ~[\r\n]*? '"""' '"'? '"'?
 *                 | '\'' ... '\''  | '?"' ... '"'  | '?\'' ... '\''   (lexed, then rejected)
 *   INTEGER_VALUE   DIGIT+
 *   DECIMAL_VALUE   DIGIT+ '.' DIGIT* | '.' DIGIT+ | DIGIT+ ('.' DIGIT*)? EXP | '.' DIGIT+ EXP
 *   punctuation     : = == != < <= > >= + - * / % . , [ ] ( ) | ? ![
 *
 * Hand-written over char codes (no per-character regexes): the longest detection rules are ~47 kB.
 * Errors never stop lexing: a bad character is reported and skipped, a bad string still yields a
 * string token, so the parser can report the errors that follow.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span, type Span } from '../source/span'
import { SYNTAX_CODES } from './codes-syntax'
import { escapeDisplay, isKeyword, type Token, type TokenKind } from './token'
import { lexString } from './lexer-strings'

export interface LexResult {
  /** Always ends with one `eof` token. */
  readonly tokens: Token[]
  readonly diagnostics: Diagnostic[]
  /** Where the comments are (the printer drops them; a formatter must know). */
  readonly comments: Span[]
}

const TAB = 9
const LF = 10
const CR = 13
const SPACE = 32

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}
function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95
}

/** Tokenises an EQL query. Never throws. */
export function lexEql(text: string): LexResult {
  const tokens: Token[] = []
  const diagnostics: Diagnostic[] = []
  const comments: Span[] = []
  const n = text.length
  let i = 0
  const push = (kind: TokenKind, start: number, end: number, value: string): void => {
    tokens.push({ kind, start, end, value })
  }
  // Consecutive unrecognised characters are reported once, as one run.
  let badStart = -1
  const flushBad = (): void => {
    if (badStart >= 0) {
      const t = escapeDisplay(text.slice(badStart, i))
      diagnostics.push(makeDiagnostic(SYNTAX_CODES.tokenRecognition, span(badStart, i), { text: t }))
      badStart = -1
    }
  }

  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === SPACE || c === TAB || c === LF || c === CR) {
      flushBad()
      i++
      continue
    }
    const start = i
    if (isLetter(c) || c === 95 || c === 64) {
      flushBad()
      i++
      while (i < n && isWordChar(text.charCodeAt(i))) i++
      const word = text.slice(start, i)
      if (text.charCodeAt(i) === 126 && isLetter(c)) {
        // `name~`: a case-insensitive function name, or one of the in~ like~ regex~ keywords
        i++
        const tilde = word + '~'
        if (isKeyword(tilde)) push(tilde, start, i, tilde)
        else push('tildeIdent', start, i, word)
      } else if (isKeyword(word)) push(word, start, i, word)
      else push('ident', start, i, word)
      continue
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      flushBad()
      i = lexNumber(text, i, push)
      continue
    }
    const next = text.charCodeAt(i + 1)
    switch (c) {
      case 47: // '/'
        if (next === 47) {
          flushBad()
          i += 2
          while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++
          comments.push(span(start, i))
          continue
        }
        if (next === 42) {
          flushBad()
          i = skipBlockComment(text, i, diagnostics)
          comments.push(span(start, i))
          continue
        }
        break
      case 34: // '"'
      case 39: // '\''
      case 96: // '`'
        flushBad()
        i = lexString(text, i, i, push, diagnostics)
        continue
      case 63: // '?'
        flushBad()
        if (next === 34 || next === 39) i = lexString(text, i, i + 1, push, diagnostics)
        else push('?', start, ++i, '?')
        continue
      case 61: // '='
        flushBad()
        if (next === 61) push('==', start, (i += 2), '==')
        else push('=', start, ++i, '=')
        continue
      case 33: // '!'
        if (next === 61 || next === 91) {
          flushBad()
          const kind = next === 61 ? '!=' : '!['
          push(kind, start, (i += 2), kind)
          continue
        }
        // `!` alone (e.g. the removed `!:`): ANTLR shows the failing pair, then skips the `!`.
        flushBad()
        diagnostics.push(
          makeDiagnostic(SYNTAX_CODES.tokenRecognition, span(i, Math.min(n, i + 2)), {
            text: escapeDisplay(text.slice(i, i + 2)),
          }),
        )
        i++
        continue
      case 60: // '<'
      case 62: // '>'
        flushBad()
        if (next === 61) {
          const kind = c === 60 ? '<=' : '>='
          push(kind, start, (i += 2), kind)
        } else {
          const kind = c === 60 ? '<' : '>'
          push(kind, start, ++i, kind)
        }
        continue
      default:
        break
    }
    const single = singleCharKind(c)
    if (single !== null) {
      flushBad()
      push(single, start, ++i, single)
      continue
    }
    if (badStart < 0) badStart = i
    // keep surrogate pairs together so the message shows the real character
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1
  }
  flushBad()
  push('eof', n, n, '')
  return { tokens, diagnostics, comments }
}

function singleCharKind(c: number): TokenKind | null {
  switch (c) {
    case 58: return ':'
    case 43: return '+'
    case 45: return '-'
    case 42: return '*'
    case 47: return '/'
    case 37: return '%'
    case 46: return '.'
    case 44: return ','
    case 91: return '['
    case 93: return ']'
    case 40: return '('
    case 41: return ')'
    case 124: return '|'
    default: return null
  }
}

function lexNumber(text: string, i: number, push: (k: TokenKind, s: number, e: number, v: string) => void): number {
  const start = i
  let decimal = false
  while (isDigit(text.charCodeAt(i))) i++
  if (text.charCodeAt(i) === 46) {
    // DIGIT+ '.' DIGIT*  or  '.' DIGIT+
    decimal = true
    i++
    while (isDigit(text.charCodeAt(i))) i++
  }
  const e = text.charCodeAt(i)
  if (e === 69 || e === 101) {
    // an exponent only when digits follow; otherwise `1e` is 1 then the identifier e
    let j = i + 1
    const s = text.charCodeAt(j)
    if (s === 43 || s === 45) j++
    if (isDigit(text.charCodeAt(j))) {
      decimal = true
      i = j
      while (isDigit(text.charCodeAt(i))) i++
    }
  }
  const raw = text.slice(start, i)
  push(decimal ? 'decimal' : 'integer', start, i, raw)
  return i
}

function skipBlockComment(text: string, i: number, diagnostics: Diagnostic[]): number {
  const n = text.length
  const start = i
  let depth = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    const d = text.charCodeAt(i + 1)
    if (c === 47 && d === 42) {
      depth++
      i += 2
    } else if (c === 42 && d === 47) {
      depth--
      i += 2
      if (depth === 0) return i
    } else i++
  }
  diagnostics.push(makeDiagnostic(SYNTAX_CODES.unterminatedComment, span(start, start + 2)))
  return n
}
