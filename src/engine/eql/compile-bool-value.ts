import type { Compare, Expr, In, Logical, Match, Not } from './ast'
import { fieldsOf, isNullLiteral } from './check-types'
import { compileCompare } from './compile-compare'
import type { CompileContext } from './compile-context'
import { compileValue, constantCode, type ValueCode } from './compile-expr'
import { hasValue, type EventTest } from './compile-leaf'
import { compileIn, compileMatch } from './compile-match'

/**
 * A condition used as a *value* (`null == (exit_code > -1)`, `string(x == 1)`): Elasticsearch
 * evaluates it in a script, where a comparison with a missing operand is null, not false, and
 * `not`/`and`/`or` follow three-valued logic. So `null == (exit_code > -1)` holds exactly for events
 * without `exit_code`. (As a condition, the same expression keeps document semantics: predicate.ts.)
 */
type Tri = (event: unknown) => boolean | undefined

export function compileBooleanValue(e: Compare | Match | In | Not | Logical, ctx: CompileContext): ValueCode {
  if (fieldsOf(e).length === 0 || isAllConstant(e, ctx)) {
    const t = tri(e, ctx)(undefined)
    return constantCode(t === undefined ? null : t, 'boolean')
  }
  const t = tri(e, ctx)
  return {
    type: 'boolean',
    constant: null,
    foldError: null,
    read: t,
    index: (raw) => (typeof raw === 'boolean' ? raw : undefined),
    field: null,
  }
}

function isAllConstant(e: Expr, ctx: CompileContext): boolean {
  return fieldsOf(e).every((f) => compileValue(f, ctx).constant !== null)
}

function tri(e: Expr, ctx: CompileContext): Tri {
  switch (e.type) {
    case 'Not': {
      const inner = tri(e.operand, ctx)
      return (ev) => {
        const v = inner(ev)
        return v === undefined ? undefined : !v
      }
    }
    case 'Logical': {
      const l = tri(e.left, ctx)
      const r = tri(e.right, ctx)
      if (e.op === 'and') {
        return (ev) => {
          const a = l(ev)
          if (a === false) return false
          const b = r(ev)
          if (b === false) return false
          return a === undefined || b === undefined ? undefined : true
        }
      }
      return (ev) => {
        const a = l(ev)
        if (a === true) return true
        const b = r(ev)
        if (b === true) return true
        return a === undefined || b === undefined ? undefined : false
      }
    }
    case 'Compare': {
      const nullCheck = isNullLiteral(e.left) || isNullLiteral(e.right)
      return guarded(nullCheck ? [] : [e.left, e.right], compileCompare(e, ctx), ctx)
    }
    case 'Match':
      return guarded([e.subject], compileMatch(e, ctx), ctx)
    case 'In':
      return guarded([e.subject], compileIn(e, ctx), ctx)
    default: {
      // a boolean-valued field or function
      const code = compileValue(e, ctx)
      const read = code.read
      const index = code.index
      return (ev) => {
        const raw = read(ev)
        if (raw === undefined) return undefined
        const items = Array.isArray(raw) ? (raw as unknown[]) : [raw]
        let seen = false
        for (const item of items) {
          const v = index(item)
          if (v === true) return true
          if (v !== undefined) seen = true
        }
        return seen ? false : undefined
      }
    }
  }
}

/** null when an operand has no value, else the predicate's answer. */
function guarded(operands: readonly Expr[], test: EventTest, ctx: CompileContext): Tri {
  const present: EventTest[] = operands
    .map((o) => compileValue(o, ctx))
    .filter((c) => c.constant === null || c.constant.value === null)
    .map((c) => (c.constant !== null ? () => false : hasValue(c)))
  return (ev) => {
    for (const p of present) if (!p(ev)) return undefined
    return test(ev)
  }
}
