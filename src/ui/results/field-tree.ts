import type { FieldHit, Span } from '../../engine'

/**
 * The field tree of one event, built once per expanded row. Paths follow Elasticsearch's field
 * names: nested objects and dotted keys both give `process.name`, and array elements keep their
 * parent's path (Elasticsearch flattens arrays), so a hit on `process.args` marks the array and
 * every element of it.
 */

export interface FieldNode {
  /** what the row shows as the name: `name`, `process.name` for a dotted key, `[0]` in an array */
  readonly label: string
  /** the Elasticsearch field path (no array indices), compared with `FieldHit.field` */
  readonly path: string
  /** unique within the tree (array indices kept), used as the React key and for expansion */
  readonly id: string
  readonly kind: 'object' | 'array' | 'value'
  /** the scalar for `value` nodes */
  readonly value?: unknown
  readonly children: readonly FieldNode[]
  /** children left out because the node has more than the cap */
  readonly omitted: number
  /** the query spans of the conditions that read this field (empty: not a matched field) */
  readonly spans: readonly Span[]
  /** true when this node or a descendant is a matched field: such branches start expanded */
  readonly containsHit: boolean
}

export interface FieldTreeOptions {
  /** most children listed per object or array; an event with 50,000 array items stays usable */
  readonly maxChildren?: number
}

const DEFAULT_MAX_CHILDREN = 200

/** Groups hit spans by field, dropping duplicate spans (a condition can hit one field twice). */
export function spansByField(hits: readonly FieldHit[]): ReadonlyMap<string, readonly Span[]> {
  const map = new Map<string, Span[]>()
  for (const h of hits) {
    const list = map.get(h.field) ?? []
    if (!list.some((s) => s.start === h.span.start && s.end === h.span.end)) list.push(h.span)
    map.set(h.field, list)
  }
  return map
}

/** The tree of `event` (any JSON value) with the fields in `hits` marked. */
export function buildFieldTree(event: unknown, hits: readonly FieldHit[], options: FieldTreeOptions = {}): FieldNode {
  const spans = spansByField(hits)
  const max = options.maxChildren ?? DEFAULT_MAX_CHILDREN
  return build(event, '', '', '', spans, max)
}

function build(value: unknown, label: string, path: string, id: string, spans: ReadonlyMap<string, readonly Span[]>, max: number): FieldNode {
  const own = (path !== '' && spans.get(path)) || []
  if (Array.isArray(value)) {
    const children = value.slice(0, max).map((v, i) => build(v, `[${i}]`, path, `${id}[${i}]`, spans, max))
    return node(label, path, id, 'array', undefined, children, value.length - children.length, own)
  }
  if (isObject(value)) {
    const entries = Object.entries(value)
    const children = entries.slice(0, max).map(([k, v]) => {
      const childPath = path === '' ? k : `${path}.${k}`
      return build(v, k, childPath, id === '' ? k : `${id}.${k}`, spans, max)
    })
    return node(label, path, id, 'object', undefined, children, entries.length - children.length, own)
  }
  return node(label, path, id, 'value', value, [], 0, own)
}

function node(label: string, path: string, id: string, kind: FieldNode['kind'], value: unknown, children: FieldNode[], omitted: number, spans: readonly Span[]): FieldNode {
  const containsHit = spans.length > 0 || children.some((c) => c.containsHit)
  return kind === 'value'
    ? { label, path, id, kind, value, children, omitted, spans, containsHit }
    : { label, path, id, kind, children, omitted, spans, containsHit }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** True when `node` is a matched field whose condition has exactly `span`. */
export function hasSpan(node: FieldNode, span: Span | null): boolean {
  return span !== null && node.spans.some((s) => s.start === span.start && s.end === span.end)
}

/** A scalar as JSON shows it: strings quoted, so `"42"` and `42` stay distinguishable. */
export function formatScalar(value: unknown): string {
  if (value === undefined) return 'undefined'
  return JSON.stringify(value) ?? String(value)
}

/** The ids of every branch that holds a matched field: the tree opens on what matched. */
export function initiallyExpanded(root: FieldNode): Set<string> {
  const open = new Set<string>()
  const walk = (n: FieldNode): void => {
    if (n.kind !== 'value' && n.containsHit) {
      open.add(n.id)
      n.children.forEach(walk)
    }
  }
  walk(root)
  return open
}
