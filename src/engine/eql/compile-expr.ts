import type { Call, Expr, FieldRef, Literal } from './ast'
import type { Indexed } from '../values/indexed-types'
import { compileGetter } from '../values/field-getter'
import { literalType, numericKind, resolveField, typeOfKind, widerKind, type DataType, type FieldBinding } from './check-types'
import { indexerFor, type Indexer } from '../values/field-indexer'
import type { CompileContext } from './compile-context'
import { isFnError, type FnResult, type Impl, type Scalar } from './functions/function-def'
import { javaArith, javaNegate } from './functions/java-math'
import { lookupFunction } from './functions/registry'
import { compileBooleanValue } from './compile-bool-value'
import { recordFault, type FaultSink } from './search-faults'
import type { Span } from '../source/span'

/**
 * Compiles value expressions (literals, fields, function calls, arithmetic) into closures.
 *
 * A reader returns what an expression holds for one event: undefined (no value), one raw item, or an
 * array of raw items (a multi-valued field, or a function fanned out over one). `index` turns a raw
 * item into its indexed form (for fields, what the mapping indexes; for computed values, identity).
 * Field readers return the getter's own output, so reading a single-valued field allocates nothing.
 * Literal-only subexpressions are folded here, once.
 */
export interface ValueCode {
  readonly type: DataType
  /** set when the expression reads no field: its folded value (null for "no value") */
  readonly constant: { readonly value: Scalar } | null
  /** why folding failed (overflow, `/ by zero`, unparsable number): Elasticsearch fails the search */
  readonly foldError: string | null
  readonly read: (event: unknown) => unknown
  readonly index: Indexer
  /** the field, when the expression is a bare field reference (enables the fast paths) */
  readonly field: (FieldBinding & { readonly ref: FieldRef }) | null
}

const NONE = (): undefined => undefined
const IDENTITY: Indexer = (raw) => (raw === null || raw === undefined ? undefined : (raw as Indexed))

/** A folded value: reads the same for every event. */
export function constantCode(value: Scalar, type: DataType, foldError: string | null = null): ValueCode {
  const raw = value === null ? undefined : value
  return { type, constant: { value }, foldError, read: () => raw, index: IDENTITY, field: null }
}

/** Compiles a value expression once; see ValueCode for what the closures return. */
export function compileValue(e: Expr, ctx: CompileContext): ValueCode {
  switch (e.type) {
    case 'Literal':
      return literalCode(e)
    case 'Field':
      return fieldCode(e, ctx)
    case 'Call':
      return callCode(e, ctx)
    case 'Negate': {
      const operand = compileValue(e.operand, ctx)
      if (e.op === '+') return operand
      const kind = numericKind(operand.type)
      return computed([operand], operand.type === 'null' ? 'null' : typeOfKind(kind), e.span, ctx.faults, (args) => {
        const v = args[0]
        return typeof v === 'number' ? javaNegate(kind, v) : null
      })
    }
    case 'Arith': {
      const l = compileValue(e.left, ctx)
      const r = compileValue(e.right, ctx)
      const kind = widerKind(numericKind(l.type), numericKind(r.type))
      const type = l.type === 'null' && r.type === 'null' ? 'null' : typeOfKind(kind)
      const op = e.op
      return computed([l, r], type, e.span, ctx.faults, (args) => {
        const a = args[0]
        const b = args[1]
        return typeof a === 'number' && typeof b === 'number' ? javaArith(op, kind, a, b) : null
      })
    }
    case 'Compare':
    case 'Match':
    case 'In':
    case 'Not':
    case 'Logical':
      return compileBooleanValue(e, ctx)
    case 'ErrorExpr':
      return { type: 'null', constant: null, foldError: null, read: NONE, index: IDENTITY, field: null }
  }
}

function literalCode(e: Literal): ValueCode {
  return constantCode(e.value, literalType(e.kind))
}

