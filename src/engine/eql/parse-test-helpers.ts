/*
 * Test helpers for the EQL parser tests (no grammar here): tree comparison without positions.
 */

import { assertNever, type Expr } from './ast'

const SPAN_KEYS: ReadonlySet<string> = new Set(['span', 'opSpan', 'nameSpan'])

/**
 * A deep copy of a parse tree without its spans, so trees parsed from differently formatted text
 * (e.g. the original and its canonical print) compare equal when they mean the same.
 */
export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans)
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(node)) if (!SPAN_KEYS.has(k)) out[k] = stripSpans(v)
    return out
  }
  return node
}

/**
 * A compact S-expression of an expression tree, for readable precedence tests:
 * `a + b in (1, 2)` -> `(+ a (in b 1 2))`.
 */
export function shape(e: Expr): string {
  switch (e.type) {
    case 'Literal':
      return e.raw
    case 'Field':
      return (e.optional ? '?' : '') + e.segments.join('.')
    case 'Call':
      return `${e.name}${e.caseInsensitive ? '~' : ''}(${e.args.map(shape).join(' ')})`
    case 'Negate':
      return `(${e.op}u ${shape(e.operand)})`
    case 'Arith':
    case 'Compare':
    case 'Logical':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`
    case 'Not':
      return `(not ${shape(e.operand)})`
    case 'Match': {
      const pats = e.patterns.map(shape).join(' ')
      return `(${e.op} ${shape(e.subject)} ${e.list ? `[${pats}]` : pats})`
    }
    case 'In':
      return `(${e.negated ? 'not-' : ''}in${e.caseInsensitive ? '~' : ''} ${[e.subject, ...e.items].map(shape).join(' ')})`
    case 'ErrorExpr':
      return '<error>'
    default:
      return assertNever(e)
  }
}
