/**
 * Where the cursor is in an EQL query, from the lexer's tokens up to the cursor. Works on
 * half-typed text: it only needs the tokens before the cursor, never a successful parse.
 */
import { lexEql } from '../eql/lexer'
import { isKeyword, type Token, type TokenKind } from '../eql/token'
import { span, type Span } from '../source/span'

/** The grammatical slot the cursor is in. */
export type EqlSlot =
  | { readonly kind: 'start' }
  | { readonly kind: 'category' }
  | { readonly kind: 'afterCategory' }
  /** an operand of a condition: fields, functions, `not`, `?`; `field` set after `?` (fields only) */
  | { readonly kind: 'operand'; readonly fieldsOnly: boolean }
  /**
   * after a complete operand; `field` is the operand when it is a bare field on the left,
   * `compare` is true when operators may follow (a field or a function call)
   */
  | { readonly kind: 'afterOperand'; readonly field: string | null; readonly compare: boolean; readonly topLevel: boolean; readonly inList: boolean }
  /** the right side of `field op` or an item of `field in (...)` */
  | { readonly kind: 'value'; readonly field: string | null; readonly op: string }
  /** `field in` / `field not in`: a list must follow */
  | { readonly kind: 'listOpen' }
  /** `field not`: `in` / `in~` follow */
  | { readonly kind: 'afterNot' }
  | { readonly kind: 'sequenceHead'; readonly query: 'sequence' | 'sample'; readonly hasBy: boolean }
  | { readonly kind: 'byField' }
  | { readonly kind: 'afterBy'; readonly query: 'sequence' | 'sample' | 'event'; readonly stages: number; readonly hasWith: boolean }
  | { readonly kind: 'with'; readonly stages: number }
  | { readonly kind: 'afterStage'; readonly query: 'sequence' | 'sample' }
  | { readonly kind: 'pipe' }
  | { readonly kind: 'afterPipe' }
  /** after `until`: a stage follows */
  | { readonly kind: 'stageOpen' }
  | { readonly kind: 'none' }

/** The slot, the partly typed word under the cursor and the span it occupies. */
export interface EqlCursor {
  readonly slot: EqlSlot
  /** the text already typed of the word being completed (may be a dotted path) */
  readonly typed: string
  readonly replace: Span
  /** the string token the cursor is inside, if any */
  readonly inString: boolean
  /** inside a comment: nothing to complete */
  readonly inComment: boolean
}

const COMPARE_OPS: ReadonlySet<TokenKind> = new Set(['==', '!=', '<', '<=', '>', '>='])
const MATCH_OPS: ReadonlySet<TokenKind> = new Set([':', 'like', 'like~', 'regex', 'regex~'])
const LIST_OPS: ReadonlySet<TokenKind> = new Set([':', 'like', 'like~', 'regex', 'regex~', 'in', 'in~'])
const OPERAND_START: ReadonlySet<TokenKind> = new Set(['where', 'and', 'or', 'not', '(', ',', '+', '-', '*', '/', '%'])

/** A token that can be part of a (dotted) name being typed: identifiers and word keywords. */
export function isWordToken(t: Token): boolean {
  return t.kind === 'ident' || t.kind === 'quotedIdent' || t.kind === 'tildeIdent' || isKeyword(t.kind)
}

function terminated(text: string, t: Token): boolean {
  const raw = text.slice(t.start, t.end)
  const q = raw.startsWith('?') ? raw.slice(1) : raw
  return q.length >= 2 && q[q.length - 1] === q[0]
}

/** The dotted path ending with tokens[end] (inclusive), as [startIndex, name]. */
export function pathBefore(tokens: readonly Token[], end: number): [number, string] | null {
  let i = end
  const t = tokens[i]
  if (t === undefined || !isWordToken(t)) return null
  while (i >= 2) {
    const dot = tokens[i - 1] as Token
    const word = tokens[i - 2] as Token
    if (dot.kind !== '.' || dot.start !== word.end || dot.end !== (tokens[i] as Token).start || !isWordToken(word)) break
    i -= 2
  }
  const name = tokens
    .slice(i, end + 1)
    .filter((x) => x.kind !== '.')
    .map((x) => x.value)
    .join('.')
  return [i, name]
}

