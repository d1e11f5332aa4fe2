import type { FieldSpec } from '../schema/types'
import type { Span } from '../source/span'
import { compileGetter, compileObjectGetter, leafValuesUnder } from '../values/field-getter'
import { sourcePathOf } from '../schema/field-type-names'
import type { ValueFault } from '../values/indexed-types'
import type { Target } from './check-fields'
import { KQL_CHECK_CODES } from './codes-check'
import { report, type CompileContext } from './compile-context'
import { keywordTest, keywordText } from './compile-values'
import { ALWAYS, NEVER, type ConstantCell, type EventTest } from './program'

/**
 * Field types whose answer does not come from one value of the event: constant_keyword (spec
 * §5.2) and flattened roots; and reporting of constants a field type cannot parse.
 */

/**
 * constant_keyword: with a `value` in the mapping every event answers alike, even one without the
 * field. Without one, Elasticsearch adopts the first indexed document's value: an event answers
 * with its own value, or, when it has none, with the first value in the run's events (see
 * ConstantCell; warned once per field).
 */
export function constantKeyword(t: Target, spec: FieldSpec, pred: (s: string) => boolean, ctx: CompileContext, at: Span): EventTest {
  if (spec.constantValue !== undefined) return pred(spec.constantValue) ? ALWAYS : NEVER
  if (!ctx.warned.has(t.name)) {
    ctx.warned.add(t.name)
    report(ctx, KQL_CHECK_CODES.constantFromEvents, at, { name: t.name })
  }
  const cell = constantCell(t, spec, ctx)
  const read = t.read
  const own = keywordTest(read, undefined, pred)
  return (event) => {
    if (read(event) !== undefined) return own(event)
    const v = cell.value
    return v !== undefined && pred(v)
  }
}

function constantCell(t: Target, spec: FieldSpec, ctx: CompileContext): ConstantCell {
  let cell = ctx.constants.get(t.name)
  if (cell === undefined) {
    cell = { read: compileGetter(sourcePathOf(spec)), value: undefined }
    ctx.constants.set(t.name, cell)
  }
  return cell
}

/** A flattened root: any leaf anywhere under it, as keyword text. */
export function flattenedTest(t: Target, spec: FieldSpec, pred: (s: string) => boolean): EventTest {
  const objects = compileObjectGetter(t.path)
  const direct = keywordTest(t.read, spec.ignoreAbove, pred)
  const ia = spec.ignoreAbove
  return (event) => {
    if (direct(event)) return true
    for (const o of objects(event)) {
      for (const raw of leafValuesUnder(o)) {
        const s = keywordText(raw, ia)
        if (s !== undefined && pred(s)) return true
      }
    }
    return false
  }
}

/** Reports a constant the field type cannot parse (the search would fail); the clause is dead. */
export function reportFault(ctx: CompileContext, spec: FieldSpec, f: ValueFault, at: Span): EventTest {
  const params = { name: spec.name, type: spec.type, reason: f.fault }
  switch (spec.type) {
    case 'date':
    case 'date_nanos':
      report(ctx, KQL_CHECK_CODES.badDate, at, params)
      break
    case 'ip':
      report(ctx, KQL_CHECK_CODES.badIp, at, params)
      break
    case 'boolean':
      report(ctx, KQL_CHECK_CODES.badBoolean, at, params)
      break
    default:
      report(ctx, KQL_CHECK_CODES.badNumber, at, params)
  }
  return NEVER
}
