import type { Call, Expr, FieldRef } from './ast'
import { familyOf, literalType, numericKind, resolveField, typeOfKind, widerKind, type DataType } from './check-types'
import { BAD, leafName, type CheckEnv, type Info } from './check-env'
import { ordinal } from './check-source'
import { suggestion } from './check-suggest'
import { checkCompare, checkIn, checkMatch } from './check-operators'
import { compileValue } from './compile-expr'
import { nestedAncestorOf } from '../schema/field-type-names'
import { FUNCTIONS, lookupFunction } from './functions/registry'
import type { ParamKind } from './functions/function-def'

/**
 * Type-checks an expression the way Elasticsearch's analyzer and verifier do, reporting into `env`,
 * and returns what the caller needs to check its own operands.
 */
export function checkExpr(e: Expr, env: CheckEnv): Info {
  switch (e.type) {
    case 'Literal':
      return { type: literalType(e.kind), constant: true, bad: false, field: null }
    case 'Field':
      return checkField(e, env)
    case 'Call':
      return checkCall(e, env)
    case 'Negate': {
      const operand = checkExpr(e.operand, env)
      if (operand.bad) return BAD
      if (!accepts('numeric', operand)) {
        argumentType(env, e, 0, e.operand, operand, 'numeric')
        return BAD
      }
      return folded(e, env, { ...operand, field: null })
    }
    case 'Arith': {
      const l = checkExpr(e.left, env)
      const r = checkExpr(e.right, env)
      if (l.bad || r.bad) return BAD
      let ok = true
      if (!accepts('numeric', l)) ok = argumentType(env, e, 0, e.left, l, 'numeric')
      if (!accepts('numeric', r)) ok = argumentType(env, e, 1, e.right, r, 'numeric')
      if (!ok) return BAD
      const type: DataType =
        l.type === 'null' && r.type === 'null' ? 'null' : typeOfKind(widerKind(numericKind(l.type), numericKind(r.type)))
      if ((e.op === '/' || e.op === '%') && !l.constant && divisionByZero(e, e.right, type, env)) return BAD
      return folded(e, env, { type, constant: l.constant && r.constant, bad: false, field: null })
    }
    case 'Compare':
      return checkCompare(e, env)
    case 'Match':
      return checkMatch(e, env)
    case 'In':
      return checkIn(e, env)
    case 'Not': {
      const operand = checkExpr(e.operand, env)
      if (!operand.bad && !accepts('boolean', operand)) argumentType(env, e, 0, e.operand, operand, 'boolean')
      return { type: 'boolean', constant: operand.constant, bad: operand.bad, field: null }
    }
    case 'Logical': {
      const l = checkExpr(e.left, env)
      const r = checkExpr(e.right, env)
      if (!l.bad && !accepts('boolean', l)) argumentType(env, e, 0, e.left, l, 'boolean')
      if (!r.bad && !accepts('boolean', r)) argumentType(env, e, 1, e.right, r, 'boolean')
      return { type: 'boolean', constant: l.constant && r.constant, bad: l.bad || r.bad, field: null }
    }
    case 'ErrorExpr':
      return BAD // the parser reported it
  }
}

function checkField(e: FieldRef, env: CheckEnv): Info {
  const res = resolveField(env.schema, e)
  switch (res.kind) {
    case 'unknown':
      env.report('unknownColumn', e.span, { name: e.path, suggestion: suggestion(e.path, env.schema.names()) })
      return BAD
    case 'null':
      return { type: 'null', constant: true, bad: false, field: null }
    case 'field':
      break
  }
  const nested = nestedAncestorOf(env.schema, res.readPath)
  if (nested !== undefined) {
    env.report('nestedHierarchy', e.span, { name: e.path, parent: nested })
    return BAD
  }
  if (res.spec.searchable === false && !env.inKey) {
    env.report('notSearchable', e.span, { name: e.path })
    return BAD
  }
  switch (res.spec.type) {
    case 'nested':
      env.report('nestedField', e.span, { name: e.path })
      return BAD
    case 'object':
      env.report('objectField', e.span, { name: e.path })
      return BAD
    case 'geo_point':
    case 'flattened':
    case 'unsupported':
    case 'alias':
      env.report('unsupportedType', e.span, { name: e.path, type: res.spec.type })
      return BAD
    default:
      return { type: res.spec.type, constant: false, bad: false, field: res }
  }
}

const FUNCTION_NAMES = FUNCTIONS.map((f) => f.name)

