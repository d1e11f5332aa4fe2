import type { Span } from '../source/span'

/**
 * The EQL syntax tree. Closed discriminated unions on `type`; every node has a span into the query
 * text. Produced by the parser (possibly partial when there are syntax errors), read by the checker,
 * the compiler, the printer and the explainer.
 *
 * Grammar (Elasticsearch 8.x/9.x shape; see docs/eql-semantics.md):
 *   statement  := query ('|' pipe)*
 *   query      := eventQuery | sequence | sample
 *   eventQuery := (IDENT | STRING | 'any') 'where' expr
 *   sequence   := 'sequence' (by maxspan? | maxspan by?)? stage stage+ ('until' stage)?
 *   sample     := 'sample' by? stage+
 *   stage      := ('[' | '![') eventQuery ']' by? ('with' 'runs' '=' INT)?
 */

// ---------------------------------------------------------------- expressions

export type LiteralKind = 'string' | 'integer' | 'long' | 'double' | 'boolean' | 'null'

export interface Literal {
  readonly type: 'Literal'
  readonly kind: LiteralKind
  /** Unescaped value. Integers beyond 2^53 keep the nearest double; `raw` has the exact text. */
  readonly value: string | number | boolean | null
  /** The literal as written, quotes included. */
  readonly raw: string
  readonly span: Span
}

export interface FieldRef {
  readonly type: 'Field'
  /** Segments joined with '.', back-quotes removed: `` `a b`.c `` -> "a b.c" */
  readonly path: string
  readonly segments: readonly string[]
  /** `?field`: replaced by null when the field is unmapped. */
  readonly optional: boolean
  readonly span: Span
}

export interface Call {
  readonly type: 'Call'
  /** Function name as written, without a trailing `~`. Resolution is case-insensitive. */
  readonly name: string
  /** `name~(...)`: the case-insensitive variant. */
  readonly caseInsensitive: boolean
  readonly args: readonly Expr[]
  readonly nameSpan: Span
  readonly span: Span
}

export interface Negate {
  readonly type: 'Negate'
  readonly op: '-' | '+'
  readonly operand: Expr
  readonly span: Span
}

export type ArithOp = '+' | '-' | '*' | '/' | '%'
export interface Arith {
  readonly type: 'Arith'
  readonly op: ArithOp
  readonly left: Expr
  readonly right: Expr
  readonly opSpan: Span
  readonly span: Span
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>='
export interface Compare {
  readonly type: 'Compare'
  readonly op: CompareOp
  readonly left: Expr
  readonly right: Expr
  readonly opSpan: Span
  readonly span: Span
}

/** `:` `like` `like~` `regex` `regex~` with one constant or a parenthesised list (OR). */
export type MatchOp = ':' | 'like' | 'like~' | 'regex' | 'regex~'
export interface Match {
  readonly type: 'Match'
  readonly op: MatchOp
  readonly subject: Expr
  readonly patterns: readonly Literal[]
  /** true when written as a list `op ("a", "b")`, for printing */
  readonly list: boolean
  readonly opSpan: Span
  readonly span: Span
}

/** `in` `in~` `not in` `not in~` */
export interface In {
  readonly type: 'In'
  readonly negated: boolean
  readonly caseInsensitive: boolean
  readonly subject: Expr
  readonly items: readonly Expr[]
  readonly opSpan: Span
  readonly span: Span
}

export interface Not {
  readonly type: 'Not'
  readonly operand: Expr
  readonly span: Span
}

export interface Logical {
  readonly type: 'Logical'
  readonly op: 'and' | 'or'
  readonly left: Expr
  readonly right: Expr
  readonly opSpan: Span
  readonly span: Span
}

/** Produced only by the recovering parser where an expression was expected but missing/garbled. */
export interface ErrorExpr {
  readonly type: 'ErrorExpr'
  readonly span: Span
}

export type Expr = Literal | FieldRef | Call | Negate | Arith | Compare | Match | In | Not | Logical | ErrorExpr

// ---------------------------------------------------------------- queries

export interface Category {
  /** The category value; null for `any`. */
  readonly name: string | null
  /** true when written as a string literal ("my-cat" / """x""") */
  readonly quoted: boolean
  readonly span: Span
}

export interface EventFilter {
  readonly type: 'EventFilter'
  readonly category: Category
  readonly condition: Expr
  readonly span: Span
}

export interface Stage {
  readonly type: 'Stage'
  readonly filter: EventFilter
  /** The stage's own `by` keys (sequence-level keys come first at match time). */
  readonly keys: readonly Expr[]
  /** `with runs=N`, 1 when absent */
  readonly runs: number
  /** `![ ... ]` */
  readonly missing: boolean
  readonly span: Span
}

export type TimeUnit = 'ms' | 's' | 'm' | 'h' | 'd'
export interface MaxSpan {
  readonly value: number
  readonly unit: TimeUnit
  readonly millis: number
  readonly span: Span
}

export interface EventQuery {
  readonly type: 'EventQuery'
  readonly filter: EventFilter
  readonly span: Span
}

export interface SequenceQuery {
  readonly type: 'SequenceQuery'
  readonly keys: readonly Expr[]
  readonly maxspan: MaxSpan | null
  readonly stages: readonly Stage[]
  readonly until: Stage | null
  readonly span: Span
}

export interface SampleQuery {
  readonly type: 'SampleQuery'
  readonly keys: readonly Expr[]
  readonly stages: readonly Stage[]
  readonly span: Span
}

export type Query = EventQuery | SequenceQuery | SampleQuery

export interface Pipe {
  readonly type: 'Pipe'
  readonly name: 'head' | 'tail'
  readonly count: number
  readonly span: Span
}

export interface Statement {
  readonly type: 'Statement'
  readonly query: Query
  readonly pipes: readonly Pipe[]
  readonly span: Span
}

/** Exhaustiveness helper for switches over the unions above. */
export function assertNever(x: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(x)}`)
}
