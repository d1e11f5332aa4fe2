import type { Expr, FieldRef } from './ast'

/**
 * The source text of an expression for messages (`... argument of [startsWith(1, "FOO")] ...`).
 * Elasticsearch quotes the query as written; with the query text at hand we slice it, otherwise we
 * print the tree (same tokens, normalised spacing).
 */
export function sourceOf(e: Expr, text: string | undefined): string {
  if (text !== undefined && e.span.end <= text.length && e.span.start < e.span.end) {
    return text.slice(e.span.start, e.span.end)
  }
  return printExpr(e)
}

const IDENT = /^[A-Za-z_@][A-Za-z0-9_]*$/

function printField(f: FieldRef): string {
  const path = f.segments.map((s) => (IDENT.test(s) ? s : `\`${s.replace(/`/g, '``')}\``)).join('.')
  return f.optional ? `?${path}` : path
}

export function printExpr(e: Expr): string {
  switch (e.type) {
    case 'Literal':
      return e.raw
    case 'Field':
      return printField(e)
    case 'Call':
      return `${e.name}${e.caseInsensitive ? '~' : ''}(${e.args.map(printExpr).join(', ')})`
    case 'Negate':
      return `${e.op}${printExpr(e.operand)}`
    case 'Arith':
    case 'Compare':
    case 'Logical':
      return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`
    case 'Match': {
      const pats = e.patterns.map((p) => p.raw)
      return `${printExpr(e.subject)} ${e.op} ${e.list ? `(${pats.join(', ')})` : (pats[0] ?? '')}`
    }
    case 'In':
      return `${printExpr(e.subject)} ${e.negated ? 'not ' : ''}in${e.caseInsensitive ? '~' : ''} (${e.items.map(printExpr).join(', ')})`
    case 'Not':
      return `not ${printExpr(e.operand)}`
    case 'ErrorExpr':
      return '?'
  }
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
