import type { Diagnostic } from '../diagnostics/diagnostic'
import type { Schema } from '../schema/types'
import type { EventFilter, Expr, Stage, Statement } from './ast'
import { assertNever } from './ast'
import { compatible, familyOf } from './check-types'
import { CheckEnv, type Info } from './check-env'
import { checkExpr } from './check-expr'
import { suggestion } from './check-suggest'
import type { CompileContext } from './compile-context'
import type { EqlSettings } from './settings'

/**
 * Elasticsearch's verification of a parsed EQL statement: unknown columns and functions, arity and
 * argument types, constants where required, field-to-field comparisons, non-string pattern
 * operands, text-only and unsupported fields, boolean conditions, join keys, and the event category
 * field's mapping. Messages use Elasticsearch's wording. Also a few warnings Elasticsearch does not
 * give but analysts want (`==` with a `*`, constants over ignore_above, always-false conditions).
 *
 * `text` (the query) lets messages quote the query as written; without it expressions are printed.
 */
export function checkEql(
  statement: Statement,
  schema: Schema,
  settings: EqlSettings,
  text?: string,
  options: Pick<CompileContext, 'regexOptions' | 'now'> = {},
): Diagnostic[] {
  const env = new CheckEnv(schema, { schema, settings, ...options }, text)
  const q = statement.query
  switch (q.type) {
    case 'EventQuery':
      checkFilter(q.filter, env, settings)
      break
    case 'SequenceQuery':
    case 'SampleQuery': {
      const stages: Stage[] = [...q.stages, ...(q.type === 'SequenceQuery' && q.until !== null ? [q.until] : [])]
      const common = q.keys.map((k) => checkKey(k, env))
      const perStage = stages.map((s) => {
        checkFilter(s.filter, env, settings)
        return s.keys.map((k) => checkKey(k, env))
      })
      checkJoinKeys(common, perStage, env)
      break
    }
    default:
      assertNever(q)
  }
  return env.diagnostics
}

function checkFilter(filter: EventFilter, env: CheckEnv, settings: EqlSettings): void {
  if (filter.category.name !== null && env.schema.resolve(settings.eventCategoryField) === undefined) {
    // one report per statement is enough: every non-`any` filter has the same problem
    if (!env.categoryReported) {
      env.report('unknownColumn', filter.category.span, {
        name: settings.eventCategoryField,
        suggestion: suggestion(settings.eventCategoryField, env.schema.names()),
      })
    }
    env.categoryReported = true
  }
  const info = checkExpr(filter.condition, env)
  if (!info.bad && info.type !== 'boolean' && info.type !== 'null') {
    env.report('conditionNotBoolean', filter.condition.span, { type: info.type })
  }
}

function checkKey(key: Expr, env: CheckEnv): { expr: Expr; info: Info } {
  env.inKey = true
  const info = checkExpr(key, env)
  env.inKey = false
  return { expr: key, info }
}

/** Keys at one position have compatible types across stages (Elasticsearch's verifier). */
function checkJoinKeys(
  common: readonly { expr: Expr; info: Info }[],
  perStage: readonly (readonly { expr: Expr; info: Info }[])[],
  env: CheckEnv,
): void {
  const first = perStage[0]
  if (first === undefined) return
  // the parser reports a different number of keys (Elasticsearch's LogicalPlanBuilder does)
  if (perStage.some((keys) => keys.length !== first.length)) return
  for (let k = 0; k < first.length; k++) {
    const base = first[k]
    if (base === undefined || base.info.bad) continue
    for (let s = 1; s < perStage.length; s++) {
      const other = perStage[s]?.[k]
      if (other === undefined || other.info.bad) continue
      if (!compatible(base.info.type, other.info.type) || familyOf(base.info.type) === 'other') {
        env.report('joinKeyType', other.expr.span, {
          name: env.src(other.expr),
          type: other.info.type,
          otherName: env.src(base.expr),
          otherType: base.info.type,
        })
      }
    }
  }
  void common // sequence-level keys apply to every stage alike: nothing to compare
}
