import type { FieldHit } from '../result'
import type { EventFilter, FieldRef } from './ast'
import { compileValue } from './compile-expr'
import type { CompileContext } from './compile-context'
import { equalsTest } from './compile-compare'
import { constantCode } from './compile-expr'
import { ALWAYS, NEVER, type EventTest } from './compile-leaf'
import { compilePredicate } from './compile-predicate'
import { adaptiveAnd } from './adaptive-and'

/**
 * A compiled event filter (category test + condition), what the runner calls for every event.
 * `hits` is only meant for matched events: it returns [] for the others.
 */
export interface CompiledFilter {
  test(event: unknown): boolean
  hits(event: unknown): FieldHit[]
}

/**
 * Compiles `category where condition`. The category test is Elasticsearch's: an exact,
 * case-sensitive term test on settings.eventCategoryField (any element of an array category);
 * `any` has none. When the condition is pure, the category joins its conjuncts in a learnt
 * order (adaptive-and.ts); otherwise it is tested first, since most events fail it.
 */
export function compileFilter(filter: EventFilter, ctx: CompileContext): CompiledFilter {
  const cond = compilePredicate(filter.condition, ctx)
  const category = filter.category.name === null ? null : categoryTest(filter, filter.category.name, ctx)
  const condTest = cond.test
  let test: EventTest
  if (category === null) test = condTest
  else if (condTest === ALWAYS) test = category
  else if (condTest === NEVER || category === NEVER) test = NEVER
  else if (cond.conjuncts !== null) test = adaptiveAnd([{ test: category, cost: 1 }, ...cond.conjuncts])
  else test = (ev) => category(ev) && condTest(ev)
  const categoryHit: FieldHit = { field: ctx.settings.eventCategoryField, span: filter.category.span }
  return {
    test,
    hits: (event) => {
      if (!test(event)) return []
      const out: FieldHit[] = category === null ? [] : [categoryHit]
      cond.collect(event, out)
      return out
    },
  }
}

function categoryTest(filter: EventFilter, name: string, ctx: CompileContext): EventTest {
  const path = ctx.settings.eventCategoryField
  const ref: FieldRef = { type: 'Field', path, segments: path.split('.'), optional: false, span: filter.category.span }
  const field = compileValue(ref, ctx)
  if (field.constant !== null) return NEVER // unmapped category field: a check error
  return equalsTest(field, name, constantCode(name, 'keyword'))
}
