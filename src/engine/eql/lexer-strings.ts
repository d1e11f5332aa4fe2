/*
 * String-like tokens of the EQL lexer (see lexer.ts for the whole token grammar):
 *
 *   STRING        '"' ( '\' [btnfr"'\] | '\u{' HEX+ '}' | ~[\\"\r\n] )* '"'
 *               | '"""' ~[\r\n]*? '"""' '"'? '"'?          raw: no escapes; up to two extra quotes
 *                                                          before the end belong to the content
 *               | '\'' ( '\' [btnfr"'\] | ~[\\'\r\n] )* '\''   rejected: use double quotes
 *               | '?"' ( '\"' | ~["\r\n] )* '"'               rejected: use """
 *               | '?\'' ( '\\\'' | ~['\r\n] )* '\''           rejected: use """
 *   QUOTED_IDENT  '`' ( ~'`' | '``' )* '`'
 *
 * `\u{...}` takes 2-8 hex digits naming a non-surrogate code point (checked after lexing, with
 * Elasticsearch's messages). A malformed token is reported and still returned as a token, so one
 * bad string does not cascade into errors for the rest of the query.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import { SYNTAX_CODES } from './codes-syntax'
import { escapeDisplay, type TokenKind } from './token'

type Push = (kind: TokenKind, start: number, end: number, value: string) => void

const LF = 10
const CR = 13
const BACKSLASH = 92
const DQ = 34
const SQ = 39
const BQ = 96

function simpleEscape(c: number): string | null {
  switch (c) {
    case 98: return '\b'
    case 116: return '\t'
    case 110: return '\n'
    case 102: return '\f'
    case 114: return '\r'
    case DQ: return '"'
    case SQ: return "'"
    case BACKSLASH: return '\\'
    default: return null
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
}

/**
 * Lexes the string-like token starting at `start` whose opening quote is at `quoteAt` (after a
 * `?` prefix when quoteAt > start). Returns the offset after the token.
 */
export function lexString(text: string, start: number, quoteAt: number, push: Push, diagnostics: Diagnostic[]): number {
  const q = text.charCodeAt(quoteAt)
  if (q === BQ) return lexQuotedIdent(text, start, push, diagnostics)
  if (quoteAt > start) return lexQuestionString(text, start, q, push, diagnostics)
  if (q === DQ && text.charCodeAt(start + 1) === DQ && text.charCodeAt(start + 2) === DQ) {
    const raw = lexRawString(text, start, push)
    if (raw >= 0) return raw
  }
  const end = lexEscapedString(text, start, q, push, diagnostics)
  if (q === SQ) diagnostics.push(makeDiagnostic(SYNTAX_CODES.singleQuotedString, span(start, end)))
  return end
}

/** `"""..."""`; returns -1 when unterminated on its line (then it is lexed as `""` + `"...`). */
function lexRawString(text: string, start: number, push: Push): number {
  const n = text.length
  let i = start + 3
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === LF || c === CR) return -1
    if (c === DQ && text.charCodeAt(i + 1) === DQ && text.charCodeAt(i + 2) === DQ) {
      let end = i + 3
      // `"""a"""""`: the non-greedy body stops at the first `"""`, then up to two more quotes
      // are swallowed by the rule; they belong to the content.
      if (text.charCodeAt(end) === DQ) end++
      if (text.charCodeAt(end) === DQ) end++
      push('string', start, end, text.slice(start + 3, end - 3))
      return end
    }
    i++
  }
  return -1
}

function lexEscapedString(text: string, start: number, q: number, push: Push, diagnostics: Diagnostic[]): number {
  const n = text.length
  let i = start + 1
  // fast path: no escapes, the value is one slice of the text
  for (;;) {
    const c = text.charCodeAt(i)
    if (c === q) {
      push('string', start, i + 1, text.slice(start + 1, i))
      return i + 1
    }
    if (c === BACKSLASH || c === LF || c === CR || i >= n) break
    i++
  }
  let chunkStart = start + 1
  let value = ''
  let reported = false
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === q) {
      value += text.slice(chunkStart, i)
      push('string', start, i + 1, value)
      return i + 1
    }
    if (c === LF || c === CR) break
    if (c !== BACKSLASH) {
      i++
      continue
    }
    value += text.slice(chunkStart, i)
    const e = text.charCodeAt(i + 1)
    const simple = simpleEscape(e)
    if (simple !== null) {
      value += simple
      i += 2
    } else if (e === 117 && q === DQ && text.charCodeAt(i + 2) === 123) {
      const u = unicodeEscape(text, i, diagnostics)
      if (u.value === null && !reported) reported = recognitionError(text, start, u.end + 1, diagnostics)
      value += u.value ?? text.slice(i, u.end)
      i = u.end
    } else {
      // `\d` and friends are not a valid STRING token in Elasticsearch's lexer
      if (!reported) reported = recognitionError(text, start, i + 2, diagnostics)
      value += text.slice(i, Math.min(n, i + 2))
      i = Math.min(n, i + 2)
    }
    chunkStart = i
  }
  // unterminated: ANTLR's error text runs to the character that failed (the line break, if any)
  value += text.slice(chunkStart, i)
  if (!reported) recognitionError(text, start, i < n ? i + 1 : n, diagnostics)
  push('string', start, i, value)
  return i
}

