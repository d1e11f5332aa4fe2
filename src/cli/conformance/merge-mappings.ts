/**
 * Merges the mappings of several indices searched together (the sample suite searches
 * sample1,sample2,sample3) into the one mapping the engine's single schema takes. Format read and
 * written: Elasticsearch mapping JSON, `{ "properties": { name: { "type", "format", "fields",
 * "properties", ... } } }`, optionally wrapped in `{ "mappings": ... }`.
 *
 * Elasticsearch parses each document with its own index's mapping. The one difference that
 * matters in the sample suite is a date field with a different custom `format` per index
 * (dd-MM-yyyy vs yyyy-MM-dd): the merged field gets both formats joined with "||", so each
 * document's value still parses with the format its own index would have used. A field mapped
 * with two different types keeps the first one; the conflict is returned so callers can say so.
 */

type Obj = Record<string, unknown>

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function propertiesOf(mapping: Obj): Obj {
  const root = isObject(mapping['mappings']) ? mapping['mappings'] : mapping
  return isObject(root['properties']) ? root['properties'] : {}
}

function mergeFormats(a: unknown, b: unknown): unknown {
  if (typeof a !== 'string') return b
  if (typeof b !== 'string') return a
  const parts = [...a.split('||'), ...b.split('||')]
  return [...new Set(parts)].join('||')
}

function mergeField(path: string, a: Obj, b: Obj, conflicts: string[]): Obj {
  if (isObject(a['properties']) || isObject(b['properties'])) {
    const props = mergeProperties(path + '.', isObject(a['properties']) ? a['properties'] : {}, isObject(b['properties']) ? b['properties'] : {}, conflicts)
    return { ...a, ...b, properties: props }
  }
  const ta = a['type']
  const tb = b['type']
  if (ta !== undefined && tb !== undefined && ta !== tb) {
    conflicts.push(`${path}: ${String(ta)} vs ${String(tb)}`)
    return a
  }
  const out: Obj = { ...b, ...a }
  const format = mergeFormats(a['format'], b['format'])
  if (format !== undefined) out['format'] = format
  if (isObject(a['fields']) && isObject(b['fields'])) out['fields'] = { ...b['fields'], ...a['fields'] }
  return out
}

function mergeProperties(prefix: string, a: Obj, b: Obj, conflicts: string[]): Obj {
  const out: Obj = { ...a }
  for (const [name, field] of Object.entries(b)) {
    const mine = out[name]
    out[name] = isObject(mine) && isObject(field) ? mergeField(prefix + name, mine, field, conflicts) : field
  }
  return out
}

/** The union of the mappings' fields; `conflicts` lists fields mapped with different types. */
export function mergeMappings(mappings: readonly Obj[]): { mapping: Obj; conflicts: string[] } {
  const conflicts: string[] = []
  let props: Obj = {}
  for (const m of mappings) props = mergeProperties('', props, propertiesOf(m), conflicts)
  return { mapping: { properties: props }, conflicts }
}
