import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import { dateFormatProblem } from '../values/date-parse'
import { SCHEMA_CODES } from './codes'
import { toFieldType } from './field-type-names'
import type { FieldSpec, MultiField } from './types'

/**
 * Reads user mappings into field specs. Accepted shapes:
 * - an Elasticsearch mapping: `{mappings: {properties}}`, `{properties}`, a legacy typed
 *   `{mappings: {_doc: {properties}}}`, a `GET _mapping` response `{index: {mappings}}` or an index
 *   template `{template: {mappings}}`; nested `properties`, `fields` multi-fields, aliases,
 *   `ignore_above`, `null_value`, `format`, constant_keyword `value`, `scaling_factor`, `nested`,
 *   objects without a type;
 * - a flat table `{ "a.b": "keyword" }` (a value may also be a field definition object);
 * - either of these as JSON text.
 * Bad input yields diagnostics and whatever could be read; nothing throws.
 */
export interface ParsedMappings {
  readonly fields: FieldSpec[]
  readonly diagnostics: Diagnostic[]
}

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const AT = span(0, 0)
// far beyond ES's own limit (index.mapping.depth.limit, 20); keeps recursion bounded
const MAX_DEPTH = 100

export function parseMappings(input: unknown): ParsedMappings {
  const out: ParsedMappings = { fields: [], diagnostics: [] }
  let value = input
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown
    } catch (e) {
      const reason = e instanceof Error ? e.message : 'invalid JSON'
      out.diagnostics.push(makeDiagnostic(SCHEMA_CODES.badMappings, AT, { reason }))
      return out
    }
  }
  if (!isObj(value)) {
    out.diagnostics.push(makeDiagnostic(SCHEMA_CODES.badMappings, AT, { reason: 'expected a JSON object' }))
    return out
  }
  const props = findProperties(value, 0)
  if (props !== undefined) walkProperties(props, '', out)
  else readFlatTable(value, out)
  return out
}

/** Finds the `properties` object of an ES mapping in its usual wrappers; undefined for a flat table. */
function findProperties(v: Obj, depth: number): Obj | undefined {
  if (isObj(v.properties)) return v.properties
  if (depth > 3) return undefined
  for (const key of ['mappings', 'template', '_doc']) {
    const inner = v[key]
    if (isObj(inner)) return findProperties(inner, depth + 1) ?? {}
  }
  // `GET index/_mapping` answers {"index-name": {"mappings": ...}}
  const keys = Object.keys(v)
  const only = keys.length === 1 ? v[keys[0] ?? ''] : undefined
  if (isObj(only) && isObj(only.mappings)) return findProperties(only, depth + 1)
  return undefined
}

function readFlatTable(table: Obj, out: ParsedMappings): void {
  for (const [name, def] of Object.entries(table)) {
    if (typeof def === 'string') readField(name, { type: def }, out)
    else if (isObj(def)) readField(name, def, out)
    else warn(out, name, 'expected a type name or a field definition object')
  }
}

function walkProperties(props: Obj, prefix: string, out: ParsedMappings, depth = 0): void {
  if (depth > MAX_DEPTH) {
    warn(out, prefix, `properties nested deeper than ${MAX_DEPTH} levels are ignored`)
    return
  }
  for (const [key, def] of Object.entries(props)) {
    const name = prefix === '' ? key : `${prefix}.${key}`
    if (!isObj(def)) warn(out, name, 'expected a field definition object')
    else readField(name, def, out, depth)
  }
}

function warn(out: ParsedMappings, field: string, reason: string): void {
  out.diagnostics.push(makeDiagnostic(SCHEMA_CODES.badFieldMapping, AT, { field, reason }))
}

function readField(name: string, def: Obj, out: ParsedMappings, depth = 0): void {
  const rawType = def.type
  if (rawType !== undefined && typeof rawType !== 'string') {
    warn(out, name, '"type" must be a string')
    return
  }
  const typeName = rawType ?? (def.properties !== undefined ? 'object' : undefined)
  if (typeName === undefined) {
    warn(out, name, 'no "type" and no "properties"')
    return
  }
  const type = toFieldType(typeName)
  if (type === 'unsupported') {
    out.diagnostics.push(makeDiagnostic(SCHEMA_CODES.unsupportedType, AT, { field: name, type: typeName }))
  }
  if (type === 'object' || type === 'nested') {
    out.fields.push({ name, type, origin: 'mapping' })
    if (def.properties !== undefined) {
      if (isObj(def.properties)) walkProperties(def.properties, name, out, depth + 1)
      else warn(out, name, '"properties" must be an object')
    }
    return
  }
  const spec: { -readonly [K in keyof FieldSpec]: FieldSpec[K] } = { name, type, origin: 'mapping' }
  const ignoreAbove = positiveInt(def.ignore_above)
  if (ignoreAbove !== undefined) spec.ignoreAbove = ignoreAbove
  else if (def.ignore_above !== undefined) warn(out, name, '"ignore_above" must be a non-negative integer')
  const nv = def.null_value
  if (typeof nv === 'string' || typeof nv === 'number' || typeof nv === 'boolean') spec.nullValue = nv
  if (typeof def.value === 'string') spec.constantValue = def.value
  // text has no doc values, so `index: false` alone makes it unsearchable
  const textual = type === 'text' || type === 'match_only_text'
  if (def.index === false && (def.doc_values === false || textual)) spec.searchable = false
  if (typeof def.scaling_factor === 'number' && def.scaling_factor > 0) spec.scalingFactor = def.scaling_factor
  else if (type === 'scaled_float') warn(out, name, 'scaled_float needs a positive "scaling_factor"')
  if (typeof def.format === 'string') {
    const problem = dateFormatProblem(def.format)
    if (problem === undefined) spec.format = def.format
    else out.diagnostics.push(makeDiagnostic(SCHEMA_CODES.badDateFormat, AT, { field: name, reason: problem }))
  }
  if (type === 'alias') {
    if (typeof def.path === 'string' && def.path !== '') spec.aliasPath = def.path
    else {
      warn(out, name, 'an alias needs a "path"')
      return
    }
  }
  const multi: MultiField[] = []
  if (isObj(def.fields)) {
    for (const [sub, subDef] of Object.entries(def.fields)) {
      const subName = `${name}.${sub}`
      if (!isObj(subDef) || typeof subDef.type !== 'string') {
        warn(out, subName, 'a multi-field needs a "type"')
        continue
      }
      const subType = toFieldType(subDef.type)
      const subIgnore = positiveInt(subDef.ignore_above)
      const mf: MultiField = subIgnore === undefined ? { name: subName, type: subType } : { name: subName, type: subType, ignoreAbove: subIgnore }
      multi.push(mf)
      out.fields.push({ ...mf, origin: 'mapping', multiFieldOf: name })
    }
  }
  if (multi.length > 0) spec.multiFields = multi
  out.fields.push(spec)
}

function positiveInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined
}
