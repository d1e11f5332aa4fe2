/*
 * Test helpers for the EQL parser tests (no grammar here): tree comparison without positions.
 */

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
