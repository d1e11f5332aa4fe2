/*
 * Turns the parser's furthest failure into one diagnostic. Grammar: none (reads the text around
 * the failure position).
 *
 * The message is Kibana's KQLSyntaxError sentence: the expectations translated to display names,
 * de-duplicated, sorted (JavaScript's default order, as Kibana sorts them), joined with ", ", and
 * the one character found there (as is, like Kibana), or "end of input". The code then says what
 * kind of mistake it most likely is, from the text just before and at the failure; KQL1001 when
 * nothing fits.
 */
import { makeDiagnostic, type CodeDef, type Diagnostic, type Params } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import { KQL_SYNTAX_CODES as C } from './codes-syntax'
import { isKqlSpace, notKeywordAt, scanQuoted } from './scan-literal'

/** The syntax error for a failure at `pos` where `expected` (raw descriptions) were tried. */
export function syntaxErrorAt(text: string, pos: number, expected: readonly string[]): Diagnostic {
  const list = [...new Set(expected)].sort().join(', ')
  const cp = text.codePointAt(pos)
  const ch = cp === undefined ? '' : String.fromCodePoint(cp)
  const found = ch === '' ? 'end of input' : `"${ch}"`
  const [def, extra] = classify(text, pos, ch)
  const params: Params = { expected: list, found, ...extra }
  return makeDiagnostic(def, span(pos, extentEnd(def, text, pos, ch)), params)
}

/**
 * The span starts where Kibana reports the error; it reaches over what the code is about (the
 * whole unclosed string, the escape, the keyword) so an editor can underline it.
 */
function extentEnd(def: CodeDef, text: string, pos: number, ch: string): number {
  if (def === C.unterminatedString) return text.length
  if (def === C.invalidEscape) {
    const next = text.codePointAt(pos + 1)
    return pos + 1 + (next === undefined ? 0 : String.fromCodePoint(next).length)
  }
  if (notKeywordAt(text, pos)) return pos + 3
  if (def === C.keywordNeedsSpace) {
    const word = /^(and|or)/i.exec(text.slice(pos, pos + 3))
    if (word !== null) return pos + word[0].length
  }
  return pos + ch.length
}

/** Index of the last non-whitespace character before `pos`, or -1. */
function prevNonSpace(text: string, pos: number): number {
  let i = pos - 1
  while (i >= 0 && isKqlSpace(text.charCodeAt(i))) i--
  return i
}

/** The keyword (lowercase) that ends exactly at `end`, preceded by start/space/paren; or null. */
function keywordEndingAt(text: string, end: number): 'and' | 'or' | 'not' | null {
  for (const word of ['and', 'or', 'not'] as const) {
    const start = end - word.length
    if (start < 0 || text.slice(start, end).toLowerCase() !== word) continue
    const before = text.charCodeAt(start - 1)
    if (start === 0 || isKqlSpace(before) || before === 40 || before === 41) return word
  }
  return null
}

type Classified = readonly [CodeDef, Params]

function classify(text: string, pos: number, ch: string): Classified {
  const prev = prevNonSpace(text, pos)
  const prevCh = prev >= 0 ? (text[prev] as string) : ''
  const spaced = prev < pos - 1
  const kwBefore = prev >= 0 ? keywordEndingAt(text, prev + 1) : null
  if (ch === '"' && scanQuoted(text, pos) === null) return [C.unterminatedString, {}]
  if (ch === '\\') return [C.invalidEscape, {}]
  if (notKeywordAt(text, pos)) return classifyNot(text, pos, prevCh, spaced, kwBefore)
  if (ch === '') {
    if (kwBefore !== null && spaced) return [C.danglingKeyword, { keyword: kwBefore }]
    if (prevCh === ':' || prevCh === '<' || prevCh === '>' || prevCh === '=') return [C.missingValue, {}]
    return openCount(text) > 0 ? [C.unbalanced, {}] : [C.syntax, {}]
  }
  if (ch === '(' && kwBefore !== null && !spaced) return [C.keywordNeedsSpace, {}]
  if (/^(and|or)\b/i.test(text.slice(pos, pos + 4)) && !spaced && (prevCh === ')' || prevCh === '"' || prevCh === '}')) {
    return [C.keywordNeedsSpace, {}]
  }
  if (ch === ')' || ch === '}') {
    if (prevCh === '(' || prevCh === '{') return [C.emptyGroup, {}]
    if (kwBefore !== null && spaced) return [C.danglingKeyword, { keyword: kwBefore }]
    return [C.unbalanced, {}]
  }
  if (ch === '<' || ch === '>') {
    if (prevCh === ':') return [C.colonBeforeRange, {}]
    if (prev < 0 || prevCh === '(' || prevCh === '{' || (kwBefore !== null && spaced)) return [C.rangeWithoutField, {}]
    return [C.unescapedSpecial, { char: ch }]
  }
  if (ch === '(' || ch === '"' || ch === '{') {
    const afterOperator = prevCh === ':' || prevCh === '(' || prevCh === '<' || prevCh === '>' || prevCh === '='
    if (prev >= 0 && !afterOperator && kwBefore === null) return [C.missingOperator, {}]
    return [C.syntax, {}]
  }
  if (ch === ':' || ch === '*') return [C.unescapedSpecial, { char: ch }]
  return [C.syntax, {}]
}

/** The failure is at a NOT keyword that could not be used there. */
function classifyNot(text: string, pos: number, prevCh: string, spaced: boolean, kwBefore: string | null): Classified {
  if (kwBefore === 'not' && spaced) return [C.doubleNot, {}]
  if (prevCh === ':') return [C.notAfterColon, {}]
  if (!spaced && prevCh !== '' && prevCh !== '(' && prevCh !== '{') return [C.notInsideValue, {}]
  if (pos + 3 >= text.length || text.slice(pos + 3).trim() === '') return [C.danglingKeyword, { keyword: 'not' }]
  return [C.syntax, {}]
}

/** Unclosed '(' and '{' outside quoted strings (a rough count, for the message only). */
function openCount(text: string): number {
  let open = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '"') {
      const q = scanQuoted(text, i)
      if (q === null) return open
      i = q.end - 1
    } else if (c === '(' || c === '{') open++
    else if ((c === ')' || c === '}') && open > 0) open--
  }
  return open
}
