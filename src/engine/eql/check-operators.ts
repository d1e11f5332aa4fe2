import type { Compare, Expr, In, Literal, Match } from './ast'
import { compatible, familyOf, literalType, type DataType } from './check-types'
import { BAD, type CheckEnv, type Info } from './check-env'
import { numericOrdinal } from './check-source'
import { accepts, argumentType, checkExpr, reportText, textOnly } from './check-expr'
import { compileValue } from './compile-expr'
import { convertConstant } from './compile-constant'
import { dateRange, isDateField } from './compile-date'
import { isFault } from '../values/indexed-types'
import { parseCidr } from '../values/ip-address'
import { compileLuceneRegex } from '../values/lucene-regex'

const BOOL: Info = { type: 'boolean', constant: false, bad: false, field: null }
const BAD_BOOL: Info = { ...BAD, type: 'boolean' }

/** `==` `!=` `<` `<=` `>` `>=`: one side must be constant; the constant must suit the other side. */
export function checkCompare(e: Compare, env: CheckEnv): Info {
  const l = checkExpr(e.left, env)
  const r = checkExpr(e.right, env)
  if (l.bad || r.bad) return BAD_BOOL
  if (l.constant && r.constant) {
    const ordering = e.op !== '==' && e.op !== '!='
    if (ordering && (l.type === 'null' || r.type === 'null')) env.report('alwaysNull', e.span, { source: env.src(e) })
    return { ...BOOL, constant: true }
  }
  if (!l.constant && !r.constant) {
    env.report('fieldComparison', e.right.span, { offender: env.src(e.right), source: e.op })
    if (e.left.type === 'Field' && e.right.type === 'Field' && e.left.path === e.right.path) {
      env.report('sameField', e.span, { name: e.left.path })
    }
    return BAD_BOOL
  }
  const subjectLeft = !l.constant
  const subject = subjectLeft ? e.left : e.right
  const sInfo = subjectLeft ? l : r
  const constant = subjectLeft ? e.right : e.left
  const cInfo = subjectLeft ? r : l
  if (textOnly(sInfo)) {
    reportText(env, e, subjectLeft ? 0 : 1, subject)
    return BAD_BOOL
  }
  if (cInfo.type === 'null') {
    if (e.op !== '==' && e.op !== '!=') env.report('alwaysNull', e.span, { source: env.src(e) })
    return BOOL
  }
  if (!checkConstant(env, subject, sInfo, constant, cInfo.type, e.op === '==' || e.op === '!=')) return BAD_BOOL
  if ((e.op === '==' || e.op === '!=') && familyOf(sInfo.type) === 'string') wildcardWarning(env, constant, e.op)
  return BOOL
}

/** `:` `like` `like~` `regex` `regex~`: string operands only; regexes must compile. */
export function checkMatch(e: Match, env: CheckEnv): Info {
  const s = checkExpr(e.subject, env)
  let ok = !s.bad
  if (ok && s.type === 'null') env.report('alwaysNull', e.span, { source: env.src(e) })
  if (ok && !accepts('string', s)) {
    ok = argumentType(env, e, 0, e.subject, s, 'string', e.op === ':' ? '; consider using [==] instead' : '')
  } else if (ok && textOnly(s)) {
    reportText(env, e, 0, e.subject)
    ok = false
  }
  e.patterns.forEach((p, i) => {
    if (p.kind !== 'string' && p.kind !== 'null') {
      ok = argumentType(env, e, i + 1, p, literalInfo(p), 'string')
      return
    }
    if ((e.op === 'regex' || e.op === 'regex~') && typeof p.value === 'string') {
      const re = compileLuceneRegex(p.value, { ...env.ctx.regexOptions, caseInsensitive: e.op === 'regex~' })
      if (!re.ok) {
        env.report('badRegex', p.span, { pattern: p.value, reason: re.message.includes('position') ? re.message : `${re.message} at position ${re.offset}` })
        ok = false
      }
    }
  })
  return ok ? BOOL : BAD_BOOL
}

