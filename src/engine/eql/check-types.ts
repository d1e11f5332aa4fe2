import type { Expr, FieldRef, Literal, LiteralKind } from './ast'
import type { EsFieldType, FieldSpec, MultiField, Schema } from '../schema/types'
import { sourcePathOf } from '../schema/field-type-names'

/**
 * The static types the checker and the compiler reason with. Elasticsearch names types by their
 * mapping type (`keyword`, `long`, `text`, ...), literals by their Java class (`integer`, `long`,
 * `double`, `keyword` for strings, `null`), and prints those names in its messages; so do we.
 */
export type DataType = EsFieldType | 'null'

/** What a value of a type behaves like in comparisons and functions. */
export type Family = 'string' | 'numeric' | 'date' | 'ip' | 'boolean' | 'version' | 'null' | 'other'

/** Integer width for arithmetic: Java int, Java long, or floating point. */
export type NumericKind = 'int' | 'long' | 'double'

/** The family a type belongs to, which decides what it can be compared or computed with. */
export function familyOf(t: DataType): Family {
  switch (t) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'text':
    case 'match_only_text':
      return 'string'
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return 'numeric'
    case 'date':
    case 'date_nanos':
      return 'date'
    case 'boolean':
      return 'boolean'
    case 'ip':
      return 'ip'
    case 'version':
      return 'version'
    case 'null':
      return 'null'
    case 'object':
    case 'nested':
    case 'flattened':
    case 'geo_point':
    case 'alias':
    case 'unsupported':
      return 'other'
  }
}

/** The arithmetic width of a numeric type (non-numeric types count as double). */
export function numericKind(t: DataType): NumericKind {
  switch (t) {
    case 'integer':
    case 'short':
    case 'byte':
      return 'int'
    case 'long':
    case 'unsigned_long':
      return 'long'
    default:
      return 'double'
  }
}

/** The wider of two numeric kinds (Java binary numeric promotion). */
export function widerKind(a: NumericKind, b: NumericKind): NumericKind {
  if (a === 'double' || b === 'double') return 'double'
  if (a === 'long' || b === 'long') return 'long'
  return 'int'
}

/** The type Elasticsearch names the result of arithmetic of that width. */
export function typeOfKind(kind: NumericKind): DataType {
  return kind === 'int' ? 'integer' : kind === 'long' ? 'long' : 'double'
}

/** The type of a literal, as Elasticsearch names it in messages (strings are `keyword`). */
export function literalType(kind: LiteralKind): DataType {
  switch (kind) {
    case 'string':
      return 'keyword'
    case 'integer':
      return 'integer'
    case 'long':
      return 'long'
    case 'double':
      return 'double'
    case 'boolean':
      return 'boolean'
    case 'null':
      return 'null'
  }
}

/** QL's compatibility rule for `in` lists and join keys: same family (or a null side). */
export function compatible(a: DataType, b: DataType): boolean {
  if (a === 'null' || b === 'null') return true
  const fa = familyOf(a)
  return fa !== 'other' && fa === familyOf(b)
}

// ---------------------------------------------------------------- fields

/**
 * How a field reference reads: the spec whose values are read (aliases followed), the path they are
 * read from, and the spec used for exact comparisons (a text field compares through its keyword
 * sub-field, as Elasticsearch does).
 */
export interface FieldBinding {
  readonly kind: 'field'
  /** the spec as mapped at `path` (after alias resolution); its type is what messages print */
  readonly spec: FieldSpec
  /** dotted path the values are read from */
  readonly readPath: string
  /** the spec whose indexing applies to comparisons; null for text without a keyword sub-field */
  readonly exact: FieldSpec | null
}

/** How a field reference resolves: a mapped field, the null literal (`?unmapped`), or unknown. */
export type FieldResolution =
  | FieldBinding
  /** `?field` on an unmapped field: the literal null */
  | { readonly kind: 'null' }
  | { readonly kind: 'unknown' }

const KEYWORDISH: ReadonlySet<EsFieldType> = new Set(['keyword', 'constant_keyword', 'wildcard'])

function multiFieldSpec(parent: FieldSpec, mf: MultiField): FieldSpec {
  return { name: mf.name, type: mf.type, origin: parent.origin, ...(mf.ignoreAbove === undefined ? {} : { ignoreAbove: mf.ignoreAbove }) }
}

/** The keyword-ish sub-field a text field is compared through, if it has one. */
function exactOf(spec: FieldSpec): FieldSpec | null {
  if (spec.type !== 'text' && spec.type !== 'match_only_text') return spec
  for (const mf of spec.multiFields ?? []) if (KEYWORDISH.has(mf.type)) return multiFieldSpec(spec, mf)
  return null
}

/** Resolves a field reference against the schema, including `parent.sub` multi-field names. */
export function resolveField(schema: Schema, ref: FieldRef): FieldResolution {
  const spec = schema.resolve(ref.path)
  if (spec !== undefined) return { kind: 'field', spec, readPath: sourcePathOf(spec), exact: exactOf(spec) }
  // a multi-field (`hostname.keyword`) is not a document path: its values are the parent's
  const dot = ref.path.lastIndexOf('.')
  if (dot > 0) {
    const parent = schema.resolve(ref.path.slice(0, dot))
    const suffix = ref.path.slice(dot + 1)
    const mf = parent?.multiFields?.find((m) => m.name === ref.path || m.name === `${parent.name}.${suffix}`)
    if (parent !== undefined && mf !== undefined) {
      const sub = multiFieldSpec(parent, mf)
      return { kind: 'field', spec: sub, readPath: parent.name, exact: exactOf(sub) }
    }
  }
  return ref.optional ? { kind: 'null' } : { kind: 'unknown' }
}

// ---------------------------------------------------------------- expressions

/** Every field an expression reads, in source order. */
export function fieldsOf(e: Expr, out: FieldRef[] = []): FieldRef[] {
  switch (e.type) {
    case 'Literal':
    case 'ErrorExpr':
      break
    case 'Field':
      out.push(e)
      break
    case 'Call':
      for (const a of e.args) fieldsOf(a, out)
      break
    case 'Negate':
    case 'Not':
      fieldsOf(e.operand, out)
      break
    case 'Arith':
    case 'Compare':
    case 'Logical':
      fieldsOf(e.left, out)
      fieldsOf(e.right, out)
      break
    case 'Match':
      fieldsOf(e.subject, out)
      break
    case 'In':
      fieldsOf(e.subject, out)
      for (const i of e.items) fieldsOf(i, out)
      break
  }
  return out
}

/** The `null` literal. */
export function isNullLiteral(e: Expr): e is Literal {
  return e.type === 'Literal' && e.kind === 'null'
}