function recognitionError(text: string, start: number, upTo: number, diagnostics: Diagnostic[]): true {
  const end = Math.min(text.length, upTo)
  const t = escapeDisplay(text.slice(start, end))
  diagnostics.push(makeDiagnostic(SYNTAX_CODES.tokenRecognition, span(start, end), { text: t }))
  return true
}

/**
 * `\u{HEX+}` at `i`. `value` is the character (or '' after a reported value error), null when the
 * escape is malformed (no digits or no `}`: a token recognition error); `end` is the offset after it.
 */
function unicodeEscape(text: string, i: number, diagnostics: Diagnostic[]): { value: string | null; end: number } {
  let j = i + 3
  while (isHex(text.charCodeAt(j))) j++
  const digits = text.slice(i + 3, j)
  if (digits.length === 0 || text.charCodeAt(j) !== 125) return { value: null, end: j }
  const end = j + 1
  const where = span(i, end)
  if (digits.length < 2 || digits.length > 8) {
    const params = { text: text.slice(i, end), count: digits.length }
    diagnostics.push(makeDiagnostic(SYNTAX_CODES.unicodeDigits, where, params))
    return { value: '', end }
  }
  const code = parseInt(digits, 16)
  if (code > 0x10ffff) {
    diagnostics.push(makeDiagnostic(SYNTAX_CODES.unicodeInvalid, where, { code: digits }))
    return { value: '', end }
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    diagnostics.push(makeDiagnostic(SYNTAX_CODES.unicodeSurrogate, where, { code: digits }))
    return { value: '', end }
  }
  return { value: String.fromCodePoint(code), end }
}

/** `?"..."` / `?'...'`: lexed so the rejection names the construct. Only `\<quote>` is special. */
function lexQuestionString(text: string, start: number, q: number, push: Push, diagnostics: Diagnostic[]): number {
  const n = text.length
  let i = start + 2
  let value = ''
  let chunkStart = i
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === BACKSLASH && text.charCodeAt(i + 1) === q) {
      value += text.slice(chunkStart, i) + String.fromCharCode(q)
      i += 2
      chunkStart = i
      continue
    }
    if (c === q || c === LF || c === CR) break
    i++
  }
  value += text.slice(chunkStart, i)
  const closed = text.charCodeAt(i) === q
  const end = closed ? i + 1 : i
  if (!closed) {
    const upTo = i < n ? i + 1 : n
    const t = escapeDisplay(text.slice(start, upTo))
    diagnostics.push(makeDiagnostic(SYNTAX_CODES.tokenRecognition, span(start, upTo), { text: t }))
  } else {
    const prefix = q === DQ ? '?"' : "?'"
    diagnostics.push(makeDiagnostic(SYNTAX_CODES.questionQuotedString, span(start, end), { prefix }))
  }
  push('string', start, end, value)
  return end
}

/** `` `name` `` with ``` `` ``` standing for one back-quote; may span lines. */
function lexQuotedIdent(text: string, start: number, push: Push, diagnostics: Diagnostic[]): number {
  const n = text.length
  let i = start + 1
  let value = ''
  let chunkStart = i
  while (i < n) {
    if (text.charCodeAt(i) === BQ) {
      if (text.charCodeAt(i + 1) === BQ) {
        value += text.slice(chunkStart, i + 1)
        i += 2
        chunkStart = i
        continue
      }
      value += text.slice(chunkStart, i)
      push('quotedIdent', start, i + 1, value)
      return i + 1
    }
    i++
  }
  value += text.slice(chunkStart, n)
  diagnostics.push(
    makeDiagnostic(SYNTAX_CODES.tokenRecognition, span(start, n), { text: escapeDisplay(text.slice(start, n)) }),
  )
  push('quotedIdent', start, n, value)
  return n
}
