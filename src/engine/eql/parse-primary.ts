/*
 * Primary expressions of EQL (Elasticsearch's EqlBase `primaryExpression`):
 *
 *   primary       := constant | functionCall | fieldPath | '(' expression ')'
 *   constant      := 'null' | 'true' | 'false' | INTEGER_VALUE | DECIMAL_VALUE | STRING
 *   functionCall  := (IDENTIFIER | TILDE_IDENTIFIER) '(' (expression (',' expression)*)? ')'
 *   fieldPath     := '?'? identifier ('.' identifier | '[' INTEGER_VALUE+ ']')*
 *   identifier    := IDENTIFIER | QUOTED_IDENTIFIER
 *
 * `[0]` parses (so the error can name it) but is rejected: "Array indexes are not supported".
 * A keyword used as a path segment (`event.sequence`) is a syntax error, reported with its own code
 * and then accepted as the segment so the rest of the query still parses.
 */
import { span } from '../source/span'
import type { Expr, FieldRef, Literal, LiteralKind } from './ast'
import { SYNTAX_CODES } from './codes-syntax'
import type { ParseCursor } from './parse-cursor'
import { parseExpression, parseListItems } from './parse-expression'
import { isKeyword, type Token, type TokenKind } from './token'

/** Kinds that can start a primary, listed in "expecting" sets. */
const PRIMARY_START = [
  'false', 'null', 'true', '(', '?', 'string', 'integer', 'decimal', 'ident', 'quotedIdent', 'tildeIdent',
] as const
const CONSTANT_KINDS: readonly TokenKind[] = ['false', 'null', 'true', 'string', 'integer', 'decimal']

const INT_MAX = '2147483647'
const LONG_MAX = '9223372036854775807'

/** Integer literals are 32-bit ints when they fit, else 64-bit longs, else doubles (as in ES). */
function integerKind(digits: string): LiteralKind {
  const d = digits.replace(/^0+(?=\d)/, '')
  if (d.length < INT_MAX.length || (d.length === INT_MAX.length && d <= INT_MAX)) return 'integer'
  if (d.length < LONG_MAX.length || (d.length === LONG_MAX.length && d <= LONG_MAX)) return 'long'
  return 'double'
}

/** The literal for a constant token (the caller has checked its kind). */
export function literalOf(c: ParseCursor, t: Token): Literal {
  const raw = c.text.slice(t.start, t.end)
  const where = span(t.start, t.end)
  switch (t.kind) {
    case 'null':
      return { type: 'Literal', kind: 'null', value: null, raw, span: where }
    case 'true':
    case 'false':
      return { type: 'Literal', kind: 'boolean', value: t.kind === 'true', raw, span: where }
    case 'integer':
      return { type: 'Literal', kind: integerKind(t.value), value: Number(t.value), raw, span: where }
    case 'decimal':
      return { type: 'Literal', kind: 'double', value: Number(t.value), raw, span: where }
    default:
      return { type: 'Literal', kind: 'string', value: t.value, raw, span: where }
  }
}

/** Consumes a constant if the current token is one (recording the constant kinds as expected). */
export function acceptConstant(c: ParseCursor): Literal | null {
  return c.atAny(CONSTANT_KINDS) !== null ? literalOf(c, c.advance()) : null
}

/** A primary; on a token that cannot start one, reports it and returns an ErrorExpr (not consumed). */
export function parsePrimary(c: ParseCursor): Expr {
  const kind = c.atAny(PRIMARY_START)
  switch (kind) {
    case 'false':
    case 'null':
    case 'true':
    case 'string':
    case 'integer':
    case 'decimal':
      return literalOf(c, c.advance())
    case 'ident':
      return c.peek().kind === '(' ? parseCall(c) : parseField(c)
    case 'tildeIdent':
      return parseCall(c)
    case '?':
    case 'quotedIdent':
      return parseField(c)
    case '(':
      return parseParenthesised(c)
    case null:
      return primaryError(c)
  }
}

/** Tokens after which a misplaced keyword was clearly meant as a field name (`sequence == 1`). */
const AFTER_FIELD: ReadonlySet<TokenKind> = new Set<TokenKind>([
  '.', '==', '!=', '<', '<=', '>', '>=', ':', 'like', 'like~', 'regex', 'regex~', 'in', 'in~',
])

function primaryError(c: ParseCursor): Expr {
  const t = c.tok
  // A keyword used as a field (`sequence.x`, `sequence == 1`): say so with its own code (editors
  // suggest back-quotes), and read it as a field so the rest of the condition is still checked.
  if (isKeyword(t.kind) && AFTER_FIELD.has(c.peek().kind)) {
    c.syntaxError(SYNTAX_CODES.keywordAsField)
    return parseField(c)
  }
  c.syntaxError()
  return { type: 'ErrorExpr', span: span(t.start, t.start) }
}

function parseParenthesised(c: ParseCursor): Expr {
  c.enter()
  c.advance()
  const inner = parseExpression(c)
  closeWith(c, ')')
  c.leave()
  return inner
}

/** Expects `close`; on failure skips to it (and consumes it) so the enclosing construct resumes. */
export function closeWith(c: ParseCursor, close: ')' | ']'): boolean {
  if (c.expect(close)) return true
  // a `]` ends the stage around a broken `(`; a new stage or `until` ends a broken stage
  c.syncTo(close === ')' ? [')', ']'] : [']', '[', '![', 'until'])
  c.accept(close)
  return false
}

function parseCall(c: ParseCursor): Expr {
  const nameTok = c.advance()
  const start = nameTok.start
  if (!c.expect('(')) return { type: 'ErrorExpr', span: c.spanFrom(start) }
  const args: Expr[] = []
  if (!c.at(')')) {
    c.enter()
    parseListItems(c, () => parseExpression(c), args)
    c.leave()
  }
  closeWith(c, ')')
  const node: Expr = {
    type: 'Call',
    name: nameTok.value,
    caseInsensitive: nameTok.kind === 'tildeIdent',
    args,
    nameSpan: span(nameTok.start, nameTok.end),
    span: c.spanFrom(start),
  }
  c.noteDepth(node, ...args)
  return node
}

function parseField(c: ParseCursor): Expr {
  const start = c.tok.start
  const optional = c.accept('?') !== null
  const segments: string[] = []
  const first = fieldSegment(c)
  if (first === null) return { type: 'ErrorExpr', span: c.spanFrom(start) }
  segments.push(first)
  for (;;) {
    if (c.at('.')) {
      c.advance()
      const s = fieldSegment(c)
      if (s === null) break
      segments.push(s)
    } else if (c.at('[') && c.peek().kind === 'integer') {
      // `[` followed by a number is an index; `[` followed by anything else starts a stage
      const open = c.advance()
      while (c.accept('integer')) {
        /* INTEGER_VALUE+ */
      }
      closeWith(c, ']')
      c.report(SYNTAX_CODES.arrayIndex, span(open.start, Math.max(open.end, c.prevEnd)))
    } else break
  }
  const field: FieldRef = { type: 'Field', path: segments.join('.'), segments, optional, span: c.spanFrom(start) }
  return field
}

function fieldSegment(c: ParseCursor): string | null {
  const t = c.tok
  if (c.atAny(['ident', 'quotedIdent'] as const) !== null) {
    c.advance()
    return t.value
  }
  if (isKeyword(t.kind)) {
    c.syntaxError(SYNTAX_CODES.keywordAsField)
    c.advance()
    return t.value
  }
  c.syntaxError()
  return null
}
