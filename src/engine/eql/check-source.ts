import type { Expr } from './ast'
import { printExpr } from './print'

/**
 * The source text of an expression for messages (`... argument of [startsWith(1, "FOO")] ...`).
 * Elasticsearch quotes the query as written; with the query text at hand we slice it, otherwise we
 * print the tree with the parser's canonical printer.
 */
export function sourceOf(e: Expr, text: string | undefined): string {
  if (text !== undefined && e.span.end <= text.length && e.span.start < e.span.end) {
    return text.slice(e.span.start, e.span.end)
  }
  return printExpr(e)
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']

/** Elasticsearch's parameter ordinals ("first argument of [...]"); 0-based index. */
export function ordinal(index: number): string {
  return ORDINALS[index] ?? numericOrdinal(index + 1)
}

/** QL's numeric ordinals ("1st", "2nd", "11th"), used for `in` list elements. */
export function numericOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}
