import { describe, expect, it } from 'vitest'
import { buildFieldTree, formatScalar, hasSpan, initiallyExpanded, spansByField, type FieldNode } from './field-tree'

const find = (n: FieldNode, id: string): FieldNode | undefined =>
  n.id === id ? n : n.children.map((c) => find(c, id)).find((x) => x !== undefined)

describe('buildFieldTree', () => {
  const event = {
    '@timestamp': '2026-11-23T10:00:00Z',
    process: { name: 'defaults', args: ['write', 'LoginHook'], parent: { name: 'sh' } },
    'host.name': 'mbp-042',
  }
  const hits = [
    { field: 'process.name', span: { start: 16, end: 42 } },
    { field: 'process.args', span: { start: 47, end: 75 } },
    { field: 'host.name', span: { start: 80, end: 90 } },
  ]
  const tree = buildFieldTree(event, hits)

  it('gives nested objects dotted paths and marks the matched field with its clause span', () => {
    const name = find(tree, 'process.name')
    expect(name?.path).toBe('process.name')
    expect(name?.kind).toBe('value')
    expect(name?.value).toBe('defaults')
    expect(name?.spans).toEqual([{ start: 16, end: 42 }])
    expect(find(tree, 'process.parent.name')?.spans).toEqual([])
  })

  it('keeps a dotted key as one label with the same path as a nested object would have', () => {
    const host = find(tree, 'host.name')
    expect(host?.label).toBe('host.name')
    expect(host?.spans).toEqual([{ start: 80, end: 90 }])
  })

  it('gives array elements their parent path (Elasticsearch flattens arrays) and marks them all', () => {
    const args = find(tree, 'process.args')
    expect(args?.kind).toBe('array')
    expect(args?.children.map((c) => [c.label, c.id, c.path])).toEqual([
      ['[0]', 'process.args[0]', 'process.args'],
      ['[1]', 'process.args[1]', 'process.args'],
    ])
    expect(args?.children.every((c) => c.spans.length === 1)).toBe(true)
  })

  it('opens exactly the branches that hold a matched field', () => {
    const open = initiallyExpanded(tree)
    expect(open.has('process')).toBe(true)
    expect(open.has('process.args')).toBe(true)
    expect(open.has('process.parent')).toBe(false)
    expect(find(tree, 'process.parent')?.containsHit).toBe(false)
  })

  it('caps the children of a huge array and counts the rest', () => {
    const big = buildFieldTree({ a: Array.from({ length: 10 }, (_, i) => i) }, [], { maxChildren: 3 })
    const a = find(big, 'a')
    expect(a?.children).toHaveLength(3)
    expect(a?.omitted).toBe(7)
  })

  it('builds a leaf for a scalar event', () => {
    expect(buildFieldTree(42, []).kind).toBe('value')
  })
})

describe('hits and spans', () => {
  it('groups spans by field without duplicates', () => {
    const s = { start: 1, end: 5 }
    const map = spansByField([{ field: 'a', span: s }, { field: 'a', span: { ...s } }, { field: 'b', span: s }])
    expect(map.get('a')).toEqual([s])
    expect(map.get('b')).toEqual([s])
  })

  it('matches a node to the hovered clause only by an equal span', () => {
    const tree = buildFieldTree({ a: 1 }, [{ field: 'a', span: { start: 3, end: 9 } }])
    const a = find(tree, 'a')
    if (!a) throw new Error('no node a')
    expect(hasSpan(a, { start: 3, end: 9 })).toBe(true)
    expect(hasSpan(a, { start: 3, end: 8 })).toBe(false)
    expect(hasSpan(a, null)).toBe(false)
  })

  it('shows strings quoted and numbers bare', () => {
    expect(formatScalar('42')).toBe('"42"')
    expect(formatScalar(42)).toBe('42')
    expect(formatScalar(null)).toBe('null')
  })
})