function checkCall(e: Call, env: CheckEnv): Info {
  const args = e.args.map((a) => checkExpr(a, env))
  const def = lookupFunction(e.name)
  if (def === undefined) {
    env.report('unknownFunction', e.nameSpan, { name: e.name, suggestion: suggestion(e.name.toLowerCase(), FUNCTION_NAMES) })
    return BAD
  }
  if (args.length < def.minArgs || args.length > def.maxArgs) {
    env.report('arity', e.span, { name: def.name, reason: def.arityReason })
    return BAD
  }
  if (e.caseInsensitive && !def.caseInsensitive) {
    env.report('noCaseInsensitiveVariant', e.nameSpan, { name: def.name })
    return BAD
  }
  let ok = !args.some((a) => a.bad)
  args.forEach((info, i) => {
    const arg = e.args[i]
    if (info.bad || arg === undefined) return
    const spec = def.param(i)
    if (spec.constant && !info.constant) {
      env.report('constantRequired', arg.span, { ordinal: ordinal(i), source: env.src(e), value: env.src(arg) })
      ok = false
    } else if (!accepts(spec.kind, info)) {
      ok = argumentType(env, e, i, arg, info, spec.kind)
    } else if ((spec.kind === 'string' || spec.kind === 'exact') && textOnly(info)) {
      reportText(env, e, i, arg)
      ok = false
    }
  })
  if (!ok) return BAD
  sameFieldTwice(e, env)
  const argTypes = args.map((a) => a.type)
  const divisor = e.args[1]
  if ((def.name === 'divide' || def.name === 'modulo') && divisor !== undefined && !args[0]?.constant) {
    if (divisionByZero(e, divisor, def.resultType(argTypes), env)) return BAD
  }
  const constants = e.args.map((a) => compileValue(a, env.ctx).constant?.value)
  const bound = def.bind({ caseInsensitive: e.caseInsensitive, argTypes, constants })
  if (!bound.ok) {
    const arg = e.args[bound.argIndex]
    env.report('functionArgument', arg?.span ?? e.span, { source: env.src(e), reason: bound.reason })
    return BAD
  }
  return folded(e, env, { type: def.resultType(argTypes), constant: args.every((a) => a.constant), bad: false, field: null })
}

/** `startsWith(x, x)`, `add(x, x)`: legal, but almost certainly not what was meant. */
function sameFieldTwice(e: Call, env: CheckEnv): void {
  const seen = new Set<string>()
  for (const a of e.args) {
    if (a.type !== 'Field') continue
    if (seen.has(a.path)) {
      env.report('sameField', e.span, { name: a.path })
      return
    }
    seen.add(a.path)
  }
}

/**
 * An integer division by a constant zero of a field: Elasticsearch's script throws "/ by zero" for
 * every document with a value, which fails the search; report it rather than match nothing.
 */
function divisionByZero(parent: Expr, divisor: Expr, type: DataType, env: CheckEnv): boolean {
  if (familyOf(type) !== 'numeric' || numericKind(type) === 'double') return false
  const v = compileValue(divisor, env.ctx).constant?.value
  if (v !== 0) return false
  env.report('arithmeticError', divisor.span, { source: env.src(parent), reason: '/ by zero' })
  return true
}

/** Reports a constant subexpression Elasticsearch would fail to fold (overflow, `/ by zero`, ...). */
function folded(e: Expr, env: CheckEnv, info: Info): Info {
  if (!info.constant) return info
  const code = compileValue(e, env.ctx)
  if (code.foldError === null) return info
  env.report('arithmeticError', e.span, { source: env.src(e), reason: code.foldError })
  return BAD
}

/** Whether a value of this type may be passed where `kind` is expected (null always may). */
export function accepts(kind: ParamKind, info: Info): boolean {
  const family = familyOf(info.type)
  if (family === 'null') return true
  switch (kind) {
    case 'string':
      return family === 'string'
    case 'numeric':
      return family === 'numeric'
    case 'integer':
      return family === 'numeric' && numericKind(info.type) !== 'double'
    case 'boolean':
      return family === 'boolean'
    case 'ip':
      return family === 'ip'
    case 'exact':
      return family !== 'other'
  }
}

/** A text field without a keyword sub-field: it has no exact values to compare or compute with. */
export function textOnly(info: Info): boolean {
  return info.field !== null && info.field.exact === null
}

/** Reports a text field without a keyword sub-field used where exact values are needed. */
export function reportText(env: CheckEnv, parent: Expr, index: number, arg: Expr): void {
  const name = arg.type === 'Field' ? leafName(arg.path) : env.src(arg)
  env.report('textField', arg.span, { source: env.src(parent), ordinal: ordinal(index), name })
}

/**
 * Reports "<ordinal> argument of [...] must be [...], found value [...] type [...]"; returns false.
 * `index` is a 0-based parameter index, or a ready-made ordinal (`in` lists say "2nd").
 */
export function argumentType(
  env: CheckEnv,
  parent: Expr,
  index: number | string,
  arg: Expr,
  info: Info,
  expected: string,
  hint = '',
): false {
  env.report('argumentType', arg.span, {
    ordinal: typeof index === 'string' ? index : ordinal(index),
    source: env.src(parent),
    expected,
    value: env.src(arg),
    type: info.type,
    hint,
  })
  return false
}
