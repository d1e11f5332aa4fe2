import type { FieldHit } from '../result'
import type { Expr } from './ast'
import { fieldsOf } from './check-types'
import { compileValue } from './compile-expr'
import type { CompileContext } from './compile-context'
import { compileCompare, not } from './compile-compare'
import { ALWAYS, NEVER, NULL_CONDITION, anyIndexed, type EventTest } from './compile-leaf'
import { compileIn, compileMatch } from './compile-match'
import { adaptiveAnd, type Conjunct } from './adaptive-and'

/**
 * A compiled boolean expression. `test` is the hot path: the events the expression is true for.
 * `falseTest` gives the events it is false for: at document level that is the complement of
 * `test`, except where Elasticsearch folded a subexpression to null (NULL_CONDITION), which is
 * neither true nor false, so `not` stays exact (`not ?unmapped : "a"` matches nothing).
 * `collect` gathers, for an event the expression holds for, the leaf conditions that made it hold
 * (for highlighting); it is only called after `test` returned true, so it may re-run tests.
 */
export interface Predicate {
  readonly test: EventTest
  readonly falseTest: EventTest
  readonly collect: (event: unknown, out: FieldHit[]) => void
  /**
   * When the expression is pure (reads plain fields only: nothing that could record a search
   * fault), the tests whose conjunction is `test`, flattened through `and`; the filter may
   * evaluate them in any order (see adaptive-and.ts). Null when the expression is not pure.
   */
  readonly conjuncts: readonly Conjunct[] | null
}

const NO_HITS = (): void => undefined
const TRUE: Predicate = { test: ALWAYS, falseTest: NEVER, collect: NO_HITS, conjuncts: [] }
const FALSE: Predicate = { test: NEVER, falseTest: ALWAYS, collect: NO_HITS, conjuncts: [{ test: NEVER, cost: 1 }] }
const NULL: Predicate = { test: NEVER, falseTest: NEVER, collect: NO_HITS, conjuncts: [{ test: NEVER, cost: 1 }] }

/** Compiles a condition (document-level semantics, see Predicate). */
export function compilePredicate(e: Expr, ctx: CompileContext): Predicate {
  switch (e.type) {
    case 'Logical': {
      const l = compilePredicate(e.left, ctx)
      const r = compilePredicate(e.right, ctx)
      if (e.op === 'and') return and(l, r)
      const p = or(l, r)
      // one conjunct: its cost counts each field once, however many branches read it
      return p.conjuncts?.length === 1 ? { ...p, conjuncts: [{ test: p.test, cost: costOf(e) }] } : p
    }
    case 'Not': {
      const inner = compilePredicate(e.operand, ctx)
      // the fields under a `not` contributed by *not* matching: highlight them with the not's span
      const test = inner.falseTest
      return { test, falseTest: inner.test, collect: leafHits(e), conjuncts: inner.conjuncts === null ? null : [{ test, cost: costOf(e) }] }
    }
    case 'Compare':
      return leaf(e, compileCompare(e, ctx))
    case 'Match':
      return leaf(e, compileMatch(e, ctx))
    case 'In':
      return leaf(e, compileIn(e, ctx))
    case 'Literal':
      return e.value === true ? TRUE : e.value === null ? NULL : FALSE
    case 'Field':
    case 'Call':
    case 'Arith':
    case 'Negate': {
      // a boolean value used as a condition (`process where is_elevated`, `where startsWith(...)`)
      const code = compileValue(e, ctx)
      if (code.constant !== null) return code.constant.value === true ? TRUE : code.constant.value === null ? NULL : FALSE
      return leaf(e, anyIndexed(code, (v) => v === true))
    }
    case 'ErrorExpr':
      return NULL
  }
}

function and(l: Predicate, r: Predicate): Predicate {
  if (l === TRUE) return r
  if (r === TRUE) return l
  if (l === FALSE || r === FALSE) return FALSE
  const a = l.test
  const b = r.test
  const fa = l.falseTest
  const fb = r.falseTest
  const conjuncts = l.conjuncts === null || r.conjuncts === null ? null : [...l.conjuncts, ...r.conjuncts]
  return {
    test: a === NEVER || b === NEVER ? NEVER : conjuncts !== null ? adaptiveAnd(conjuncts) : (ev) => a(ev) && b(ev),
    falseTest: fa === ALWAYS || fb === ALWAYS ? ALWAYS : (ev) => fa(ev) || fb(ev),
    collect: (ev, out) => {
      l.collect(ev, out)
      r.collect(ev, out)
    },
    conjuncts,
  }
}

function or(l: Predicate, r: Predicate): Predicate {
  if (l === FALSE) return r
  if (r === FALSE) return l
  if (l === TRUE || r === TRUE) return { ...TRUE, collect: (ev, out) => collectIf(l, ev, out) || collectIf(r, ev, out) }
  const a = l.test
  const b = r.test
  const fa = l.falseTest
  const fb = r.falseTest
  const test: EventTest = a === NEVER ? b : b === NEVER ? a : (ev) => a(ev) || b(ev)
  return {
    test,
    falseTest: fa === NEVER || fb === NEVER ? NEVER : (ev) => fa(ev) && fb(ev),
    collect: (ev, out) => {
      collectIf(l, ev, out)
      collectIf(r, ev, out)
    },
    conjuncts: l.conjuncts === null || r.conjuncts === null ? null : [{ test, cost: 1 }],
  }
}

function collectIf(p: Predicate, ev: unknown, out: FieldHit[]): boolean {
  if (!p.test(ev)) return false
  p.collect(ev, out)
  return true
}

function leaf(e: Expr, test: EventTest): Predicate {
  if (test === NULL_CONDITION) return NULL
  if (test === ALWAYS) return TRUE
  if (test === NEVER) return FALSE
  return { test, falseTest: not(test), collect: leafHits(e), conjuncts: isPure(e) ? [{ test, cost: costOf(e) }] : null }
}

/**
 * A rough cost of testing a pure expression. On large event sets reading a field (a walk through
 * objects spread over the heap) outweighs comparing its value, so the cost counts the distinct
 * fields read, plus half a read for each match that folds case (allocates) or runs a regex.
 */
function costOf(e: Expr): number {
  const fields = new Set(fieldsOf(e).map((f) => f.path)).size
  return Math.max(1, fields) + matchExtra(e)
}

function matchExtra(e: Expr): number {
  switch (e.type) {
    case 'Match':
      return e.op === 'like' ? 0 : 0.5
    case 'In':
      return e.caseInsensitive ? 0.5 : 0
    case 'Not':
      return matchExtra(e.operand)
    case 'Logical':
      return matchExtra(e.left) + matchExtra(e.right)
    default:
      return 0
  }
}

/**
 * Whether evaluating the expression can have no effect but its answer: functions and arithmetic
 * over fields may record a search fault for an event (search-faults.ts), so whether they run at
 * all must not depend on evaluation order. Over constants they are folded at compile time.
 */
function isPure(e: Expr): boolean {
  switch (e.type) {
    case 'Literal':
    case 'Field':
    case 'ErrorExpr':
      return true
    case 'Call':
    case 'Arith':
    case 'Negate':
      return fieldsOf(e).length === 0
    case 'Not':
      return isPure(e.operand)
    case 'Compare':
    case 'Logical':
      return isPure(e.left) && isPure(e.right)
    case 'Match':
      return isPure(e.subject)
    case 'In':
      return isPure(e.subject) && e.items.every(isPure)
  }
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