/** `in` / `in~`: constant items only, each of the subject's type family. */
export function checkIn(e: In, env: CheckEnv): Info {
  const s = checkExpr(e.subject, env)
  const items = e.items.map((i) => checkExpr(i, env))
  let ok = !s.bad && !items.some((i) => i.bad)
  e.items.forEach((item, i) => {
    const info = items[i]
    if (info !== undefined && !info.bad && !info.constant) {
      env.report('fieldComparison', item.span, { offender: env.src(item), source: env.src(e) })
      ok = false
    }
  })
  if (s.bad) return BAD_BOOL
  if (s.type === 'null') env.report('alwaysNull', e.span, { source: env.src(e) })
  if (e.caseInsensitive && !accepts('string', s)) return argumentType(env, e, 0, e.subject, s, 'string') || BAD_BOOL
  if (textOnly(s)) {
    reportText(env, e, 0, e.subject)
    return BAD_BOOL
  }
  if (s.constant) return ok ? BOOL : BAD_BOOL
  e.items.forEach((item, i) => {
    const info = items[i]
    if (info === undefined || info.bad || !info.constant || info.type === 'null') return
    if (!inCompatible(s.type, info.type)) {
      // QL numbers list elements from 1 (`2nd argument of [x in (1, "a")]` names "a")
      ok = argumentType(env, e, numericOrdinal(i + 1), item, info, s.type)
      return
    }
    if (!checkConstant(env, e.subject, s, item, info.type, true)) ok = false
    else if (familyOf(s.type) === 'string') wildcardWarning(env, item, e.caseInsensitive ? 'in~' : 'in')
  })
  return ok ? BOOL : BAD_BOOL
}

/**
 * QL's list rule (same type family), relaxed for strings naming dates, ips and versions, which
 * Elasticsearch parses with the field's type when it builds the terms query.
 */
function inCompatible(subject: DataType, item: DataType): boolean {
  if (compatible(subject, item)) return true
  const f = familyOf(subject)
  return (f === 'date' || f === 'ip' || f === 'version') && familyOf(item) === 'string'
}

/** Converts the constant to the subject's indexed form as the compiler will; reports failures. */
function checkConstant(env: CheckEnv, subject: Expr, sInfo: Info, constant: Expr, cType: DataType, equality: boolean): boolean {
  const value = compileValue(constant, env.ctx).constant?.value
  if (value === null || value === undefined) return true
  if (equality && familyOf(sInfo.type) === 'ip' && typeof value === 'string' && value.includes('/')) {
    const cidr = parseCidr(value)
    if (!isFault(cidr)) return true
    env.report('unconvertibleConstant', constant.span, { name: env.src(subject), type: sInfo.type, value: env.src(constant), reason: cidr.fault })
    return false
  }
  const code = compileValue(subject, env.ctx)
  if (isDateField(code) && code.field !== null) {
    const range = dateRange(value, code.field.spec, env.ctx.now ?? Date.now())
    if (typeof range !== 'string') return true
    env.report('unconvertibleConstant', constant.span, { name: env.src(subject), type: sInfo.type, value: env.src(constant), reason: range })
    return false
  }
  const converted = convertConstant(value, cType, code, equality)
  if (converted.kind === 'error') {
    env.report('unconvertibleConstant', constant.span, {
      name: env.src(subject),
      type: sInfo.type,
      value: env.src(constant),
      reason: converted.reason,
    })
    return false
  }
  if (converted.kind === 'never' && sInfo.field !== null && typeof value === 'string') {
    const limit = sInfo.field.exact?.ignoreAbove
    if (limit !== undefined && value.length > limit) {
      env.report('ignoreAbove', constant.span, { value: env.src(constant), limit, name: env.src(subject) })
    }
  }
  return true
}

function wildcardWarning(env: CheckEnv, constant: Expr, op: string): void {
  if (constant.type === 'Literal' && typeof constant.value === 'string' && constant.value.includes('*')) {
    env.report('wildcardInEquals', constant.span, { op, value: constant.value })
  }
}

function literalInfo(p: Literal): Info {
  return { type: literalType(p.kind), constant: true, bad: false, field: null }
}
