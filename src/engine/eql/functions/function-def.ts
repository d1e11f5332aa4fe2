import type { DataType } from '../check-types'
import type { Indexed } from '../../values/indexed-types'

/**
 * The contract every builtin implements. The checker reads the signature (arity, parameter kinds,
 * which parameters must be constants, whether a `~` variant exists); the compiler calls `bind` once
 * per call site with the static argument types and the folded constants, and then calls the returned
 * implementation once per combination of argument values (multi-valued fields fan out).
 */

/**
 * A runtime value inside an expression: a field's indexed value (string, number, boolean, bigint for
 * date_nanos, IpValue, VersionValue) or a function's result; null for "no value".
 */
export type Scalar = Indexed | null

/** A failure Elasticsearch raises while evaluating (overflow, `/ by zero`, bad number): the leaf is false. */
export interface FnError {
  readonly error: string
}

export type FnResult = Scalar | FnError

export function fnError(error: string): FnError {
  return { error }
}

export function isFnError(r: FnResult): r is FnError {
  return typeof r === 'object' && r !== null && 'error' in r
}

/**
 * What a parameter accepts, with Elasticsearch's name for it in type errors:
 * string (keyword-ish, or text with a keyword sub-field), numeric, integer (a whole-number type),
 * boolean, ip, exact (any type but bare text).
 */
export type ParamKind = 'string' | 'numeric' | 'integer' | 'boolean' | 'ip' | 'exact'

export interface ParamSpec {
  readonly kind: ParamKind
  /** must be a literal (or fold to one) */
  readonly constant: boolean
}

export interface BindOptions {
  readonly caseInsensitive: boolean
  readonly argTypes: readonly DataType[]
  /** the folded value of each argument that is constant; undefined where it reads a field */
  readonly constants: readonly (Scalar | undefined)[]
}

export type Impl = (args: readonly Scalar[]) => FnResult

export type BindResult =
  | { readonly ok: true; readonly impl: Impl }
  /** a constant argument Elasticsearch rejects (e.g. a malformed CIDR block) */
  | { readonly ok: false; readonly argIndex: number; readonly reason: string }

export interface FunctionDef {
  /** lower-case name: the registry key and the name Elasticsearch prints in `error building [...]` */
  readonly name: string
  /** documented spelling, for completion and suggestions */
  readonly display: string
  readonly minArgs: number
  /** Infinity for variadic functions */
  readonly maxArgs: number
  /** Elasticsearch's arity wording, e.g. "expects exactly two arguments" */
  readonly arityReason: string
  /** whether `name~(...)` exists */
  readonly caseInsensitive: boolean
  /** the spec of the i-th parameter (variadic functions repeat their last one) */
  param(index: number): ParamSpec
  resultType(argTypes: readonly DataType[]): DataType
  bind(options: BindOptions): BindResult
}

export function p(kind: ParamKind, constant = false): ParamSpec {
  return { kind, constant }
}

/** Lower-cases for the `~` variants (Elasticsearch uses Locale.ROOT lower-casing on both sides). */
export function fold(s: string, caseInsensitive: boolean): string {
  return caseInsensitive ? s.toLowerCase() : s
}
