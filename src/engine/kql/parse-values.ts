/*
 * KQL value lists: what follows `field:`. Grammar, in our notation:
 *
 *   list     := '(' WS* list_or WS* ')' | VALUE
 *   list_or  := list_and (OR list_and)*
 *   list_and := list_not (AND list_not)*
 *   list_not := NOT list | list                  (one NOT: `f:(not not a)` does not parse)
 *   VALUE    := quoted | unquoted                 (named "value"; scan-literal.ts)
 *
 * The field is distributed over every value as it is read (`f:(a or not b)` becomes
 * `or(is(f,a), not(is(f,b)))`), and every node of one list shares one ValueList marker, created
 * at the outermost '(' and completed at its ')'. A parenthesised group inside a list is plain
 * grouping and shares the outer marker.
 */
import { span, type Span } from '../source/span'
import { assertNever, type IsNode, type KqlField, type KqlNode, type KqlValue, type MatchAllNode, type ValueList } from './ast'
import type { KqlState } from './parse-state'

/** A parsed node and the extent it was written over (parentheses included). */
export interface Parsed {
  readonly node: KqlNode
  readonly start: number
  readonly end: number
}

/** A ValueList under construction: its closing parenthesis is known only at the end. */
interface ListBuilder {
  field: KqlField
  span: Span
  open: Span
  close: Span
}

/** `field:` + list. `fieldStart` is where the clause began (the is-node span of `f:v` starts there). */
export function parseListOfValues(s: KqlState, field: KqlField, fieldStart: number, list: ListBuilder | null): Parsed | null {
  const start = s.pos
  if (s.char('(')) {
    s.enter(start)
    const builder: ListBuilder = list ?? { field, span: span(fieldStart, start), open: span(start, start + 1), close: span(start, start + 1) }
    s.skipSpaces()
    const inner = parseListChain(s, field, builder, 'or')
    if (inner !== null) {
      s.skipSpaces()
      if (s.char(')')) {
        s.leave()
        if (list === null) {
          builder.close = span(s.pos - 1, s.pos)
          builder.span = span(fieldStart, s.pos)
        }
        return { node: inner.node, start, end: s.pos }
      }
    }
    s.leave()
    s.pos = start
  }
  const value = s.literal('value')
  if (value === null) return null
  const where = list === null ? span(fieldStart, value.span.end) : value.span
  return { node: isNode(s, field, value, list, where, fieldStart), start: list === null ? fieldStart : start, end: s.pos }
}

/** list_or / list_and: a same-level chain, flattened into one n-ary node. */
function parseListChain(s: KqlState, field: KqlField, list: ListBuilder, op: 'or' | 'and'): Parsed | null {
  const first = op === 'or' ? parseListChain(s, field, list, 'and') : parseListNot(s, field, list)
  if (first === null) return null
  const items: Parsed[] = [first]
  for (;;) {
    const save = s.pos
    if (!s.spacedKeyword(op)) break
    const next = op === 'or' ? parseListChain(s, field, list, 'and') : parseListNot(s, field, list)
    if (next === null) {
      s.pos = save
      break
    }
    items.push(next)
  }
  if (items.length === 1) return first
  const last = items[items.length - 1] as Parsed
  const children = items.map((p) => p.node)
  const where = span(first.start, last.end)
  return { node: { type: op, children, list, span: where }, start: first.start, end: last.end }
}

function parseListNot(s: KqlState, field: KqlField, list: ListBuilder): Parsed | null {
  const start = s.pos
  const kw = s.notKeyword()
  if (kw >= 0) {
    const operand = parseListOfValues(s, field, start, list)
    if (operand !== null) {
      const node: KqlNode = { type: 'not', child: operand.node, list, keywordSpan: span(kw, kw + 3), span: span(start, operand.end) }
      return { node, start, end: operand.end }
    }
    s.pos = start
  }
  return parseListOfValues(s, field, start, list)
}

/** `*` written as an unquoted field or value: the lone-star pattern. */
function isLoneStar(parts: readonly string[]): boolean {
  return parts.length === 2 && parts[0] === '' && parts[1] === ''
}

/**
 * Builds `is(field, value)`: `*:*` becomes match-all (Kibana's special case), and an unquoted
 * `null` field name means no field (Kibana reads it as the null literal, then as field-less).
 */
export function isNode(
  s: KqlState,
  field: KqlField | null,
  value: KqlValue,
  list: ValueList | null,
  where: Span,
  fieldStart: number,
): IsNode | MatchAllNode {
  if (field !== null && field.type === 'fieldPattern' && isLoneStar(field.parts) && value.type === 'wildcard' && isLoneStar(value.parts)) {
    return { type: 'matchAll', written: 'star', list, span: where }
  }
  if (field !== null && field.type === 'field' && !field.quoted && field.name === 'null') {
    s.warnNullField(fieldStart, field.span.end)
    return { type: 'is', field: null, value, list, span: where }
  }
  return { type: 'is', field, value, list, span: where }
}

/** A literal read where a field name is expected, as a field. */
export function fieldOf(v: KqlValue): KqlField {
  switch (v.type) {
    case 'literal':
      return { type: 'field', name: v.text, quoted: v.quoted, span: v.span }
    case 'wildcard':
      return { type: 'fieldPattern', parts: v.parts, span: v.span }
    case 'keyword':
      return { type: 'field', name: String(v.value), quoted: false, span: v.span }
    default:
      return assertNever(v)
  }
}
