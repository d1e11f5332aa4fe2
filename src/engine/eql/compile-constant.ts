import { isFault, type Indexed } from '../values/indexed-types'
import { constantIndexerFor } from '../values/constant-indexer'
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

/**
 * `termOnly`: the constant is a term (==, !=, in), which a keyword field cannot hold beyond
 * ignore_above; a range bound (<, >, ...) can be any length.
 */
export function convertConstant(value: Exclude<Scalar, null>, valueType: DataType, target: ValueCode, termOnly = true): Converted {
  const family = familyOf(target.type)
  if (target.field !== null) {
    const spec = target.field.exact ?? target.field.spec
    // numbers and booleans reach keyword fields in Java's spelling (1.0 stays "1.0")
    const raw = family === 'string' && typeof value !== 'string' ? javaString(value, valueType) : value
    const indexed = constantIndexerFor(spec)(raw)
    if (isFault(indexed)) return { kind: 'error', reason: indexed.fault }
    // a term longer than ignore_above is a valid query that can match nothing
    if (termOnly && typeof indexed === 'string' && spec.ignoreAbove !== undefined && indexed.length > spec.ignoreAbove) {
      return { kind: 'never' }
    }
    return { kind: 'value', value: indexed }
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

function printable(value: Exclude<Scalar, null>, type: DataType): string {
  return typeof value === 'string' ? value : javaString(value, type)
}
