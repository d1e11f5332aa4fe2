/*
 * EQL expressions: a Pratt parser with Elasticsearch's precedence (EqlBase `booleanExpression`,
 * `valueExpression`, `operatorExpression`, `predicate`), loosest first:
 *
 *   expression  := boolean
 *   boolean     := boolean 'or' boolean | boolean 'and' boolean          (left-associative)
 *                | 'not' boolean                                          (binds tighter than and/or)
 *                | IDENTIFIER 'of' '[' ... ']'                            (parsed, then rejected)
 *                | value
 *   value       := arith (('==' | '!=' | '<' | '<=' | '>' | '>=') arith)?  (comparisons never chain)
 *   arith       := arith ('+' | '-') arith | arith ('*' | '/' | '%') arith
 *                | ('-' | '+') arith                                      (tighter than * / %)
 *                | primary predicate?                                     (see parse-primary.ts)
 *   predicate   := 'not'? ('in' | 'in~') '(' expression (',' expression)* ')'
 *                | (':' | 'like' | 'like~' | 'regex' | 'regex~') (constant | '(' constant (',' constant)* ')')
 *
 * The predicate attaches to the nearest primary: `a + b in (1, 2)` is `a + (b in (1, 2))`.
 */
import { span } from '../source/span'
import type { ArithOp, CompareOp, Expr, Literal, MatchOp } from './ast'
import { SYNTAX_CODES } from './codes-syntax'
import type { ParseCursor } from './parse-cursor'
import { acceptConstant, closeWith, parsePrimary } from './parse-primary'
import type { Token, TokenKind } from './token'

const AND_OR = ['and', 'or'] as const
const COMPARE = ['==', '!=', '<', '<=', '>', '>='] as const
const ARITH = ['+', '-', '*', '/', '%'] as const
const SIGNS = ['-', '+'] as const
const IN_OPS = ['in', 'in~'] as const
const MATCH_OPS = [':', 'like', 'like~', 'regex', 'regex~'] as const
/** Tokens that start an operand; a misplaced operand after `:` is read and dropped past them. */
const OPERAND_START: ReadonlySet<TokenKind> = new Set(['ident', 'quotedIdent', 'tildeIdent', '?', '-', '+', '('])

/** Parses one expression (`booleanExpression`). Never throws on bad input (TooDeep aside). */
export function parseExpression(c: ParseCursor): Expr {
  return parseBoolean(c, 0)
}

function parseBoolean(c: ParseCursor, minBp: number): Expr {
  let left = parseNot(c)
  for (;;) {
    const t = c.tok
    let op: 'and' | 'or' | null = c.atAny(AND_OR)
    if (op === null && t.kind === 'ident') {
      // `AND` / `Or`: keywords are lowercase-only; report, then read it as meant
      const low = t.value.toLowerCase()
      if (low === 'and' || low === 'or') {
        c.syntaxError(SYNTAX_CODES.miscasedKeyword)
        op = low
      }
    }
    if (op === null) return left
    const bp = op === 'or' ? 1 : 2
    if (bp < minBp) return left
    const opTok = c.advance()
    const right = parseBoolean(c, bp + 1)
    const node: Expr = {
      type: 'Logical',
      op,
      left,
      right,
      opSpan: span(opTok.start, opTok.end),
      span: span(left.span.start, right.span.end),
    }
    c.noteDepth(node, left, right)
    left = node
  }
}

function parseNot(c: ParseCursor): Expr {
  const t = c.tok
  const next = c.peek().kind
  const miscasedNot = t.kind === 'ident' && t.value.toLowerCase() === 'not' && OPERAND_START.has(next) && next !== '('
  if (c.at('not') || miscasedNot) {
    if (miscasedNot) c.syntaxError(SYNTAX_CODES.miscasedKeyword)
    c.enter()
    c.advance()
    const operand = parseNot(c)
    c.leave()
    const node: Expr = { type: 'Not', operand, span: span(t.start, operand.span.end) }
    c.noteDepth(node, operand)
    return node
  }
  if (t.kind === 'ident' && next === 'of') return parseRelationship(c)
  return parseValue(c)
}

/** `child of [...]`, `descendant of [...]`, `event of [...]`: read past, then rejected. */
function parseRelationship(c: ParseCursor): Expr {
  const t = c.advance()
  const of = c.advance()
  c.report(SYNTAX_CODES.processRelationship, span(t.start, of.end))
  if (c.expect('[')) {
    c.syncTo([']'])
    c.accept(']')
  }
  return { type: 'ErrorExpr', span: c.spanFrom(t.start) }
}

