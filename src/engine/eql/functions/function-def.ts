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

/** What an implementation returns: a value, null, or an evaluation error. */
export type FnResult = Scalar | FnError

/** An evaluation error with Elasticsearch's (Java's) message. */
export function fnError(error: string): FnError {
  return { error }
}

/** Distinguishes errors from values (ip and version values are objects too). */
export function isFnError(r: FnResult): r is FnError {
  return typeof r === 'object' && r !== null && 'error' in r
}

/**
 * What a parameter accepts, with Elasticsearch's name for it in type errors:
 * string (keyword-ish, or text with a keyword sub-field), numeric, integer (a whole-number type),
 * boolean, ip, exact (any type but bare text).
 */
export type ParamKind = 'string' | 'numeric' | 'integer' | 'boolean' | 'ip' | 'exact'

/** One parameter of a builtin, for the checker. */
export interface ParamSpec {
  readonly kind: ParamKind
  /** must be a literal (or fold to one) */
  readonly constant: boolean
}

/** What the compiler knows about a call site when it binds a builtin. */
export interface BindOptions {
  readonly caseInsensitive: boolean
  readonly argTypes: readonly DataType[]
  /** the folded value of each argument that is constant; undefined where it reads a field */
  readonly constants: readonly (Scalar | undefined)[]
}

/** The per-value implementation, called with one value per argument. */
export type Impl = (args: readonly Scalar[]) => FnResult

/** A bound implementation, or the constant argument Elasticsearch would reject. */
export type BindResult =
  | { readonly ok: true; readonly impl: Impl }
  /** a constant argument Elasticsearch rejects (e.g. a malformed CIDR block) */
  | { readonly ok: false; readonly argIndex: number; readonly reason: string }

/** A builtin: its signature for the checker and its implementation for the compiler. */
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

/** Shorthand for a ParamSpec. */
export function p(kind: ParamKind, constant = false): ParamSpec {
  return { kind, constant }
}

/** Lower-cases for the `~` variants (Elasticsearch uses Locale.ROOT lower-casing on both sides). */
export function fold(s: string, caseInsensitive: boolean): string {
  return caseInsensitive ? s.toLowerCase() : s
}
