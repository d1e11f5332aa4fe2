import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import { SCHEMA_CODES } from './codes'
import { ECS_TABLE } from './ecs-types.generated'
import { toFieldType } from './field-type-names'
import { inferFromEvents, type InferStrings } from './infer-from-events'
import { parseMappings } from './mapping-json'
import type { FieldSpec, MultiField, Schema } from './types'

export interface BuildSchemaOptions {
  /** include every ECS field (types from @elastic/ecs) */
  readonly ecs?: boolean
  /** user mappings (see `parseMappings` for the accepted shapes); win over ECS */
  readonly mappings?: unknown
  /** events whose unknown leaf paths get inferred types */
  readonly events?: readonly unknown[]
  /** how inferred strings are mapped (default 'keyword') */
  readonly inferStrings?: InferStrings
}

export interface BuiltSchema {
  readonly schema: Schema
  readonly diagnostics: Diagnostic[]
  /** the names of the fields whose types were inferred from the events (sorted) */
  readonly inferred: string[]
}

const AT = span(0, 0)
const MAX_LISTED = 20

/**
 * Builds the field types a query is checked and run against: ECS (optional), then user mappings
 * over it, then inference from the events for paths neither defines. Never throws; problems with
 * the inputs come back as diagnostics.
 */
export function buildSchema(opts: BuildSchemaOptions = {}): BuiltSchema {
  const table = new Map<string, FieldSpec>()
  const diagnostics: Diagnostic[] = []
  if (opts.ecs === true) for (const f of ecsFieldSpecs()) table.set(f.name, f)
  if (opts.mappings !== undefined && opts.mappings !== null) {
    const parsed = parseMappings(opts.mappings)
    diagnostics.push(...parsed.diagnostics)
    for (const f of parsed.fields) {
      const old = table.get(f.name)
      // a redefined field drops the ECS multi-fields it no longer has
      for (const mf of old?.multiFields ?? []) if (table.get(mf.name)?.origin === 'ecs') table.delete(mf.name)
      table.set(f.name, f)
    }
  }
  for (const f of table.values()) {
    if (f.type === 'alias' && f.aliasPath !== undefined && !table.has(f.aliasPath)) {
      diagnostics.push(makeDiagnostic(SCHEMA_CODES.danglingAlias, AT, { field: f.name, path: f.aliasPath }))
    }
  }
  const schema = new TableSchema(table)
  let inferred: string[] = []
  if (opts.events !== undefined && opts.events.length > 0) {
    const inference = inferFromEvents(
      opts.events,
      (p) => table.has(p),
      (p) => schema.flattenedAncestor(p) !== undefined,
      opts.inferStrings ?? 'keyword',
    )
    for (const f of inference.fields) schema.add(f)
    inferred = inference.fields.filter((f) => f.multiFieldOf === undefined).map((f) => f.name)
    if (inferred.length > 0) {
      diagnostics.push(makeDiagnostic(SCHEMA_CODES.inferred, AT, { count: inferred.length, fields: listed(inferred, inference.fields) }))
    }
    if (inference.mixed.length > 0) {
      diagnostics.push(makeDiagnostic(SCHEMA_CODES.mixedTypes, AT, { fields: listed(inference.mixed) }))
    }
  }
  return { schema, diagnostics, inferred }
}

function listed(names: readonly string[], specs?: readonly FieldSpec[]): string {
  const typeOf = new Map(specs?.map((s) => [s.name, s.type]))
  const shown = names.slice(0, MAX_LISTED).map((n) => (typeOf.has(n) ? `${n} (${typeOf.get(n) ?? ''})` : n))
  const more = names.length > MAX_LISTED ? `, and ${names.length - MAX_LISTED} more` : ''
  return shown.join(', ') + more
}

/** A Schema over a name -> spec table. */
class TableSchema implements Schema {
  private sorted: readonly string[] | undefined
  // The longest name in the table: no longer prefix of a name can be a field, so ancestor lookups
  // start there instead of slicing every prefix of a hostile name of thousands of segments.
  private longestName = 0

  constructor(private readonly table: Map<string, FieldSpec>) {
    for (const name of table.keys()) this.longestName = Math.max(this.longestName, name.length)
  }

  /** Adds an inferred field (the table is only ever extended after construction). */
  add(spec: FieldSpec): void {
    this.table.set(spec.name, spec)
    this.longestName = Math.max(this.longestName, spec.name.length)
    this.sorted = undefined
  }

  get(name: string): FieldSpec | undefined {
    const spec = this.table.get(name)
    if (spec !== undefined) return spec
    // a path inside a flattened field is queryable as a keyword (ES flattened sub-field access)
    const root = this.flattenedAncestor(name)
    return root === undefined ? undefined : { name, type: 'keyword', origin: root.origin }
  }

  resolve(name: string): FieldSpec | undefined {
    let spec = this.get(name)
    // alias chains are not allowed by ES, but a bounded loop keeps a bad mapping from hanging us
    for (let hops = 0; spec !== undefined && spec.type === 'alias' && hops < 8; hops++) {
      spec = spec.aliasPath === undefined ? undefined : this.get(spec.aliasPath)
    }
    return spec?.type === 'alias' ? undefined : spec
  }

  names(): readonly string[] {
    if (this.sorted === undefined) this.sorted = [...this.table.keys()].sort()
    return this.sorted
  }

  flattenedAncestor(name: string): FieldSpec | undefined {
    const first = name.lastIndexOf('.', Math.min(name.length - 1, this.longestName))
    for (let i = first; i > 0; i = name.lastIndexOf('.', i - 1)) {
      const spec = this.table.get(name.slice(0, i))
      if (spec !== undefined) return spec.type === 'flattened' ? spec : undefined
    }
    return undefined
  }
}

/**
 * The ECS field specs, decoded once from the generated table (see scripts/gen-ecs-schema.ts for
 * the line format). Multi-fields (`process.name.text`) are listed both on their parent and as
 * specs of their own with `multiFieldOf`, so `schema.get("process.name.text")` works.
 */
let cached: readonly FieldSpec[] | undefined

export function ecsFieldSpecs(): readonly FieldSpec[] {
  if (cached === undefined) cached = decode(ECS_TABLE)
  return cached
}

function decode(table: string): FieldSpec[] {
  const out: FieldSpec[] = []
  for (const line of table.split('\n')) {
    if (line === '') continue
    const [name = '', typeName = '', ...options] = line.split(' ')
    const spec: { -readonly [K in keyof FieldSpec]: FieldSpec[K] } = { name, type: toFieldType(typeName), origin: 'ecs' }
    for (const option of options) {
      const [key, value = ''] = option.split('=')
      if (key === 'ia') spec.ignoreAbove = Number(value)
      else if (key === 'sf') spec.scalingFactor = Number(value)
      else if (key === 'unsearchable') spec.searchable = false
      else if (key === 'mf') {
        const subs: MultiField[] = value.split(',').map((m) => {
          const [sub = '', subType = '', subIgnore] = m.split(':')
          const mf = { name: `${name}.${sub}`, type: toFieldType(subType) }
          return subIgnore === undefined ? mf : { ...mf, ignoreAbove: Number(subIgnore) }
        })
        spec.multiFields = subs
        for (const mf of subs) out.push({ ...mf, origin: 'ecs', multiFieldOf: name })
      }
    }
    out.push(spec)
  }
  return out
}
