import { nestedAncestorOf, sourcePathOf } from '../schema/field-type-names'
import type { FieldSpec } from '../schema/types'
import type { Span } from '../source/span'
import { compileGetter, type Getter } from '../values/field-getter'
import { compileWildcardParts, type StringMatcher, type WildcardPart } from '../values/wildcard'
import type { KqlField } from './ast'
import { KQL_CHECK_CODES } from './codes-check'
import { relativePath, report, type CompileContext } from './compile-context'

/**
 * Field names to the fields a clause runs on (Kibana's getFullFieldNameNode + getFields, spec
 * §4.2 step 3): inside a nested group the group's path is prefixed; a plain name is one field; a
 * pattern (`file.*`, `*` spans dots) is every mapped leaf field it matches — multi-fields such as
 * `process.name.text` and aliases included, object and nested parents excluded — plus, at run
 * time, leaf paths of the event that the schema does not know (see compile-event-fields.ts).
 *
 * A field the schema does not know at all keeps `spec` undefined and is read like an unmapped
 * keyword. Callers that need to know whether a type came from ECS/mappings or was only inferred
 * from events (the DSL exporter, spec §4.6) can use `isTypeKnown`.
 */
export interface Target {
  /** full dotted name */
  readonly name: string
  /** the spec values are indexed with (aliases resolved); undefined when the schema has none */
  readonly spec: FieldSpec | undefined
  /** reads the field's raw values from the current scope (event, or nested object) */
  readonly read: Getter
  /** path read, relative to the current scope */
  readonly path: string
}

export interface ResolvedField {
  readonly targets: readonly Target[]
  /** the name shown in hits: the full name, or the pattern as written */
  readonly hitName: string
  /** for a pattern: matches full names (for event fields the schema does not know) */
  readonly pattern: StringMatcher | null
}

/** True when a field's type comes from ECS or user mappings rather than inference from events. */
export function isTypeKnown(spec: FieldSpec | undefined): boolean {
  return spec !== undefined && spec.origin !== 'events'
}

/** Resolves a clause's field; null (with an error reported) when Kibana or ES would refuse it. */
export function resolveField(field: KqlField, ctx: CompileContext, at: Span): ResolvedField | null {
  const prefix = ctx.nestedPath === undefined ? '' : ctx.nestedPath + '.'
  if (field.type === 'field') {
    const name = prefix + field.name
    if (!checkNesting(name, ctx, at)) return null
    const target = targetOf(name, ctx)
    if (target.spec?.searchable === false) {
      report(ctx, KQL_CHECK_CODES.notSearchable, at, { name })
      return null
    }
    return { targets: [target], hitName: name, pattern: null }
  }
  const parts: WildcardPart[] = []
  field.parts.forEach((text, i) => {
    if (i > 0) parts.push({ kind: 'any' })
    const t = i === 0 ? prefix + text : text
    if (t !== '') parts.push({ kind: 'literal', text: t })
  })
  const matches = compileWildcardParts(parts, false)
  const targets: Target[] = []
  for (const name of ctx.schema.names()) {
    if (!matches(name)) continue
    const spec = ctx.schema.get(name)
    if (spec === undefined || spec.type === 'object' || spec.type === 'nested') continue
    if (ctx.nestedPath !== undefined && !name.startsWith(prefix)) continue
    if (spec.searchable === false) {
      // Kibana lists the field and sends a clause for it, which Elasticsearch refuses
      report(ctx, KQL_CHECK_CODES.notSearchable, at, { name })
      return null
    }
    targets.push(targetOf(name, ctx))
  }
  return { targets, hitName: prefix + field.parts.join('*'), pattern: matches }
}

/** The target for one full field name (no checks). */
export function targetOf(name: string, ctx: CompileContext): Target {
  const spec = ctx.schema.resolve(name)
  const source = spec === undefined ? name : sourcePathOf(spec)
  const path = relativePath(ctx, source)
  const read = spec?.nullValue === undefined ? compileGetter(path) : compileGetter(path, { nullValue: spec.nullValue })
  return { name, spec, read, path }
}

/**
 * Kibana's nested-group rules for fields the data view knows: a field under a nested mapping must
 * be queried inside a group for exactly that path, and a group may only hold its own fields.
 */
function checkNesting(name: string, ctx: CompileContext, at: Span): boolean {
  if (ctx.schema.get(name) === undefined) return true
  const own = nestedAncestorOf(ctx.schema, name)
  const group = ctx.nestedPath
  if (own === group) return true
  if (group === undefined) report(ctx, KQL_CHECK_CODES.nestedOutsideGroup, at, { name })
  else if (own === undefined) report(ctx, KQL_CHECK_CODES.notNestedInGroup, at, { name, path: group })
  else report(ctx, KQL_CHECK_CODES.wrongNestedGroup, at, { name, path: own })
  return false
}
