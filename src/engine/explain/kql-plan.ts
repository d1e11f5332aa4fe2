import type { FieldSpec } from '../schema/types'
import { listOf, type IsNode, type KqlNode, type RangeNode, type ValueList } from '../kql/ast'
import { resolveField } from '../kql/check-fields'
import { insideNested, relativePath, type CompileContext } from '../kql/compile-context'
import { compileNode } from '../kql/compile-node'
import { isAllStars } from '../kql/compile-pieces'
import { compileObjectGetter } from '../values/field-getter'
import { indexerFor, scalarText } from '../values/field-indexer'
import { rawValues, type FieldProbe, type PlanNode } from './plan'
import type { TraceKind } from './types'

/**
 * Builds the explain plan of a KQL query. Every node's test is compiled by the evaluator's own
 * `compileNode` from the node's subtree with the query's context (a scratch diagnostics list: the
 * full compile already reported them), so node values are the matcher's answers.
 */
export function planKql(node: KqlNode, ctx: CompileContext, parentList: ValueList | null = null): PlanNode {
  const test = compileNode(node, ctx).test
  // the root of a value list shows as the whole `field:( ... )` clause
  const list = listOf(node)
  const span = list !== null && list !== parentList ? list.span : node.span
  const base = { span, test, folded: false, fields: [], computed: [] }
  switch (node.type) {
    case 'and':
    case 'or':
      return { ...base, kind: node.type, combine: node.type, children: node.children.map((c) => planKql(c, ctx, list)) }
    case 'not':
      return {
        ...base,
        kind: 'not',
        combine: 'not',
        children: [planKql(node.child, ctx, list)],
        rule: 'must_not: true for every event the operand does not hold for, including events without the field',
      }
    case 'matchAll':
      return { ...base, kind: 'matchAll', combine: 'leaf', children: [], rule: 'matches every event' }
    case 'is':
    case 'range':
      return leafPlan(node, base, ctx)
    case 'nested': {
      if (node.path.type !== 'field') return { ...base, kind: 'nested', combine: 'leaf', children: [] }
      const full = ctx.nestedPath === undefined ? node.path.name : `${ctx.nestedPath}.${node.path.name}`
      const objects = compileObjectGetter(relativePath(ctx, full))
      return {
        ...base,
        kind: 'nested',
        combine: 'nested',
        children: [planKql(node.query, insideNested(ctx, full))],
        objects,
        rule: 'one object of the nested array must satisfy the whole inner query',
      }
    }
  }
}

type Base = Pick<PlanNode, 'span' | 'test' | 'folded' | 'fields' | 'computed'>

function leafPlan(node: IsNode | RangeNode, base: Base, ctx: CompileContext): PlanNode {
  const kind = leafKind(node)
  if (node.field === null) {
    return { ...base, kind, combine: 'leaf', children: [], rule: 'free text: searches every field, each by its type, leniently' }
  }
  const scratch: CompileContext = { ...ctx, diagnostics: [] }
  const resolved = resolveField(node.field, scratch, node.span)
  const targets = resolved?.targets ?? []
  const isPattern = node.field.type === 'fieldPattern'
  const probes: FieldProbe[] = targets.map((t) => {
    const index = t.spec === undefined ? (raw: unknown) => scalarText(raw) : indexerFor(t.spec)
    return { field: t.name, span: node.field?.span ?? node.span, read: t.read, index }
  })
  // a pattern names many fields: show those the event has (and count the clause missing when none has a value)
  const fields: readonly FieldProbe[] = isPattern ? [anyOf(probes, node)] : probes
  const plan: PlanNode = { ...base, kind, combine: 'leaf', children: [], fields }
  const rule = kqlRule(node, kind, targets[0]?.spec)
  const note = isPattern ? `the pattern covers ${targets.length} mapped field(s) and unmapped event fields it matches` : undefined
  return { ...plan, ...(rule === undefined ? {} : { rule }), ...(note === undefined ? {} : { note }) }
}

/** One probe standing for every field a pattern covers: the values of those the event has. */
function anyOf(probes: readonly FieldProbe[], node: IsNode | RangeNode): FieldProbe {
  const field = node.field?.type === 'fieldPattern' ? node.field.parts.join('*') : ''
  const read = (scope: unknown): unknown => {
    const out: unknown[] = []
    for (const p of probes) for (const v of rawValues(p.read(scope))) if (p.index(v) !== undefined) out.push(v)
    return out.length === 0 ? undefined : out
  }
  return { field, span: node.field?.span ?? node.span, read, index: (raw) => raw }
}

function leafKind(node: IsNode | RangeNode): TraceKind {
  if (node.type === 'range') return 'range'
  if (node.field === null) return 'freeText'
  if (node.value.type === 'wildcard') return isAllStars(node.value.parts) ? 'exists' : 'wildcard'
  return 'term'
}

const NUMERIC: ReadonlySet<string> = new Set(['long', 'integer', 'short', 'byte', 'unsigned_long', 'double', 'float', 'half_float', 'scaled_float'])

/** The per-type rule of a KQL leaf (docs/kql-semantics.md, "Per field type"); descriptive only. */
export function kqlRule(node: IsNode | RangeNode, kind: TraceKind, spec: FieldSpec | undefined): string | undefined {
  const type = spec?.type ?? 'keyword'
  if (kind === 'exists') return 'exists: the field has at least one indexed value ("" counts; null and [] do not)'
  const quoted = node.value.type === 'literal' && node.value.quoted
  if (kind === 'range') {
    if (NUMERIC.has(type)) return 'numeric order; any value of a multi-valued field'
    if (type === 'date' || type === 'date_nanos') return 'date order, precision-aware rounding, date math allowed'
    if (type === 'ip') return 'address order'
    return 'byte order of the strings, case-sensitive'
  }
  switch (type) {
    case 'text':
    case 'match_only_text':
      if (kind === 'wildcard') return 'analysed text: the pattern is matched per word, lowercased'
      return quoted ? 'analysed text: the phrase, words in order, case-insensitive' : 'analysed text: any word of the value matches, case-insensitive'
    case 'wildcard':
      return kind === 'wildcard'
        ? 'wildcard field: case-sensitive; the pattern is split at whitespace and any piece may match'
        : 'exact, case-sensitive'
    case 'ip':
      return 'an address, or a CIDR block containing the address'
    case 'date':
    case 'date_nanos':
      return 'a date: the whole span the value names (date math allowed)'
    case 'boolean':
      return 'true or false'
    default:
      if (NUMERIC.has(type)) return 'numeric equality'
      if (kind === 'wildcard') return 'case-sensitive, anchored, * wildcard (? is literal)'
      return quoted ? 'exact, case-sensitive (quotes make * literal)' : 'exact, case-sensitive'
  }
}
