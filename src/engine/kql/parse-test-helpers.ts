/*
 * Test helpers for the KQL parser tests (no grammar here): tree comparison without positions and
 * a compact S-expression of a tree.
 */
import { assertNever, listOf, type KqlField, type KqlNode, type KqlValue } from './ast'

const SPAN_KEYS: ReadonlySet<string> = new Set(['span', 'opSpan', 'keywordSpan', 'open', 'close'])

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
 * `f:(a or "b*")` -> `(or^ (is^ f 'a') (is^ f "b*"))`: `^` marks nodes from a value list,
 * unquoted literals are single-quoted, quoted ones double-quoted, wildcards `w'a*b'`, field
 * patterns `p'file.*'`, no field `_`.
 */
export function shape(n: KqlNode): string {
  const mark = listOf(n) !== null ? '^' : ''
  switch (n.type) {
    case 'or':
    case 'and':
      return `(${n.type}${mark} ${n.children.map(shape).join(' ')})`
    case 'not':
      return `(not${mark} ${shape(n.child)})`
    case 'is':
      return `(is${mark} ${n.field === null ? '_' : fieldShape(n.field)} ${valueShape(n.value)})`
    case 'range':
      return `(${n.op} ${fieldShape(n.field)} ${valueShape(n.value)})`
    case 'nested':
      return `(nested ${fieldShape(n.path)} ${shape(n.query)})`
    case 'matchAll':
      return `(all${mark}${n.written === 'star' ? '*' : ''})`
    default:
      return assertNever(n)
  }
}

export function fieldShape(f: KqlField): string {
  return f.type === 'field' ? (f.quoted ? JSON.stringify(f.name) : f.name) : `p'${f.parts.join('*')}'`
}

export function valueShape(v: KqlValue): string {
  switch (v.type) {
    case 'literal':
      return v.quoted ? JSON.stringify(v.text) : `'${v.text}'`
    case 'keyword':
      return String(v.value)
    case 'wildcard':
      return `w'${v.parts.join('*')}'`
    default:
      return assertNever(v)
  }
}
