/*
 * Event filters, stages and their clauses (EqlBase `eventFilter`, `subquery`, `sequenceTerm`,
 * `joinKeys`, `sequenceParams`):
 *
 *   eventFilter := ('any' | IDENTIFIER | STRING) 'where' expression
 *   stage       := ('[' | '![') eventFilter ']' joinKeys? ('with' IDENTIFIER '=' number)?   // with runs=N
 *   joinKeys    := 'by' expression (',' expression)*
 *   maxspan     := 'with' 'maxspan' '=' number IDENTIFIER?                                  // 5m, 10s ...
 *
 * Value checks on `runs` and `maxspan` use Elasticsearch's ParsingException wording.
 */
import { span, type Span } from '../source/span'
import type { Category, EventFilter, Expr, MaxSpan, Stage, TimeUnit } from './ast'
import { SYNTAX_CODES } from './codes-syntax'
import type { ParseCursor } from './parse-cursor'
import { parseExpression } from './parse-expression'
import { closeWith } from './parse-primary'
import type { TokenKind } from './token'

/** A stage plus the spans its validation messages point at. */
export interface ParsedStage {
  readonly stage: Stage
  /** `[` or `![` */
  readonly openSpan: Span
  /** the `by ...` clause, when written */
  readonly bySpan: Span | null
  /** the `with runs=N` clause, when written */
  readonly withSpan: Span | null
}

const EXPRESSION_START: ReadonlySet<TokenKind> = new Set<TokenKind>([
  'not', '-', '+', 'false', 'null', 'true', '(', '?', 'string', 'integer', 'decimal', 'ident', 'quotedIdent', 'tildeIdent',
])

const UNIT_MILLIS: Readonly<Record<TimeUnit, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

function isTimeUnit(u: string): u is TimeUnit {
  return Object.hasOwn(UNIT_MILLIS, u)
}

/** `category where condition`; a missing `where` or category is reported and read past. */
export function parseEventFilter(c: ParseCursor): EventFilter {
  const start = c.tok.start
  const category = parseCategory(c)
  if (!c.accept('where')) {
    const t = c.tok
    if (t.kind === 'ident' && t.value.toLowerCase() === 'where') {
      c.syntaxError(SYNTAX_CODES.miscasedKeyword)
      c.advance()
    } else {
      c.syntaxError()
      if (!EXPRESSION_START.has(t.kind)) {
        const condition: Expr = { type: 'ErrorExpr', span: span(t.start, t.start) }
        return { type: 'EventFilter', category, condition, span: c.spanFrom(start) }
      }
    }
  }
  const condition = parseExpression(c)
  return { type: 'EventFilter', category, condition, span: c.spanFrom(start) }
}

function parseCategory(c: ParseCursor): Category {
  const t = c.tok
  const where = span(t.start, t.end)
  switch (c.atAny(['any', 'ident', 'string'] as const)) {
    case 'any':
      c.advance()
      return { name: null, quoted: false, span: where }
    case 'ident':
      c.advance()
      return { name: t.value, quoted: false, span: where }
    case 'string':
      c.advance()
      return { name: t.value, quoted: true, span: where }
    case null:
      // a back-quoted name is not a category; anything else here is garbage before `where`
      c.noViableAlternative(c.pos)
      if (t.kind === 'quotedIdent' || c.peek().kind === 'where') {
        c.advance()
        return { name: t.kind === 'quotedIdent' ? t.value : c.text.slice(t.start, t.end), quoted: false, span: where }
      }
      return { name: '', quoted: false, span: span(t.start, t.start) }
  }
}

/** `by expr, expr ...` (the current token is `by`). */
export function parseJoinKeys(c: ParseCursor): { keys: Expr[]; span: Span } {
  const by = c.advance()
  const keys: Expr[] = []
  do keys.push(parseExpression(c))
  while (c.accept(','))
  return { keys, span: c.spanFrom(by.start) }
}

/** `[ filter ] by ... with runs=N` or `![ ... ]` (the current token is `[` or `![`). */
export function parseStage(c: ParseCursor): ParsedStage {
  const open = c.advance()
  const filter = parseEventFilter(c)
  closeWith(c, ']')
  let keys: Expr[] = []
  let bySpan: Span | null = null
  if (c.at('by')) {
    const parsed = parseJoinKeys(c)
    keys = parsed.keys
    bySpan = parsed.span
  }
  let runs = 1
  let withSpan: Span | null = null
  if (c.at('with')) {
    const start = c.tok.start
    runs = parseRuns(c)
    withSpan = c.spanFrom(start)
  }
  const stage: Stage = { type: 'Stage', filter, keys, runs, missing: open.kind === '![', span: c.spanFrom(open.start) }
  return { stage, openSpan: span(open.start, open.end), bySpan, withSpan }
}

/** `with runs=N` (current token `with`); returns N, or 1 after reporting an error. */
function parseRuns(c: ParseCursor): number {
  c.advance()
  if (c.tok.kind === 'maxspan') {
    // maxspan belongs right after `sequence`/its `by`, not after a stage
    c.expectAlso(['ident'])
    c.syntaxError()
    skipMaxspanBody(c)
    return 1
  }
  const name = c.expect('ident')
  if (name === null) return 1
  if (name.value !== 'runs') c.report(SYNTAX_CODES.unknownStageParam, span(name.start, name.end), { name: name.value })
  if (!c.expect('=')) return 1
  const kind = c.atAny(['integer', 'decimal'] as const)
  if (kind === null) {
    c.syntaxError()
    return 1
  }
  const num = c.advance()
  const value = Number(num.value)
  if (kind === 'decimal' || value < 1 || value > 100) {
    c.report(SYNTAX_CODES.runsRange, span(num.start, num.end), { value: num.value })
    return 1
  }
  return name.value === 'runs' ? value : 1
}

function skipMaxspanBody(c: ParseCursor): void {
  c.accept('maxspan')
  c.accept('=')
  if (c.atAny(['integer', 'decimal'] as const) !== null) c.advance()
  c.accept('ident')
}

/**
 * `with maxspan=N unit` (current token `with`). Returns null, after reporting, when the clause is
 * broken or its value invalid.
 */
export function parseWithMaxspan(c: ParseCursor): MaxSpan | null {
  c.advance()
  if (!c.expect('maxspan') || !c.expect('=')) return null
  const kind = c.atAny(['integer', 'decimal'] as const)
  if (kind === null) {
    c.syntaxError()
    return null
  }
  const numPos = c.pos
  const num = c.advance()
  const unitTok = c.accept('ident')
  const text = c.joinedText(numPos, c.pos)
  const numSpan = span(num.start, num.end)
  if (kind === 'decimal') {
    c.report(SYNTAX_CODES.maxspanDecimal, numSpan, { text: num.value })
    return null
  }
  const value = Number(num.value)
  if (value <= 0) {
    c.report(SYNTAX_CODES.maxspanPositive, numSpan, { value })
    return null
  }
  if (unitTok === null) {
    c.report(SYNTAX_CODES.maxspanNoUnit, numSpan, { text })
    return null
  }
  const unit = unitTok.value
  if (!isTimeUnit(unit)) {
    c.report(SYNTAX_CODES.maxspanUnit, span(unitTok.start, unitTok.end), { unit, text })
    return null
  }
  return { value, unit, millis: value * UNIT_MILLIS[unit], span: span(num.start, unitTok.end) }
}
