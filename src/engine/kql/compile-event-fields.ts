/**
 * Walking an event's leaf fields by name, for the two clause kinds whose fields are not known at
 * compile time: field-less values (searched over every field, like `default_field: *`) and field
 * name patterns over event fields the schema does not list. Names are built as Elasticsearch
 * flattens documents: nested objects and dotted keys join with `.`, arrays keep their field's
 * name. This allocates a name per leaf, so it only runs for these (rare) clauses.
 */

const MAX_DEPTH = 64

/**
 * Calls `visit(name, raw)` for every non-null scalar under `value` (`name` relative to the scope
 * joined after `prefix`) until `visit` returns true; returns whether it did.
 */
export function someLeaf(value: unknown, prefix: string, visit: (name: string, raw: unknown) => boolean): boolean {
  return walk(value, prefix, visit, 0)
}

function walk(v: unknown, name: string, visit: (name: string, raw: unknown) => boolean, depth: number): boolean {
  if (v === null || v === undefined || depth > MAX_DEPTH) return false
  if (typeof v !== 'object') return name !== '' && visit(name, v)
  if (Array.isArray(v)) {
    for (const e of v as unknown[]) if (walk(e, name, visit, depth + 1)) return true
    return false
  }
  for (const key of Object.keys(v)) {
    const child = (v as Record<string, unknown>)[key]
    if (walk(child, name === '' ? key : `${name}.${key}`, visit, depth + 1)) return true
  }
  return false
}
