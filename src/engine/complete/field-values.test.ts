import { describe, expect, it } from 'vitest'
import { collectFieldValues, seenField } from './field-values'

describe('collectFieldValues', () => {
  const events = [
    { a: { b: 'x' }, 'c.d': 1, arr: [{ e: 'p' }, { e: 'q' }], flag: true, n: null },
    { a: { b: 'x' }, 'c.d': 2, arr: [{ e: 'p' }] },
    { a: { b: 'y' }, long: 'z'.repeat(500) },
    'not an object',
    null,
  ]

  it('indexes leaf paths (nested, dotted keys, arrays of objects), most frequent first', () => {
    const ix = collectFieldValues(events)
    expect(ix.scanned).toBe(5)
    expect(ix.fields.map((f) => f.name)).toEqual(['a.b', 'arr.e', 'c.d', 'flag', 'long'])
    expect(seenField(ix, 'a.b')).toEqual({ name: 'a.b', count: 3, values: ['x', 'y'] })
    // counted once per event even when an array repeats the field
    expect(seenField(ix, 'arr.e')).toEqual({ name: 'arr.e', count: 2, values: ['p', 'q'] })
    expect(seenField(ix, 'c.d')?.values).toEqual([1, 2])
    expect(seenField(ix, 'flag')?.values).toEqual([true])
    // very long strings are fields but not proposed values
    expect(seenField(ix, 'long')?.values).toEqual([])
    expect(seenField(ix, 'n')).toBeUndefined()
  })

  it('caps fields and values', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ [`f${i % 10}`]: `v${i}` }))
    const ix = collectFieldValues(many, { maxFields: 3, maxValuesPerField: 2 })
    expect(ix.fields).toHaveLength(3)
    for (const f of ix.fields) expect(f.values).toHaveLength(2)
  })

  it('samples evenly when there are more events than maxEvents', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ i }))
    const ix = collectFieldValues(many, { maxEvents: 100, maxValuesPerField: 200 })
    expect(ix.scanned).toBe(100)
    expect(seenField(ix, 'i')?.values).toContain(990)
  })

  it('survives very deep objects', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 5000; i++) deep = { k: deep }
    expect(() => collectFieldValues([deep])).not.toThrow()
  })
})
