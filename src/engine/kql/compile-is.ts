import type { Span } from '../source/span'
import type { IsNode, KqlValue, RangeNode } from './ast'
import { resolveField, type ResolvedField, type Target } from './check-fields'
import { KQL_CHECK_CODES } from './codes-check'
import { report, type CompileContext } from './compile-context'
import { FieldNames } from './compile-event-fields'
import { existsTest } from './compile-exists'
import { freeTextTest } from './compile-free-text'
import { matchTest } from './compile-match'
import { isAllStars, wholePattern } from './compile-pieces'
import { rangeTest } from './compile-range'
import { wildcardTest } from './compile-wildcard'
import { keywordText, orTests } from './compile-values'
import { compileWildcardParts } from '../values/wildcard'
import { NEVER, type EventTest } from './program'

/**
 * The leaf clauses `field:value` and `field <op> value`: resolve the field to its fields (one, or
 * every field a pattern matches), compile the per-type test for each, and OR them, as Kibana's
 * should/minimum_should_match:1 wrapper does. Returns the test and the name shown in hits.
 */
export interface Leaf {
  readonly test: EventTest
  readonly hitName: string
}

/** `field:value`, `field:*` (exists) and field-less values. */
export function compileIs(node: IsNode, ctx: CompileContext): Leaf {
  const value = node.value
  if (value.type === 'keyword' && value.value === null) return nullValue(node.field === null ? '*' : fieldText(node), ctx, node.span)
  if (node.field === null) return { test: freeTextTest(value, ctx), hitName: '*' }
  const resolved = resolveField(node.field, ctx, node.span)
  if (resolved === null) return { test: NEVER, hitName: '' }
  const before = ctx.diagnostics.length
  const tests = resolved.targets.map((t) => valueTest(t, value, ctx, node.span))
  collapse(ctx, before)
  tests.push(unknownEventFields(resolved, value, ctx))
  return { test: orTests(tests), hitName: resolved.hitName }
}

/**
 * `field <op> value`. A pattern ranges over the fields the schema lists only (event fields the
 * schema does not know have no type to order them by).
 */
export function compileRange(node: RangeNode, ctx: CompileContext): Leaf {
  const value = node.value
  if (value.type === 'keyword' && value.value === null) return nullValue(fieldText(node), ctx, node.span)
  const resolved = resolveField(node.field, ctx, node.span)
  if (resolved === null) return { test: NEVER, hitName: '' }
  // a star in a range value is sent as written (there is no wildcard range)
  const v = value.type === 'literal' ? value.text : value.type === 'wildcard' ? value.parts.join('*') : value.value === true
  const before = ctx.diagnostics.length
  const tests = resolved.targets.map((t) => rangeTest(t, node.op, v, ctx, node.span))
  collapse(ctx, before)
  return { test: orTests(tests), hitName: resolved.hitName }
}

function valueTest(t: Target, value: KqlValue, ctx: CompileContext, at: Span): EventTest {
  switch (value.type) {
    case 'literal':
      return matchTest(t, value.text, value.quoted, ctx, at)
    case 'keyword':
      return value.value === null ? NEVER : matchTest(t, value.value, false, ctx, at)
    case 'wildcard':
      return isAllStars(value.parts) ? existsTest(t, ctx, at) : wildcardTest(t, value.parts, ctx, at)
  }
}

/**
 * A field pattern also covers event fields the schema does not list (read as unmapped keywords):
 * walked per event, and only when no listed field matched first.
 */
function unknownEventFields(resolved: ResolvedField, value: KqlValue, ctx: CompileContext): EventTest {
  const pattern = resolved.pattern
  if (pattern === null) return NEVER
  let pred: (s: string) => boolean
  if (value.type === 'wildcard') {
    if (isAllStars(value.parts)) pred = () => true
    else pred = compileWildcardParts(wholePattern(value.parts), false)
  } else if (value.type === 'literal') {
    const text = value.text
    pred = (s) => s === text
  } else {
    const text = String(value.value)
    pred = (s) => s === text
  }
  const schema = ctx.schema
  const prefix = ctx.nestedPath === undefined ? '' : ctx.nestedPath + '.'
  // only the subtree named by the pattern's literal head is walked (`process.na*` -> `process`)
  const head = resolved.hitName.slice(prefix.length).split('*')[0] ?? ''
  const within = head.slice(0, Math.max(0, head.lastIndexOf('.')))
  const names = new FieldNames((name) => {
    const full = prefix + name
    return schema.get(full) === undefined && pattern(full)
  }, within)
  const visit = (candidate: boolean, raw: unknown): boolean => {
    if (!candidate) return false
    const s = keywordText(raw, undefined)
    return s !== undefined && pred(s)
  }
  return (event) => names.some(event, visit)
}

/**
 * A pattern over many fields can fail on dozens of them for one reason (`process.*:cmd.exe` hits
 * every numeric process field: Elasticsearch fails the search, kibana#149920): keep the first
 * diagnostic of each code for the clause.
 */
function collapse(ctx: CompileContext, from: number): void {
  const seen = new Set<string>()
  const added = ctx.diagnostics.splice(from)
  for (const d of added) {
    if (seen.has(d.code)) continue
    seen.add(d.code)
    ctx.diagnostics.push(d)
  }
}

function nullValue(name: string, ctx: CompileContext, at: Span): Leaf {
  report(ctx, KQL_CHECK_CODES.nullValue, at, { name })
  return { test: NEVER, hitName: '' }
}

function fieldText(node: IsNode | RangeNode): string {
  const f = node.field
  if (f === null) return '*'
  return f.type === 'field' ? f.name : f.parts.join('*')
}
