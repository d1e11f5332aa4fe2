import type { Call, Compare, Expr, In, Match } from '../eql/ast'
import { familyOf, isNullLiteral, type Family } from '../eql/check-types'
import type { CompileContext } from '../eql/compile-context'
import { compileValue } from '../eql/compile-expr'

/**
 * The case and wildcard rule of an EQL clause, in a few words (docs/eql-semantics.md, "Strings,
 * wildcards, case"). Descriptive only: the clause's value always comes from the compiled matcher.
 */
export function eqlRule(e: Expr, ctx: CompileContext): string | undefined {
  switch (e.type) {
    case 'Compare':
      return compareRule(e, ctx)
    case 'Match':
      return matchRule(e)
    case 'In':
      return inRule(e, ctx)
    case 'Call':
      return callRule(e)
    case 'Field':
      return 'a boolean field as a condition: true when any of its values is true'
    case 'Not':
      return 'the complement: true for every event the operand does not hold for, including events without its fields'
    default:
      return undefined
  }
}

export const CATEGORY_RULE = 'exact, case-sensitive term on the event category field; any value of an array matches'

function familyOfSide(e: Expr, ctx: CompileContext): Family {
  return familyOf(compileValue(e, ctx).type)
}

function compareRule(e: Compare, ctx: CompileContext): string {
  if (isNullLiteral(e.left) || isNullLiteral(e.right)) {
    if (e.op === '==') return 'null check: true when the field has no value'
    if (e.op === '!=') return 'null check: true when the field has a value'
    return 'a comparison with null is null (false for every event)'
  }
  const subject = compileValue(e.left, ctx).constant === null ? e.left : e.right
  const family = familyOfSide(subject, ctx)
  if (e.op === '==' || e.op === '!=') {
    const base = equalityRule(family)
    return e.op === '==' ? `${base}; any value of a multi-valued field` : `${base}; the complement of ==, so true when the field has no value`
  }
  return orderRule(family)
}

function equalityRule(family: Family): string {
  switch (family) {
    case 'string':
      return 'case-sensitive equality, no wildcards (* and ? are literal)'
    case 'numeric':
      return 'numeric equality (numbers sent as strings are coerced)'
    case 'date':
      return 'date equality: the value is parsed with the field format (date math allowed)'
    case 'ip':
      return 'address equality; a CIDR block matches the addresses inside it'
    case 'boolean':
      return 'boolean equality'
    case 'version':
      return 'version equality'
    default:
      return 'equality of indexed values'
  }
}

function orderRule(family: Family): string {
  switch (family) {
    case 'string':
      return 'ordering of strings by code points, case-sensitive; any value of a multi-valued field'
    case 'numeric':
      return 'numeric ordering; any value of a multi-valued field'
    case 'date':
      return 'date ordering (date math allowed); any value of a multi-valued field'
    case 'ip':
      return 'address ordering; any value of a multi-valued field'
    case 'version':
      return 'semantic version ordering; any value of a multi-valued field'
    default:
      return 'ordering of indexed values; any value of a multi-valued field'
  }
}

function matchRule(e: Match): string {
  const any = e.patterns.length > 1 ? '; any pattern' : ''
  switch (e.op) {
    case ':':
      return `case-insensitive, * and ? wildcards${any}`
    case 'like':
      return `case-sensitive, * and ? wildcards${any}`
    case 'like~':
      return `case-insensitive, * and ? wildcards${any}`
    case 'regex':
      return `case-sensitive Lucene regular expression over the whole value${any}`
    case 'regex~':
      return `case-insensitive Lucene regular expression over the whole value${any}`
  }
}

function inRule(e: In, ctx: CompileContext): string {
  const family = familyOfSide(e.subject, ctx)
  const cased = family === 'string' ? (e.caseInsensitive ? 'case-insensitive, ' : 'case-sensitive, ') : ''
  const head = `${cased}exact values, no wildcards`
  return e.negated
    ? `${head}: true when no item matches, including when the field has no value`
    : `${head}: true when any value equals any item`
}

const CASED_FUNCTIONS: ReadonlySet<string> = new Set(['between', 'endswith', 'indexof', 'startswith', 'stringcontains'])

function callRule(e: Call): string {
  const name = e.name.toLowerCase()
  if (CASED_FUNCTIONS.has(name)) return e.caseInsensitive ? `${e.name}~: case-insensitive` : `${e.name}: case-sensitive`
  if (name === 'cidrmatch') return 'cidrMatch: true when the address is inside any of the CIDR blocks'
  return `${e.name}: true when the function returns true (null arguments give null)`
}