/** Analyses the text up to the cursor. Never throws. */
export function eqlCursor(text: string, offset: number): EqlCursor {
  const lexed = lexEql(text)
  const all = lexed.tokens.filter((t) => t.kind !== 'eof')
  // a line comment runs to the line end, so a cursor at its end is still inside it
  const inComment = lexed.comments.some((c) => c.start < offset && (offset < c.end || (offset === c.end && text.startsWith('//', c.start))))
  const upto = all.filter((t) => t.start < offset)
  let cut = upto.length
  let replace = span(offset, offset)
  let inString = false
  const last = upto[upto.length - 1]
  if (last !== undefined && last.kind === 'string' && (offset < last.end || (offset === last.end && !terminated(text, last)))) {
    inString = true
    cut = upto.length - 1
    replace = span(last.start, last.end)
  } else if (last !== undefined && last.end >= offset && (isWordToken(last) || last.kind === '.')) {
    // the partly typed word, with the dotted path it continues (`process.pa`, `process.`)
    const dotted = last.kind === '.'
    const lastWord = dotted ? upto.length - 2 : upto.length - 1
    const before = upto[lastWord]
    // `process.` continues a path only when the dot touches the word before it
    const p = before !== undefined && (!dotted || before.end === last.start) ? pathBefore(upto, lastWord) : null
    const start = p === null ? upto.length - 1 : p[0]
    cut = start
    replace = span((upto[start] as Token).start, Math.max(offset, last.end))
  }
  const typed = text.slice(replace.start, Math.min(offset, replace.end))
  return { slot: slotAfter(upto.slice(0, cut)), typed, replace, inString, inComment }
}

interface Paren {
  readonly kind: 'call' | 'list' | 'group'
  /** for lists: the operator and the field before it */
  readonly op?: string
  readonly field?: string | null
}

function fieldBeforeOp(tokens: readonly Token[], opIndex: number): string | null {
  let end = opIndex - 1
  // `field not in (...)`
  if (tokens[end]?.kind === 'not') end--
  const p = pathBefore(tokens, end)
  if (p === null) return null
  const first = tokens[p[0]] as Token
  const next = tokens[end + 1]
  // a function call's name is not a field
  return first.kind === 'tildeIdent' || next?.kind === '(' ? null : p[1]
}

