import type { Indexed } from '../values/indexed-types'
import { familyOf, type DataType } from './check-types'
import type { ValueCode } from './compile-expr'
import { javaString } from './functions/java-format'
import type { Scalar } from './functions/function-def'

/**
 * Turning a query constant into the form of the value it is compared with, as Elasticsearch does
 * when it builds a term/range query on the field: `keyword_field == 42` looks for the term "42",
 * `long_field == "42"` for 42, `@timestamp > "2020-01-01"` parses with the field's date format.
 */
export type Converted =
  | { readonly kind: 'value'; readonly value: Indexed }
  /** the constant can never be indexed by the field (e.g. longer than ignore_above): no match */
  | { readonly kind: 'never' }
  /** Elasticsearch fails the search (e.g. "abc" against a long field) */
  | { readonly kind: 'error'; readonly reason: string }

export function convertConstant(value: Exclude<Scalar, null>, valueType: DataType, target: ValueCode): Converted {
  const family = familyOf(target.type)
  if (target.field !== null) {
    const exact = exactNumber(value, target.type)
    if (exact !== undefined) return exact
    // numbers and booleans reach keyword fields in Java's spelling (1.0 stays "1.0")
    const raw = family === 'string' && typeof value !== 'string' ? javaString(value, valueType) : value
    const indexed = target.index(raw)
    if (indexed !== undefined) return { kind: 'value', value: indexed }
    if (family === 'string') return { kind: 'never' }
    return { kind: 'error', reason: `failed to parse [${printable(value, valueType)}] as [${target.type}]` }
  }
  switch (family) {
    case 'string':
      return { kind: 'value', value: typeof value === 'string' ? value : javaString(value, valueType) }
    case 'numeric':
      if (typeof value === 'number') return { kind: 'value', value }
      break
    case 'boolean':
      if (typeof value === 'boolean') return { kind: 'value', value }
      break
    case 'null':
      return { kind: 'never' }
    case 'date':
    case 'ip':
    case 'version':
    case 'other':
      if (typeof value === typeof target.index(value)) return { kind: 'value', value }
      break
  }
  return { kind: 'error', reason: `cannot compare a [${target.type}] value with [${printable(value, valueType)}]` }
}

const INTEGRAL = new Set<DataType>(['long', 'integer', 'short', 'byte', 'unsigned_long'])
const NUMBER_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/

/**
 * Integer fields compare with the constant's exact value: Elasticsearch's term query on a long
 * field never matches 3.1, and its range query moves a fractional bound to the right side
 * (`>= 3.1` is `>= 4`). Coercing the constant like a document value would truncate it instead.
 */
function exactNumber(value: Exclude<Scalar, null>, type: DataType): Converted | undefined {
  if (!INTEGRAL.has(type)) return undefined
  const n = typeof value === 'number' ? value : typeof value === 'string' && NUMBER_TEXT.test(value) ? Number(value) : undefined
  return n === undefined || !Number.isFinite(n) ? undefined : { kind: 'value', value: n }
}

function printable(value: Exclude<Scalar, null>, type: DataType): string {
  return typeof value === 'string' ? value : javaString(value, type)
}
