import type { FieldHit } from '../result'
import type { Expr } from './ast'
import { fieldsOf } from './check-types'
import { compileValue } from './compile-expr'
import type { CompileContext } from './compile-context'
import { compileCompare, not } from './compile-compare'
import { ALWAYS, NEVER, anyIndexed, type EventTest } from './compile-leaf'
import { compileIn, compileMatch } from './compile-match'

/**
 * A compiled boolean expression: `test` is the hot path; `collect` gathers, for an event the
 * expression holds for, the leaf conditions that made it hold (for highlighting). `collect` is only
 * called after `test` returned true, so it may re-run tests.
 */
export interface Predicate {
  readonly test: EventTest
  readonly collect: (event: unknown, out: FieldHit[]) => void
}

const NO_HITS = (): void => undefined

export function compilePredicate(e: Expr, ctx: CompileContext): Predicate {
  switch (e.type) {
    case 'Logical': {
      const l = compilePredicate(e.left, ctx)
      const r = compilePredicate(e.right, ctx)
      return e.op === 'and' ? and(l, r) : or(l, r)
    }
    case 'Not': {
      const inner = compilePredicate(e.operand, ctx)
      // the fields under a `not` contributed by *not* matching: highlight them with the not's span
      return { test: not(inner.test), collect: leafHits(e) }
    }
    case 'Compare':
      return leaf(e, compileCompare(e, ctx))
    case 'Match':
      return leaf(e, compileMatch(e, ctx))
    case 'In':
      return leaf(e, compileIn(e, ctx))
    case 'Literal':
      return { test: e.value === true ? ALWAYS : NEVER, collect: NO_HITS }
    case 'Field':
    case 'Call':
    case 'Arith':
    case 'Negate': {
      // a boolean value used as a condition (`process where is_elevated`, `where startsWith(...)`)
      const code = compileValue(e, ctx)
      if (code.constant !== null) return { test: code.constant.value === true ? ALWAYS : NEVER, collect: NO_HITS }
      return leaf(e, anyIndexed(code, (v) => v === true))
    }
    case 'ErrorExpr':
      return { test: NEVER, collect: NO_HITS }
  }
}

function and(l: Predicate, r: Predicate): Predicate {
  const a = l.test
  const b = r.test
  if (a === NEVER || b === NEVER) return { test: NEVER, collect: NO_HITS }
  if (a === ALWAYS) return r
  if (b === ALWAYS) return l
  return {
    test: (ev) => a(ev) && b(ev),
    collect: (ev, out) => {
      l.collect(ev, out)
      r.collect(ev, out)
    },
  }
}

function or(l: Predicate, r: Predicate): Predicate {
  const a = l.test
  const b = r.test
  if (a === ALWAYS || b === ALWAYS) return { test: ALWAYS, collect: (ev, out) => collectIf(l, ev, out) || collectIf(r, ev, out) }
  if (a === NEVER) return r
  if (b === NEVER) return l
  return {
    test: (ev) => a(ev) || b(ev),
    collect: (ev, out) => {
      collectIf(l, ev, out)
      collectIf(r, ev, out)
    },
  }
}

function collectIf(p: Predicate, ev: unknown, out: FieldHit[]): boolean {
  if (!p.test(ev)) return false
  p.collect(ev, out)
  return true
}

function leaf(e: Expr, test: EventTest): Predicate {
  return { test, collect: leafHits(e) }
}

/** The hits of a leaf: every field it reads, with the leaf's span (computed once). */
function leafHits(e: Expr): (event: unknown, out: FieldHit[]) => void {
  const seen = new Set<string>()
  const hits: FieldHit[] = []
  for (const f of fieldsOf(e)) {
    if (seen.has(f.path)) continue
    seen.add(f.path)
    hits.push({ field: f.path, span: e.span })
  }
  if (hits.length === 0) return NO_HITS
  return (_event, out) => {
    for (const h of hits) out.push(h)
  }
}
