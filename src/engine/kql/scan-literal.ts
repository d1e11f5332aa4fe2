/*
 * KQL literals: the characters of one quoted string or one unquoted literal (used for values and
 * for field names alike). Grammar, in our notation:
 *
 *   literal   := quoted | unquoted
 *   quoted    := '"' qchar* '"'
 *   qchar     := '\t' | '\r' | '\n' | '\u' HEX{4} | '\\' | '\"' | any char but '"'
 *                (so any other backslash is kept as written, and raw newlines are allowed)
 *   unquoted  := uchar+                                   (then trimmed, see below)
 *   uchar     := '\t' | '\r' | '\n' | '\' SPECIAL | '\u' HEX{4}
 *              | '\' ('or' | 'and' | 'not')               (any case: the keyword as text)
 *              | '*'                                      (a wildcard star)
 *              | any char that is not SPECIAL and does not start a KEYWORD
 *   SPECIAL   := '\' | '(' | ')' | ':' | '<' | '>' | '"' | '*' | '{' | '}'
 *   KEYWORD   := WS+ 'or' WS+ | WS+ 'and' WS+ | 'not' WS+ (case-insensitive; `not` even mid-word)
 *   WS        := ' ' | TAB | CR | LF | NBSP
 *
 * Alternatives are tried in that order, so `\n` is read as a line feed before `\not` could be read
 * as an escaped keyword. An invalid escape (`\q`) simply ends the literal before the backslash; the
 * parser then fails there. Unquoted text is trimmed with JavaScript's trim (as Kibana does, which
 * also removes escaped edge whitespace); exactly `null`/`true`/`false` become keywords, and any
 * unescaped star makes a wildcard.
 */
import { span } from '../source/span'
import type { KqlValue } from './ast'

/** The grammar's whitespace: space, TAB, CR, LF and NBSP. */
export function isKqlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10 || code === 0xa0
}

const SPECIAL = '\\():<>"*{}'

/** True for the characters that end an unquoted literal unless escaped. */
export function isSpecial(ch: string): boolean {
  return ch.length === 1 && SPECIAL.includes(ch)
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102)
}

/** `\uXXXX` at `i` (the backslash): the decoded unit, or null. */
function unicodeEscape(text: string, i: number): string | null {
  if (text.charCodeAt(i + 1) !== 117) return null
  for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return null
  return String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16))
}

/** Length of `word` (lowercase) at `i`, case-insensitively, or 0. */
function wordAt(text: string, i: number, word: string): number {
  return text.slice(i, i + word.length).toLowerCase() === word ? word.length : 0
}

/** `not` + WS at `i`: the NOT keyword (it needs no whitespace before it). */
export function notKeywordAt(text: string, i: number): boolean {
  return wordAt(text, i, 'not') === 3 && isKqlSpace(text.charCodeAt(i + 3))
}

/** End of `WS+ word WS+` at `i` (whitespace consumed greedily on both sides), or -1. */
export function spacedKeywordEnd(text: string, i: number, word: 'or' | 'and'): number {
  let j = i
  while (isKqlSpace(text.charCodeAt(j))) j++
  if (j === i || wordAt(text, j, word) === 0) return -1
  let k = j + word.length
  const afterWord = k
  while (isKqlSpace(text.charCodeAt(k))) k++
  return k === afterWord ? -1 : k
}

/** A scanned literal: its value (span trimmed like the text) and where the raw characters end. */
export interface ScannedLiteral {
  readonly value: KqlValue
  readonly end: number
}

/** The literal at `start` (quoted first, as the grammar orders them), or null when none. */
export function scanLiteral(text: string, start: number): ScannedLiteral | null {
  return text.charCodeAt(start) === 34 ? scanQuoted(text, start) : scanUnquoted(text, start)
}

