import type { ExceptionEntry, ExceptionItem } from '../engine/exceptions/types'

/**
 * The fields exception items read, so trimming a link's events to "only the fields the query
 * uses" keeps them too: an exception applies to every event the rule sees, so dropping a field
 * it tests would bring back matches the author had excepted.
 */

/** Where an item with `os_types` looks for the operating system (Kibana's endpoint items). */
const OS_FIELDS = ['host.os.type', 'host.os.name'] as const

// `host.os.name.caseless` and `x.keyword` read the value at their parent, which is what events hold.
const MULTI_FIELD_SUFFIXES = new Set(['keyword', 'text', 'caseless'])

function sourcePath(path: string): string {
  const dot = path.lastIndexOf('.')
  return dot > 0 && MULTI_FIELD_SUFFIXES.has(path.slice(dot + 1)) ? path.slice(0, dot) : path
}

function entryField(entry: ExceptionEntry): string {
  // A nested entry's inner fields are relative to its path: keeping the path keeps them all.
  return sourcePath(entry.field)
}

/** The dotted paths the items read of each event, deduplicated, in first-use order. */
export function fieldsOfExceptions(items: readonly ExceptionItem[]): string[] {
  const out = new Set<string>()
  for (const item of items) {
    for (const entry of item.entries) out.add(entryField(entry))
    if ((item.os_types ?? []).length > 0) for (const f of OS_FIELDS) out.add(f)
  }
  return [...out].filter((f) => f !== '')
}
