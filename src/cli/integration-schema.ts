/**
 * The schema rules are checked against when their real index is unknown (`npm run corpus`, and
 * `check` on rule files without --strict-fields).
 *
 * ECS marks a few fields as neither indexed nor doc-valued (`event.original` above all), and
 * Elasticsearch refuses to search such a field. But a rule runs against its integration's own
 * index templates, which may map the same field searchable, and we cannot see those templates. So,
 * like the unknown fields lenient-compile.ts assumes mapped, these fields are assumed searchable
 * here; a user who loads events and checks a query in the playground still gets the exact ECS
 * answer ("Cannot search on field ... since it is not indexed").
 */
import type { FieldSpec, Schema } from '../engine/schema/types'

function searchable(spec: FieldSpec | undefined): FieldSpec | undefined {
  if (spec === undefined || spec.searchable !== false) return spec
  const { searchable: _dropped, ...rest } = spec
  return rest
}

/** The same schema, with every field searchable. */
export function assumeSearchable(schema: Schema): Schema {
  return {
    get: (name) => searchable(schema.get(name)),
    resolve: (name) => searchable(schema.resolve(name)),
    names: () => schema.names(),
  }
}