/** `"..."`, or null when unterminated. */
export function scanQuoted(text: string, start: number): ScannedLiteral | null {
  let out = ''
  let i = start + 1
  while (i < text.length) {
    const ch = text[i] as string
    if (ch === '"') return { value: { type: 'literal', text: out, quoted: true, span: span(start, i + 1) }, end: i + 1 }
    if (ch === '\\') {
      const esc = quotedEscape(text, i)
      out += esc[0]
      i += esc[1]
      continue
    }
    out += ch
    i++
  }
  return null
}

/** One backslash sequence at `i` inside quotes: [decoded, raw length] (a lone `\\` is kept). */
function quotedEscape(text: string, i: number): [string, number] {
  const next = text[i + 1]
  if (next === 't') return ['\t', 2]
  if (next === 'r') return ['\r', 2]
  if (next === 'n') return ['\n', 2]
  if (next === '\\' || next === '"') return [next, 2]
  const uni = unicodeEscape(text, i)
  return uni === null ? ['\\', 1] : [uni, 6]
}

/** True when an unquoted literal cannot continue at `i` because a keyword starts there. */
function keywordStarts(text: string, i: number, code: number): boolean {
  if (isKqlSpace(code)) return spacedKeywordEnd(text, i, 'or') >= 0 || spacedKeywordEnd(text, i, 'and') >= 0
  return (code === 110 || code === 78) && notKeywordAt(text, i)
}

/** One escape at `i` (a backslash) in an unquoted literal: [decoded, raw length], or null. */
function unquotedEscape(text: string, i: number): [string, number] | null {
  const next = text[i + 1]
  if (next === undefined) return null
  if (next === 't') return ['\t', 2]
  if (next === 'r') return ['\r', 2]
  if (next === 'n') return ['\n', 2]
  if (isSpecial(next)) return [next, 2]
  const uni = unicodeEscape(text, i)
  if (uni !== null) return [uni, 6]
  for (const word of ['or', 'and', 'not']) {
    if (wordAt(text, i + 1, word) > 0) return [text.slice(i + 1, i + 1 + word.length), 1 + word.length]
  }
  return null
}

/** An unquoted literal at `start`, or null when not even one character can be read. */
export function scanUnquoted(text: string, start: number): ScannedLiteral | null {
  // `parts` are the pieces between unescaped stars; the current piece is built in `cur`.
  const parts: string[] = []
  let cur = ''
  let i = start
  // A run of whitespace is tested for a keyword once, not once per character of the run.
  let runEnd = -1
  let runIsKeyword = false
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === 92) {
      const esc = unquotedEscape(text, i)
      if (esc === null) break
      cur += esc[0]
      i += esc[1]
      continue
    }
    if (code === 42) {
      parts.push(cur)
      cur = ''
      i++
      continue
    }
    if (isSpecial(text[i] as string)) break
    if (isKqlSpace(code)) {
      if (i >= runEnd) {
        runIsKeyword = keywordStarts(text, i, code)
        runEnd = i
        while (isKqlSpace(text.charCodeAt(runEnd))) runEnd++
      }
      if (runIsKeyword) break
    } else if (keywordStarts(text, i, code)) break
    cur += text[i]
    i++
  }
  if (i === start) return null
  parts.push(cur)
  return { value: buildUnquoted(text, start, i, parts), end: i }
}

function buildUnquoted(text: string, start: number, end: number, parts: string[]): KqlValue {
  // Trim the whole sequence: only the first piece's start and the last piece's end are edges.
  const last = parts.length - 1
  parts[0] = (parts[0] as string).trimStart()
  parts[last] = (parts[last] as string).trimEnd()
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s] as string)) s++
  while (e > s && /\s/.test(text[e - 1] as string)) e--
  const where = span(s, e)
  if (last > 0) return { type: 'wildcard', parts, span: where }
  const t = parts[0] as string
  if (t === 'null') return { type: 'keyword', value: null, span: where }
  if (t === 'true' || t === 'false') return { type: 'keyword', value: t === 'true', span: where }
  return { type: 'literal', text: t, quoted: false, span: where }
}
