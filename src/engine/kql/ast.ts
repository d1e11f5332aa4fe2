import type { Span } from '../source/span'

/**
 * The KQL syntax tree, shaped for the evaluator and the Query DSL exporter rather than for the
 * grammar: value lists are already distributed over their field (`f:(a or not b)` is
 * `or(is(f,a), not(is(f,b)))`), as Kibana's parser does, so a consumer only ever sees or / and /
 * not / is / range / nested / matchAll. What the printer and editors need to rebuild the written
 * list (`f:(...)`) is kept in the `list` marker that every node built inside one list shares.
 *
 * Grammar (Kibana's KQL; see parse-query.ts and parse-values.ts for the rules):
 *   query   := or ; or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' primary | primary
 *   primary := '(' or ')' | field ':' '{' or '}' | field rangeOp literal | field ':' list | value
 *
 * Closed unions on `type`; every node has a span (0-based UTF-16, end-exclusive). Values keep
 * Kibana's typing: numbers stay strings, only unquoted lowercase null/true/false are keywords.
 */

// ---------------------------------------------------------------- fields and values

/** A field name without wildcards: `process.name`, `"a b"`, `a\*b` (escaped star is literal). */
export interface FieldName {
  readonly type: 'field'
  /** unescaped name (quotes removed; an unquoted name is trimmed as Kibana trims literals) */
  readonly name: string
  readonly quoted: boolean
  readonly span: Span
}

/**
 * A field name with unescaped stars: `file.*`, `*`, `*name`. `parts` are the literal pieces between
 * the stars (so there are stars + 1 of them): `file.*` -> ['file.', ''], `*` -> ['', ''].
 * Only unquoted names can be patterns.
 */
export interface FieldPattern {
  readonly type: 'fieldPattern'
  readonly parts: readonly string[]
  readonly span: Span
}

export type KqlField = FieldName | FieldPattern

/** A plain value: `jpg`, `"Win 7"`, `Win 7`, `200` (numbers stay strings, as in Kibana >= 7.12). */
export interface LiteralValue {
  readonly type: 'literal'
  /** unescaped text; unquoted text is trimmed (even escaped edge whitespace: `f:\t` is "") */
  readonly text: string
  /** quoted values mean phrase semantics and never wildcards (`f:"*"` is a literal star) */
  readonly quoted: boolean
  readonly span: Span
}

/** Unquoted, lowercase, exactly `null`, `true` or `false` after trimming (`TRUE` is a literal). */
export interface KeywordValue {
  readonly type: 'keyword'
  readonly value: null | boolean
  readonly span: Span
}

/**
 * An unquoted value with unescaped stars. `parts` are the literal pieces between stars (stars + 1
 * of them, unescaped, `?` included: KQL has no single-character wildcard). `jpg*` -> ['jpg', ''],
 * `*` -> ['', ''], `a\*b*` -> ['a*b', ''].
 */
export interface WildcardValue {
  readonly type: 'wildcard'
  readonly parts: readonly string[]
  readonly span: Span
}

export type KqlValue = LiteralValue | KeywordValue | WildcardValue

// ---------------------------------------------------------------- value lists

/**
 * Marks the nodes that came from one value list `field:( ... )`. All nodes built inside the list
 * (the or/and/not structure and every `is`) share this one object, so `node.list !== parent.list`
 * finds the list's root. Kept for printing the list back as written and for editors (e.g. append
 * ` or x` before `close` of an existing `not field:(...)` list).
 */
export interface ValueList {
  /** the field the list is distributed over (the same object as each `is.field` inside) */
  readonly field: KqlField
  /** the whole clause, `field:( ... )` */
  readonly span: Span
  /** the list's opening and closing parentheses */
  readonly open: Span
  readonly close: Span
}

// ---------------------------------------------------------------- query nodes

/** `a or b or c`: one n-ary node per same-level chain (a parenthesised `(a or b) or c` nests). */
export interface OrNode {
  readonly type: 'or'
  readonly children: readonly KqlNode[]
  /** non-null when this chain is written inside a value list */
  readonly list: ValueList | null
  readonly span: Span
}

export interface AndNode {
  readonly type: 'and'
  readonly children: readonly KqlNode[]
  readonly list: ValueList | null
  readonly span: Span
}

/** `not x`: exactly one keyword applies to one primary (`not not x` does not parse). */
export interface NotNode {
  readonly type: 'not'
  readonly child: KqlNode
  readonly list: ValueList | null
  /** the `not` keyword as written */
  readonly keywordSpan: Span
  readonly span: Span
}

/** `field:value`, or a field-less `value` (field null: free text over the default fields). */
export interface IsNode {
  readonly type: 'is'
  readonly field: KqlField | null
  readonly value: KqlValue
  readonly list: ValueList | null
  readonly span: Span
}

export type RangeOp = 'gt' | 'gte' | 'lt' | 'lte'

/** `field > value` (one literal; a star in it is not a wildcard, Kibana sends it as is). */
export interface RangeNode {
  readonly type: 'range'
  readonly field: KqlField
  readonly op: RangeOp
  readonly value: KqlValue
  readonly opSpan: Span
  readonly span: Span
}

/** `path:{ query }`: field names inside `query` are relative to `path` (and to outer paths). */
export interface NestedNode {
  readonly type: 'nested'
  readonly path: KqlField
  readonly query: KqlNode
  readonly span: Span
}

/**
 * Matches every document: the empty (or whitespace-only) query, and `*:*` (unquoted star field and
 * value, Kibana's match_all special case, also inside a list `*:(*)` or a nested group).
 */
export interface MatchAllNode {
  readonly type: 'matchAll'
  readonly written: 'empty' | 'star'
  readonly list: ValueList | null
  readonly span: Span
}

export type KqlNode = OrNode | AndNode | NotNode | IsNode | RangeNode | NestedNode | MatchAllNode

/** Exhaustiveness helper for switches over the unions above. */
export function assertNever(x: never): never {
  throw new Error(`unexpected KQL node: ${JSON.stringify(x)}`)
}

/** The list marker of a node (range and nested nodes never come from a list). */
export function listOf(node: KqlNode): ValueList | null {
  switch (node.type) {
    case 'or':
    case 'and':
    case 'not':
    case 'is':
    case 'matchAll':
      return node.list
    case 'range':
    case 'nested':
      return null
    default:
      return assertNever(node)
  }
}
