import type { FieldHit } from '../result'
import { span as mkSpan } from '../source/span'
import { compileObjectGetter } from '../values/field-getter'
import { assertNever, type KqlNode, type NestedNode } from './ast'
import { KQL_CHECK_CODES } from './codes-check'
import { insideNested, relativePath, report, type CompileContext } from './compile-context'
import { compileIs, compileRange, type Leaf } from './compile-is'
import { listTest } from './compile-list'
import { andTests, notTest, orTests } from './compile-values'
import { ALWAYS, NEVER, type Clause } from './program'

/**
 * Compiles a KQL node into a Clause (spec §4.1: and = filter, or = should with
 * minimum_should_match 1, not = must_not, i.e. the plain complement: `not f:v` holds when f is
 * missing). Problems are reported into ctx.diagnostics and the offending leaf compiles to NEVER,
 * so one pass finds every error.
 */
export function compileNode(node: KqlNode, ctx: CompileContext): Clause {
  switch (node.type) {
    case 'and':
    case 'or': {
      const children = node.children.map((c) => compileNode(c, ctx))
      const tests = children.map((c) => c.test)
      // a long value list on one keyword/ip field reads the field once (same answers)
      const merged = node.type === 'or' ? listTest(node, children, ctx) : null
      const test = merged ?? (node.type === 'and' ? andTests(tests) : orTests(tests))
      return {
        test,
        collect: (event, out) => {
          // and: every child held; or: collect the children that did
          for (const c of children) if (node.type === 'and' || c.test(event)) c.collect(event, out)
        },
      }
    }
    case 'not': {
      const child = compileNode(node.child, ctx)
      return { test: notTest(child.test), collect: () => undefined }
    }
    case 'matchAll':
      return { test: ALWAYS, collect: () => undefined }
    case 'is':
      return leafClause(compileIs(node, ctx), node.span)
    case 'range':
      return leafClause(compileRange(node, ctx), node.span)
    case 'nested':
      return compileNested(node, ctx)
    default:
      return assertNever(node)
  }
}

function leafClause(leaf: Leaf, at: { start: number; end: number }): Clause {
  const test = leaf.test
  const hit: FieldHit = { field: leaf.hitName, span: mkSpan(at.start, at.end) }
  return { test, collect: (event, out) => (test(event) ? void out.push(hit) : undefined) }
}

/**
 * `path:{ query }` (spec §4.4, §5.9): Elasticsearch's nested query, which needs `path` mapped as
 * `nested` and tests the inner query against each object of the array on its own; the event
 * matches when one object satisfies the whole inner query.
 */
function compileNested(node: NestedNode, ctx: CompileContext): Clause {
  const dead: Clause = { test: NEVER, collect: () => undefined }
  if (node.path.type === 'fieldPattern') {
    report(ctx, KQL_CHECK_CODES.nestedPathPattern, node.path.span, { path: node.path.parts.join('*') })
    return dead
  }
  const full = ctx.nestedPath === undefined ? node.path.name : `${ctx.nestedPath}.${node.path.name}`
  const spec = ctx.schema.get(full)
  if (spec === undefined) {
    // an object path the schema knows through its leaves is "not nested", anything else unknown
    const isObject = ctx.schema.names().some((n) => n.startsWith(full + '.'))
    report(ctx, isObject ? KQL_CHECK_CODES.nestedNotNested : KQL_CHECK_CODES.nestedUnknown, node.path.span, { path: full })
    compileNode(node.query, insideNested(ctx, full)) // still report the inner query's problems
    return dead
  }
  if (spec.type !== 'nested') {
    report(ctx, KQL_CHECK_CODES.nestedNotNested, node.path.span, { path: full })
    return dead
  }
  const objects = compileObjectGetter(relativePath(ctx, full))
  const inner = compileNode(node.query, insideNested(ctx, full))
  const innerTest = inner.test
  if (innerTest === NEVER) return dead
  return {
    test: (event) => {
      for (const o of objects(event)) if (innerTest(o)) return true
      return false
    },
    collect: (event, out) => {
      for (const o of objects(event)) if (innerTest(o)) inner.collect(o, out)
    },
  }
}
