/*
 * Pipes (EqlBase `pipe`):
 *
 *   pipe := '|' IDENTIFIER (expression (',' expression)*)?
 *
 * Any pipe parses; then, as Elasticsearch's plan builder does: an unknown name is
 * "Unrecognized pipe [x]" (with did-you-mean), Python-era pipes (count, filter, sort, unique,
 * unique_count) are "Pipe [x] is not supported", and head/tail need exactly one non-negative
 * integer constant (`head 0` is accepted, `head 2 + 3` folds to 5).
 */
import { span, type Span } from '../source/span'
import type { Expr, Pipe } from './ast'
import { SYNTAX_CODES } from './codes-syntax'
import type { ParseCursor } from './parse-cursor'
import { parseExpression } from './parse-expression'

/** Every pipe name Elasticsearch's grammar knows; only head and tail run. */
const KNOWN_PIPES = ['count', 'filter', 'head', 'sort', 'tail', 'unique', 'unique_count'] as const

/** Parses `| ...` pipes while the current token is `|`; only valid head/tail pipes are returned. */
export function parsePipes(c: ParseCursor): Pipe[] {
  const pipes: Pipe[] = []
  while (c.at('|')) {
    const bar = c.advance()
    const nameTok = c.expect('ident')
    if (nameTok === null) {
      c.syncTo([])
      continue
    }
    const args: Expr[] = []
    if (c.tok.kind !== '|' && c.tok.kind !== 'eof') {
      do args.push(parseExpression(c))
      while (c.accept(','))
    }
    const whole = c.spanFrom(bar.start)
    const name = nameTok.value
    if (name === 'head' || name === 'tail') {
      const count = pipeCount(c, name, args, whole)
      if (count !== null) pipes.push({ type: 'Pipe', name, count, span: whole })
    } else if ((KNOWN_PIPES as readonly string[]).includes(name)) {
      c.report(SYNTAX_CODES.pipeNotSupported, whole, { name })
    } else {
      const similar = findSimilar(name, KNOWN_PIPES)
      const suggestion =
        similar.length === 0 ? '' : `, did you mean ${similar.length === 1 ? '' : 'any of '}[${similar.join(', ')}]?`
      c.report(SYNTAX_CODES.unknownPipe, span(nameTok.start, nameTok.end), { name, suggestion })
    }
  }
  return pipes
}

function pipeCount(c: ParseCursor, name: string, args: readonly Expr[], whole: Span): number | null {
  const arg = args[0]
  if (args.length !== 1 || arg === undefined) {
    c.report(SYNTAX_CODES.pipeArgCount, whole, { name, count: args.length })
    return null
  }
  const value = foldInteger(arg)
  if (value === null || value < 0) {
    c.report(SYNTAX_CODES.pipeArgInteger, arg.span, { name, value: c.text.slice(arg.span.start, arg.span.end) })
    return null
  }
  return value
}

/** Folds integer constant arithmetic (`5`, `-1`, `2 * 3`); null when not an integer constant. */
function foldInteger(e: Expr): number | null {
  switch (e.type) {
    case 'Literal':
      return e.kind === 'integer' || e.kind === 'long' ? (e.value as number) : null
    case 'Negate': {
      const v = foldInteger(e.operand)
      return v === null ? null : e.op === '-' ? -v : v
    }
    case 'Arith': {
      const l = foldInteger(e.left)
      const r = foldInteger(e.right)
      if (l === null || r === null) return null
      switch (e.op) {
        case '+':
          return l + r
        case '-':
          return l - r
        case '*':
          return l * r
        case '/':
          return r === 0 ? null : Math.trunc(l / r)
        case '%':
          return r === 0 ? null : l % r
      }
      return null
    }
    default:
      return null
  }
}

/**
 * Names similar to `name`, best first, as Elasticsearch's did-you-mean does: Levenshtein
 * similarity 1 - distance / longer length, kept when at least 0.5.
 */
export function findSimilar(name: string, candidates: readonly string[]): string[] {
  const scored: { score: number; cand: string }[] = []
  for (const cand of candidates) {
    const longer = Math.max(name.length, cand.length)
    const score = longer === 0 ? 1 : 1 - levenshtein(name, cand) / longer
    if (score >= 0.5) scored.push({ score, cand })
  }
  scored.sort((a, b) => b.score - a.score || (a.cand < b.cand ? -1 : a.cand > b.cand ? 1 : 0))
  return scored.map((s) => s.cand)
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost))
    }
    prev = cur
  }
  return prev[b.length] ?? 0
}
