/*
 * KQL queries: Kibana's grammar ported rule for rule, as an ordered-choice (PEG) parser with
 * backtracking, so that what parses, what does not, and where it fails all agree with Kibana.
 * Grammar, in our notation (alternatives tried in order; WS, OR, AND, NOT in parse-state.ts):
 *
 *   start      := WS* or? WS* END                  (no query at all: match all)
 *   or         := and (OR and)*
 *   and        := not (AND not)*
 *   not        := NOT group | group                 (one NOT: `not not a` does not parse)
 *   group      := '(' WS* or WS* ')' | nested
 *   nested     := FIELD WS* ':' WS* '{' WS* or WS* '}' | expression
 *   expression := FIELD WS* RANGE_OP WS* LITERAL    (range)
 *               | FIELD WS* ':' WS* list             (field match; list in parse-values.ts)
 *               | VALUE                             (field-less)
 *   RANGE_OP   := '<=' | '>=' | '<' | '>'
 *   FIELD, VALUE, LITERAL := quoted | unquoted      (named "field name", "value", "literal")
 *
 * Each rule returns null on failure with the position restored; failures are recorded in the
 * state for the error message. Same-level chains become one n-ary node; a parenthesised group
 * keeps its own node (`(a or b) or c` nests, as in Kibana).
 */
import { span } from '../source/span'
import type { KqlField, KqlNode, RangeOp } from './ast'
import type { KqlState } from './parse-state'
import { fieldOf, isNode, parseListOfValues, type Parsed } from './parse-values'

/** `start`: the whole query, or null when the text does not parse (the state says why). */
export function parseStart(s: KqlState): KqlNode | null {
  s.skipSpaces()
  const at = s.pos
  const query = parseChain(s, 'or')
  if (query === null) s.pos = at
  s.skipSpaces()
  if (s.pos < s.text.length) {
    s.fail(s.pos, 'end of input')
    return null
  }
  return query?.node ?? { type: 'matchAll', written: 'empty', list: null, span: span(0, s.text.length) }
}

/** or / and: a same-level chain, flattened into one n-ary node. */
function parseChain(s: KqlState, op: 'or' | 'and'): Parsed | null {
  const first = op === 'or' ? parseChain(s, 'and') : parseNot(s)
  if (first === null) return null
  const items: Parsed[] = [first]
  for (;;) {
    const save = s.pos
    if (!s.spacedKeyword(op)) break
    const next = op === 'or' ? parseChain(s, 'and') : parseNot(s)
    if (next === null) {
      s.pos = save
      break
    }
    items.push(next)
  }
  if (items.length === 1) return first
  const last = items[items.length - 1] as Parsed
  const where = span(first.start, last.end)
  return { node: { type: op, children: items.map((p) => p.node), list: null, span: where }, start: first.start, end: last.end }
}

function parseNot(s: KqlState): Parsed | null {
  const start = s.pos
  const kw = s.notKeyword()
  if (kw >= 0) {
    const operand = parseGroup(s)
    if (operand !== null) {
      const node: KqlNode = { type: 'not', child: operand.node, list: null, keywordSpan: span(kw, kw + 3), span: span(start, operand.end) }
      return { node, start, end: operand.end }
    }
    s.pos = start
  }
  return parseGroup(s)
}

function parseGroup(s: KqlState): Parsed | null {
  const start = s.pos
  if (s.char('(')) {
    s.enter(start)
    s.skipSpaces()
    const inner = parseChain(s, 'or')
    if (inner !== null) {
      s.skipSpaces()
      if (s.char(')')) {
        s.leave()
        return { node: inner.node, start, end: s.pos }
      }
    }
    s.leave()
    s.pos = start
  }
  return parseNested(s)
}

/** FIELD WS*, shared by the three field-led alternatives (the literal scan itself is cached). */
function fieldThenSpaces(s: KqlState): KqlField | null {
  const v = s.literal('field name')
  if (v === null) return null
  s.skipSpaces()
  return fieldOf(v)
}

function parseNested(s: KqlState): Parsed | null {
  const start = s.pos
  const path = fieldThenSpaces(s)
  if (path !== null && s.char(':')) {
    s.skipSpaces()
    const brace = s.pos
    if (s.char('{')) {
      s.enter(brace)
      s.skipSpaces()
      const inner = parseChain(s, 'or')
      if (inner !== null) {
        s.skipSpaces()
        if (s.char('}')) {
          s.leave()
          return { node: { type: 'nested', path, query: inner.node, span: span(start, s.pos) }, start, end: s.pos }
        }
      }
      s.leave()
    }
  }
  s.pos = start
  return parseExpression(s)
}

const RANGE_OPS: readonly (readonly [string, RangeOp])[] = [
  ['<=', 'lte'],
  ['>=', 'gte'],
  ['<', 'lt'],
  ['>', 'gt'],
]

function rangeOp(s: KqlState): RangeOp | null {
  for (const [text, op] of RANGE_OPS) if (s.char(text)) return op
  return null
}

function parseExpression(s: KqlState): Parsed | null {
  const start = s.pos
  // field RANGE_OP literal
  const field = fieldThenSpaces(s)
  if (field !== null) {
    const opStart = s.pos
    const op = rangeOp(s)
    if (op !== null) {
      const opSpan = span(opStart, s.pos)
      s.skipSpaces()
      const value = s.literal('literal')
      if (value !== null) {
        return { node: { type: 'range', field, op, value, opSpan, span: span(start, value.span.end) }, start, end: s.pos }
      }
    }
    // field ':' list: re-read the field from the start, as the grammar does (the scan is cached,
    // and re-reading records the same expectations the PEG would)
    s.pos = start
    fieldThenSpaces(s)
    if (s.char(':')) {
      s.skipSpaces()
      const matched = parseListOfValues(s, field, start, null)
      if (matched !== null) return matched
    }
  }
  // a field-less value
  s.pos = start
  const value = s.literal('value')
  if (value === null) return null
  return { node: isNode(s, null, value, null, value.span, start), start, end: s.pos }
}