function fieldCode(ref: FieldRef, ctx: CompileContext): ValueCode {
  const res = resolveField(ctx.schema, ref)
  if (res.kind !== 'field') return constantCode(null, 'null')
  const spec = res.exact ?? res.spec
  const constantValue = res.spec.type === 'constant_keyword' ? res.spec.constantValue : undefined
  // a constant_keyword field holds its value in every document, whatever the source says
  // null_value: an explicit JSON null is indexed as that value (the sub-field's own setting wins)
  const nullValue = spec.nullValue ?? res.spec.nullValue
  const read =
    constantValue !== undefined
      ? () => constantValue
      : compileGetter(res.readPath, nullValue === undefined ? {} : { nullValue })
  return { type: res.spec.type, constant: null, foldError: null, read, index: indexerFor(spec), field: { ...res, ref } }
}

function callCode(e: Call, ctx: CompileContext): ValueCode {
  const def = lookupFunction(e.name)
  const args = e.args.map((a) => compileValue(a, ctx))
  if (def === undefined || args.length < def.minArgs || args.length > def.maxArgs) return constantCode(null, 'null')
  const argTypes = args.map((a) => a.type)
  const bound = def.bind({ caseInsensitive: e.caseInsensitive, argTypes, constants: args.map((a) => a.constant?.value) })
  if (!bound.ok) return constantCode(null, 'null', bound.reason)
  return computed(args, def.resultType(argTypes), e.span, ctx.faults, bound.impl)
}

/**
 * A value computed from other values by `impl`, called once per combination of argument values
 * (multi-valued arguments fan out; a missing argument is null). Folded when every argument is
 * constant. Results that are null or errors are "no value".
 */
function computed(args: readonly ValueCode[], type: DataType, at: Span, faults: FaultSink | undefined, impl: Impl): ValueCode {
  if (args.every((a) => a.constant !== null)) {
    const r = impl(args.map((a) => a.constant?.value ?? null))
    return isFnError(r) ? constantCode(null, type, r.error) : constantCode(r, type)
  }
  const n = args.length
  const readers = args.map((a) => a.read)
  const indexers = args.map((a) => a.index)
  // one buffer per call site: a site is never re-entered while it fills its own buffer
  const buffer: Scalar[] = new Array<Scalar>(n).fill(null)
  const raws: unknown[] = new Array<unknown>(n).fill(undefined)
  // an error for a document fails Elasticsearch's search: record it, then read as no value
  const guarded: Impl = (values) => {
    const r = impl(values)
    if (isFnError(r)) recordFault(faults, r.error, at)
    return r
  }
  const read = (event: unknown): unknown => {
    let multi = false
    for (let i = 0; i < n; i++) {
      const v = (readers[i] as (ev: unknown) => unknown)(event)
      if (Array.isArray(v)) multi = true
      raws[i] = v
    }
    if (multi) return fanOut(raws.slice(), indexers, guarded)
    for (let i = 0; i < n; i++) {
      const v = raws[i]
      buffer[i] = v === undefined ? null : ((indexers[i] as Indexer)(v) ?? null)
    }
    return resultOf(guarded(buffer))
  }
  return { type, constant: null, foldError: null, read, index: IDENTITY, field: null }
}

function resultOf(r: FnResult): Indexed | undefined {
  return r === null || isFnError(r) ? undefined : r
}

/**
 * A cap on argument combinations per event: a function over several large arrays would otherwise
 * let one hostile event stall the run (the product grows multiplicatively). Real events stay far below.
 */
const MAX_COMBINATIONS = 10_000

/** Cartesian product over multi-valued arguments; returns the non-null results. */
function fanOut(raws: readonly unknown[], indexers: readonly Indexer[], impl: Impl): unknown {
  const lists: Scalar[][] = raws.map((raw, i) => {
    const index = indexers[i] as Indexer
    const items = raw === undefined ? [] : Array.isArray(raw) ? (raw as unknown[]) : [raw]
    const out: Scalar[] = []
    for (const item of items) {
      const v = index(item)
      if (v !== undefined) out.push(v)
    }
    return out.length === 0 ? [null] : out
  })
  const results: Indexed[] = []
  const args: Scalar[] = new Array<Scalar>(lists.length).fill(null)
  let budget = MAX_COMBINATIONS
  const walk = (i: number): void => {
    if (budget <= 0) return
    if (i === lists.length) {
      budget--
      const r = resultOf(impl(args))
      if (r !== undefined) results.push(r)
      return
    }
    for (const v of lists[i] as Scalar[]) {
      args[i] = v
      walk(i + 1)
    }
  }
  walk(0)
  return results.length === 0 ? undefined : results.length === 1 ? results[0] : results
}