/** The slot after the given tokens (everything before the word being typed). */
export function slotAfter(tokens: readonly Token[]): EqlSlot {
  const first = tokens[0]
  if (first === undefined) return { kind: 'start' }
  const query: 'sequence' | 'sample' | 'event' = first.kind === 'sequence' ? 'sequence' : first.kind === 'sample' ? 'sample' : 'event'
  let section: 'head' | 'category' | 'afterCategory' | 'condition' | 'by' | 'with' | 'afterStage' | 'pipes' =
    query === 'event' ? 'category' : 'head'
  let stages = 0
  let hasBy = false
  let hasWith = false
  let closedCall = false
  let parens: Paren[] = []
  for (let i = query === 'event' ? 0 : 1; i < tokens.length; i++) {
    const t = tokens[i] as Token
    const prev = tokens[i - 1]
    switch (t.kind) {
      case '[':
        if (section !== 'condition' || parens.length === 0) {
          section = 'category'
          parens = []
        }
        continue
      case ']':
        stages++
        section = 'afterStage'
        parens = []
        continue
      case 'where':
        section = 'condition'
        parens = []
        continue
      case 'by':
        if (parens.length === 0) {
          section = 'by'
          hasBy = true
        }
        continue
      case 'with':
        section = 'with'
        hasWith = true
        continue
      case 'until':
        section = 'head'
        continue
      case '|':
        if (parens.length === 0 && (section === 'condition' || section === 'afterStage' || section === 'pipes' || section === 'by')) section = 'pipes'
        continue
      case '(': {
        if (prev !== undefined && (prev.kind === 'ident' || prev.kind === 'tildeIdent') && prev.end === t.start) parens.push({ kind: 'call' })
        else if (prev !== undefined && LIST_OPS.has(prev.kind)) parens.push({ kind: 'list', op: prev.kind, field: fieldBeforeOp(tokens, i - 1) })
        else parens.push({ kind: 'group' })
        continue
      }
      case ')':
        closedCall = parens.pop()?.kind === 'call'
        continue
      default:
        if (section === 'category' && (isWordToken(t) || t.kind === 'string')) section = 'afterCategory'
    }
  }
  const last = tokens[tokens.length - 1] as Token
  const inner = parens[parens.length - 1]
  switch (section) {
    case 'head':
      if (last.kind === 'until') return { kind: 'stageOpen' }
      return { kind: 'sequenceHead', query: query === 'sample' ? 'sample' : 'sequence', hasBy }
    case 'category':
      return last.kind === '[' || tokens.length === 0 ? { kind: 'category' } : { kind: 'none' }
    case 'afterCategory':
      return { kind: 'afterCategory' }
    case 'by':
      return last.kind === 'by' || last.kind === ',' ? { kind: 'byField' } : { kind: 'afterBy', query, stages, hasWith }
    case 'with':
      return last.kind === 'with' ? { kind: 'with', stages } : last.kind === '=' ? { kind: 'none' } : { kind: 'afterBy', query, stages, hasWith }
    case 'afterStage':
      return { kind: 'afterStage', query: query === 'sample' ? 'sample' : 'sequence' }
    case 'pipes':
      return last.kind === '|' ? { kind: 'pipe' } : last.kind === 'integer' ? { kind: 'afterPipe' } : { kind: 'none' }
    case 'condition':
      return conditionSlot(tokens, last, inner, query === 'event' && stages === 0, last.kind === ')' && closedCall)
  }
}

function conditionSlot(tokens: readonly Token[], last: Token, inner: Paren | undefined, topLevel: boolean, afterCall: boolean): EqlSlot {
  const n = tokens.length
  if (inner?.kind === 'list' && (last.kind === '(' || last.kind === ',')) {
    return { kind: 'value', field: inner.field ?? null, op: inner.op ?? 'in' }
  }
  if (COMPARE_OPS.has(last.kind) || MATCH_OPS.has(last.kind)) {
    return { kind: 'value', field: fieldBeforeOp(tokens, n - 1), op: last.kind }
  }
  if (last.kind === 'in' || last.kind === 'in~') return { kind: 'listOpen' }
  if (last.kind === '?') return { kind: 'operand', fieldsOnly: true }
  if (last.kind === 'not') {
    const before = tokens[n - 2]
    const afterValue = before !== undefined && (isWordToken(before) || before.kind === ')' || before.kind === 'string') && !OPERAND_START.has(before.kind)
    return afterValue ? { kind: 'afterNot' } : { kind: 'operand', fieldsOnly: false }
  }
  if (OPERAND_START.has(last.kind) || last.kind === '(') return { kind: 'operand', fieldsOnly: false }
  // after a complete operand: a bare field on the left of a comparison gets operators
  const p = isWordToken(last) ? pathBefore(tokens, n - 1) : null
  let field: string | null = null
  if (p !== null) {
    let startIndex = p[0]
    if (tokens[startIndex - 1]?.kind === '?') startIndex--
    const before = tokens[startIndex - 1]
    const isRight = before !== undefined && (COMPARE_OPS.has(before.kind) || MATCH_OPS.has(before.kind))
    if (!isRight && !['true', 'false', 'null'].includes(last.kind)) field = p[1]
  }
  return { kind: 'afterOperand', field, compare: field !== null || afterCall, topLevel, inList: inner?.kind === 'list' }
}
