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
 * joined after `prefix`) until `visit` returns true; returns whether it did. With `within`, only
 * leaves named `within.…` are visited (other subtrees are not walked).
 */
export function someLeaf(value: unknown, prefix: string, visit: (name: string, raw: unknown) => boolean, within = ''): boolean {
  return walk(value, prefix, visit, within === '' ? '' : within + '.', 0)
}

/** Whether a field named `name` can be, or hold, a leaf whose name starts with `root` (ends in '.'). */
function compatible(name: string, root: string): boolean {
  return name.length >= root.length ? name.startsWith(root) || name + '.' === root : root.startsWith(name + '.')
}

function walk(v: unknown, name: string, visit: (name: string, raw: unknown) => boolean, root: string, depth: number): boolean {
  if (v === null || v === undefined || depth > MAX_DEPTH) return false
  if (typeof v !== 'object') return name !== '' && visit(name, v)
  if (Array.isArray(v)) {
    for (const e of v as unknown[]) if (walk(e, name, visit, root, depth + 1)) return true
    return false
  }
  for (const key of Object.keys(v)) {
    const full = name === '' ? key : `${name}.${key}`
    // skip subtrees that cannot hold a leaf under `root` (dotted keys may still lead there)
    if (root !== '' && !compatible(full, root)) continue
    if (walk((v as Record<string, unknown>)[key], full, visit, root, depth + 1)) return true
  }
  return false
}