function parseValue(c: ParseCursor): Expr {
  const left = parseArith(c, 0)
  let op: CompareOp | null = c.atAny(COMPARE)
  if (op === null && c.tok.kind === '=') {
    // `=` is not equality in Elasticsearch EQL; report it, then read it as `==`
    c.syntaxError(SYNTAX_CODES.equalsAsEquality)
    op = '=='
  }
  if (op === null) return left
  const opTok = c.advance()
  const right = parseArith(c, 0)
  const node: Expr = {
    type: 'Compare',
    op,
    left,
    right,
    opSpan: span(opTok.start, opTok.end),
    span: span(left.span.start, right.span.end),
  }
  c.noteDepth(node, left, right)
  return node
}

function parseArith(c: ParseCursor, minBp: number): Expr {
  let left = parseUnary(c)
  for (;;) {
    const op: ArithOp | null = c.atAny(ARITH)
    if (op === null) return left
    const bp = op === '+' || op === '-' ? 1 : 2
    if (bp < minBp) return left
    const opTok = c.advance()
    const right = parseArith(c, bp + 1)
    const node: Expr = {
      type: 'Arith',
      op,
      left,
      right,
      opSpan: span(opTok.start, opTok.end),
      span: span(left.span.start, right.span.end),
    }
    c.noteDepth(node, left, right)
    left = node
  }
}

function parseUnary(c: ParseCursor): Expr {
  const t = c.tok
  const op = c.atAny(SIGNS)
  if (op === null) return parsePostfix(c)
  c.enter()
  c.advance()
  const operand = parseUnary(c)
  c.leave()
  const node: Expr = { type: 'Negate', op, operand, span: span(t.start, operand.span.end) }
  c.noteDepth(node, operand)
  return node
}

function parsePostfix(c: ParseCursor): Expr {
  const subject = parsePrimary(c)
  if (subject.type === 'ErrorExpr') return subject
  const t = c.tok
  c.expectAlso(IN_OPS)
  c.expectAlso(MATCH_OPS)
  if (c.at('not')) {
    const n = c.peek().kind
    if (n !== 'in' && n !== 'in~') return subject
    c.advance()
    return parseIn(c, subject, t, true)
  }
  if (c.atAny(IN_OPS) !== null) return parseIn(c, subject, t, false)
  const m: MatchOp | null = c.atAny(MATCH_OPS)
  if (m !== null) return parseMatch(c, subject, m)
  return subject
}

function parseIn(c: ParseCursor, subject: Expr, first: Token, negated: boolean): Expr {
  const opTok = c.advance()
  const opSpan = span(first.start, opTok.end)
  const items: Expr[] = []
  if (c.expect('(')) {
    if (c.tok.kind === ')') {
      // `x in ()`: an empty list is a syntax error
      c.expectAlso(['not', '-', '+', 'false', 'null', 'true', '(', '?', 'string', 'integer', 'decimal'])
      c.expectAlso(['ident', 'quotedIdent', 'tildeIdent'])
      c.syntaxError()
      c.advance()
    } else {
      c.enter()
      parseListItems(c, () => parseExpression(c), items)
      c.leave()
      closeWith(c, ')')
    }
  }
  const node: Expr = {
    type: 'In',
    negated,
    caseInsensitive: opTok.kind === 'in~',
    subject,
    items,
    opSpan,
    span: c.spanFrom(subject.span.start),
  }
  c.noteDepth(node, subject, ...items)
  return node
}

function parseMatch(c: ParseCursor, subject: Expr, op: MatchOp): Expr {
  const opTok = c.advance()
  const patterns: Literal[] = []
  const list = c.at('(')
  if (list) {
    c.advance()
    parseListItems(c, () => constantOperand(c), patterns)
    closeWith(c, ')')
  } else {
    const lit = constantOperand(c)
    if (lit !== null) patterns.push(lit)
  }
  const whole = c.spanFrom(subject.span.start)
  if (patterns.length === 0) return { type: 'ErrorExpr', span: whole }
  const node: Expr = { type: 'Match', op, subject, patterns, list, opSpan: span(opTok.start, opTok.end), span: whole }
  c.noteDepth(node, subject)
  return node
}

/** The right side of `:`/like/regex must be a literal; a field or call there is a syntax error. */
function constantOperand(c: ParseCursor): Literal | null {
  const lit = acceptConstant(c)
  if (lit !== null) return lit
  c.syntaxError()
  if (OPERAND_START.has(c.tok.kind)) parseUnary(c) // read the bad operand so parsing resumes after it
  return null
}

/**
 * `item (',' item)*` up to (not including) `)`. After a broken item, skips to the next `,` so the
 * remaining items are still checked.
 */
export function parseListItems<T>(c: ParseCursor, item: () => T | null, out: T[]): void {
  for (;;) {
    const v = item()
    if (v !== null) out.push(v)
    if (c.accept(',')) continue
    if (c.at(')')) return
    c.syntaxError()
    c.syncTo([',', ')', ']'])
    if (!c.accept(',')) return
  }
}
