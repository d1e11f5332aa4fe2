/**
 * Walking an event's leaf fields by name, for the two clause kinds whose fields are not known at
 * compile time: field-less values (searched over every field, like `default_field: *`) and field
 * name patterns over event fields the schema does not list. Names are built as Elasticsearch
 * flattens documents: nested objects and dotted keys join with `.`, arrays keep their field's
 * name.
 *
 * The names are kept in a trie shared by all events of all runs of the compiled clause, so after
 * the first events a walk allocates no strings: each object key is one Map lookup, and what the
 * clause needs per field name (its compiled test) is computed once and stored on the node.
 */

const MAX_DEPTH = 64
// distinct field names remembered per clause; beyond, names are still walked but not cached
const MAX_NODES = 50_000

interface TrieNode<T> {
  readonly name: string
  children: Map<string, TrieNode<T>> | null
  /** computed on first use; undefined until then */
  data: T | undefined
  /** false when no leaf under this name can be of interest (outside `within`) */
  readonly open: boolean
}

/**
 * Field names under an optional root (`within`: only names `within` or `within.…` are visited,
 * other subtrees are skipped), each with lazily computed per-name data.
 */
export class FieldNames<T> {
  private readonly root: TrieNode<T>
  private size = 0
  private readonly rootDot: string

  constructor(
    private readonly compute: (name: string) => T,
    within = '',
  ) {
    this.rootDot = within === '' ? '' : within + '.'
    this.root = { name: '', children: null, data: undefined, open: true }
  }

  /** Calls `visit(data, raw)` for every non-null scalar of the event until it returns true. */
  some(event: unknown, visit: (data: T, raw: unknown) => boolean): boolean {
    return this.walk(event, this.root, visit, 0)
  }

  private child(node: TrieNode<T>, key: string): TrieNode<T> {
    const hit = node.children?.get(key)
    if (hit !== undefined) return hit
    const name = node.name === '' ? key : `${node.name}.${key}`
    const made: TrieNode<T> = { name, children: null, data: undefined, open: this.compatible(name) }
    if (this.size < MAX_NODES) {
      this.size++
      if (node.children === null) node.children = new Map()
      node.children.set(key, made)
    }
    return made
  }

  // a name can hold leaves under the root when it is inside it or on the way to it
  private compatible(name: string): boolean {
    const root = this.rootDot
    if (root === '') return true
    return name.length >= root.length ? name.startsWith(root) || name + '.' === root : root.startsWith(name + '.')
  }

  private walk(v: unknown, node: TrieNode<T>, visit: (data: T, raw: unknown) => boolean, depth: number): boolean {
    if (v === null || v === undefined || depth > MAX_DEPTH) return false
    if (typeof v !== 'object') {
      if (node === this.root) return false
      if (node.data === undefined) node.data = this.compute(node.name)
      return visit(node.data, v)
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (this.walk(v[i], node, visit, depth + 1)) return true
      return false
    }
    const o = v as Record<string, unknown>
    for (const key in o) {
      if (!Object.hasOwn(o, key)) continue
      const next = this.child(node, key)
      if (next.open && this.walk(o[key], next, visit, depth + 1)) return true
    }
    return false
  }
}

/**
 * Calls `visit(name, raw)` for every non-null scalar under `value` (names joined after `prefix`)
 * until `visit` returns true; returns whether it did. With `within`, only leaves named `within`
 * or `within.…` are visited. (Uncached: for one-off walks and tests.)
 */
export function someLeaf(value: unknown, prefix: string, visit: (name: string, raw: unknown) => boolean, within = ''): boolean {
  const names = new FieldNames((name) => (prefix === '' ? name : `${prefix}.${name}`), within)
  return names.some(value, visit)
}
