import type { EsFieldType, FieldSpec, Schema } from './types'

/**
 * Maps an Elasticsearch mapping type name to the engine's closed set. Types the engine cannot
 * query (binary, ranges, vectors, shapes, ...) become 'unsupported'; `known` tells real ES types
 * apart from typos so the caller can word its warning.
 */
const SUPPORTED: ReadonlySet<string> = new Set<EsFieldType>([
  'keyword',
  'constant_keyword',
  'wildcard',
  'text',
  'match_only_text',
  'long',
  'integer',
  'short',
  'byte',
  'unsigned_long',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'date',
  'date_nanos',
  'boolean',
  'ip',
  'version',
  'object',
  'nested',
  'flattened',
  'geo_point',
  'alias',
])

export function toFieldType(name: string): EsFieldType {
  return SUPPORTED.has(name) ? (name as EsFieldType) : 'unsupported'
}

/** keyword, constant_keyword, wildcard: the types compared as exact strings. */
export function isKeywordFamily(type: EsFieldType): boolean {
  return type === 'keyword' || type === 'constant_keyword' || type === 'wildcard'
}

export function isTextFamily(type: EsFieldType): boolean {
  return type === 'text' || type === 'match_only_text'
}

export function isNumericType(type: EsFieldType): boolean {
  switch (type) {
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return true
    default:
      return false
  }
}

export function isIntegerType(type: EsFieldType): boolean {
  return type === 'long' || type === 'integer' || type === 'short' || type === 'byte' || type === 'unsigned_long'
}

/** The event path a field's values are read from (multi-fields read their parent's values). */
export function sourcePathOf(spec: FieldSpec): string {
  return spec.multiFieldOf ?? spec.name
}

/**
 * The nearest ancestor of `name` mapped as `nested`, if any. EQL rejects fields inside nested
 * objects ("with unsupported nested type in hierarchy"); KQL needs the nested path to scope a
 * `path:{...}` query.
 */
export function nestedAncestorOf(schema: Schema, name: string): string | undefined {
  for (let i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1)) {
    const prefix = name.slice(0, i)
    if (schema.get(prefix)?.type === 'nested') return prefix
  }
  return undefined
}
