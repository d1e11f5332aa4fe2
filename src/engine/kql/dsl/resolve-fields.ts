import type { KqlField } from '../ast'
import { nestedAncestorOf } from '../../schema/field-type-names'
import type { FieldSpec, Schema } from '../../schema/types'

/** What the DSL translation needs to know about one resolved field (Kibana's data view field). */
export interface DslField {
  readonly name: string
  /** keyword: term/wildcard; date: gte/lte range for equality; other: match/query_string */
  readonly kind: 'keyword' | 'date' | 'other'
  /** the nearest enclosing `nested` mapping, for automatic wrapping of wildcard field names */
  readonly nestedPath: string | undefined
}

/** The fields one KQL field name stands for, and whether it was a pattern. */
export interface ResolvedFields {
  readonly fields: readonly DslField[]
  readonly isPattern: boolean
}

/**
 * Kibana's getFullFieldNameNode + getFields: prefix the enclosing nested path, then select the data
 * view field with exactly that name, or every field a pattern matches (`*` spans dots). When
 * nothing is found (or there is no schema) the name is used as written with no type, which is why
 * unknown fields get match/match_phrase/query_string (spec §4.6).
 */
export function resolveFields(field: KqlField, nestedPath: string | undefined, schema: Schema | null): ResolvedFields {
  const prefix = nestedPath === undefined ? '' : nestedPath + '.'
  if (field.type === 'field') {
    const name = prefix + field.name
    const spec = schema?.get(name)
    const found = schema !== null && spec !== undefined && isDataViewField(spec) ? [dslField(schema, spec)] : []
    return { fields: found.length > 0 ? found : [untyped(name)], isPattern: false }
  }
  const parts = field.parts.map((p, i) => (i === 0 ? prefix + p : p))
  const found: DslField[] = []
  if (schema !== null) {
    // data views list their fields sorted by name; the clauses follow that order
    const names = [...schema.names()].sort()
    for (const name of names) {
      const spec = schema.get(name)
      if (spec !== undefined && isDataViewField(spec) && matchesPattern(parts, name)) found.push(dslField(schema, spec))
    }
  }
  return { fields: found.length > 0 ? found : [untyped(parts.join('*'))], isPattern: true }
}

/** A name Kibana could not resolve: sent as written, typeless. */
export function untyped(name: string): DslField {
  return { name, kind: 'other', nestedPath: undefined }
}

// Data views list leaf fields only: object and nested parents are not fields a query can target.
function isDataViewField(spec: FieldSpec): boolean {
  return spec.type !== 'object' && spec.type !== 'nested'
}

function dslField(schema: Schema, spec: FieldSpec): DslField {
  // an alias reports its target's type in field caps, so it is keyword/date like its target
  const type = spec.type === 'alias' ? (schema.resolve(spec.name)?.type ?? 'alias') : spec.type
  const kind = type === 'keyword' ? 'keyword' : type === 'date' || type === 'date_nanos' ? 'date' : 'other'
  return { name: spec.name, kind, nestedPath: nestedAncestorOf(schema, spec.name) }
}

/** Anchored glob over literal pieces: a star between pieces matches any run, dots included. */
export function matchesPattern(parts: readonly string[], name: string): boolean {
  const first = parts[0] ?? ''
  const last = parts[parts.length - 1] ?? ''
  if (parts.length === 1) return name === first
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false
  let at = first.length
  const end = name.length - last.length
  for (let i = 1; i < parts.length - 1; i++) {
    const piece = parts[i] ?? ''
    const found = name.indexOf(piece, at)
    if (found < 0 || found + piece.length > end) return false
    at = found + piece.length
  }
  return true
}
