import type { FieldSpec } from './types'

/**
 * Dynamic mapping, as Elasticsearch applies it to fields no mapping defines: every leaf path in the
 * events gets the type of the first non-null value seen (strings -> keyword, or text with a
 * `.keyword` sub-field, ignore_above 256, in 'text+keyword' mode; whole numbers -> long, other
 * numbers -> float; booleans -> boolean). Date detection is off (ISO strings stay strings, as with
 * ECS index templates). Paths under a `flattened` field are covered by that field and skipped.
 */
export type InferStrings = 'keyword' | 'text+keyword'

type JsonKind = 'string' | 'integer' | 'number' | 'boolean'

export interface Inference {
  readonly fields: FieldSpec[]
  /** paths whose values had more than one JSON kind */
  readonly mixed: string[]
}

type Obj = Record<string, unknown>

// Deeper structure is not inferred (ES itself stops at a mapping depth of 20 by default); the
// bound keeps hostile input from overflowing the stack.
const MAX_DEPTH = 100

export function inferFromEvents(
  events: readonly unknown[],
  isKnown: (path: string) => boolean,
  underFlattened: (path: string) => boolean,
  mode: InferStrings,
): Inference {
  const first = new Map<string, JsonKind>()
  const mixed = new Set<string>()

  function visit(v: unknown, path: string, depth: number): void {
    if (v === null || v === undefined || depth > MAX_DEPTH) return
    if (Array.isArray(v)) {
      for (const e of v as unknown[]) visit(e, path, depth + 1)
      return
    }
    if (typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Obj)) visit(child, path === '' ? k : `${path}.${k}`, depth + 1)
      return
    }
    const kind = kindOf(v)
    if (kind === undefined || path === '') return
    const seen = first.get(path)
    if (seen === undefined) first.set(path, kind)
    else if (seen !== kind && !(seen === 'integer' && kind === 'number')) mixed.add(path)
  }

  for (const e of events) if (typeof e === 'object' && e !== null && !Array.isArray(e)) visit(e, '', 0)

  const fields: FieldSpec[] = []
  for (const [path, kind] of first) {
    if (isKnown(path) || underFlattened(path)) continue
    fields.push(...specsFor(path, kind, mode))
  }
  fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { fields, mixed: [...mixed].filter((p) => !isKnown(p)).sort() }
}

function kindOf(v: unknown): JsonKind | undefined {
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number'
    case 'boolean':
      return 'boolean'
    default:
      return undefined
  }
}

function specsFor(name: string, kind: JsonKind, mode: InferStrings): FieldSpec[] {
  switch (kind) {
    case 'integer':
      return [{ name, type: 'long', origin: 'events' }]
    case 'number':
      return [{ name, type: 'float', origin: 'events' }]
    case 'boolean':
      return [{ name, type: 'boolean', origin: 'events' }]
    case 'string': {
      if (mode === 'keyword') return [{ name, type: 'keyword', origin: 'events' }]
      const sub = { name: `${name}.keyword`, type: 'keyword', ignoreAbove: 256 } as const
      return [
        { name, type: 'text', origin: 'events', multiFields: [sub] },
        { ...sub, origin: 'events', multiFieldOf: name },
      ]
    }
  }
}
