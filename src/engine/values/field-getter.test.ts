import { describe, expect, it } from 'vitest'
import { compileGetter, compileObjectGetter, forEachValue, hasLeafValue, leafValuesUnder, valuesOf } from './field-getter'

const sorted = (v: unknown): unknown => (Array.isArray(v) ? [...(v as unknown[])].map(String).sort() : v)

describe('compileGetter', () => {
  it('reads nested objects and a single top-level key', () => {
    expect(compileGetter('host.os.type')({ host: { os: { type: 'linux' } } })).toBe('linux')
    expect(compileGetter('pid')({ pid: 4 })).toBe(4)
    expect(compileGetter('pid')({ ppid: 4 })).toBeUndefined()
  })

  it('reads dotted keys and every mix of dotted and nested spellings', () => {
    const g = compileGetter('process.parent.name')
    expect(g({ 'process.parent.name': 'a' })).toBe('a')
    expect(g({ 'process.parent': { name: 'b' } })).toBe('b')
    expect(g({ process: { 'parent.name': 'c' } })).toBe('c')
    expect(g({ process: { parent: { name: 'd' } } })).toBe('d')
    expect(sorted(g({ 'process.parent.name': 'a', process: { parent: { name: 'd' } } }))).toEqual(['a', 'd'])
  })

  it('collects a dotted spelling found next to the nested one at any level', () => {
    const g = compileGetter('a.b.c')
    expect(sorted(g({ a: { b: { c: 1 }, 'b.c': 2 } }))).toEqual(['1', '2'])
    expect(sorted(g({ a: { b: { c: 1 } }, 'a.b': { c: 3 } }))).toEqual(['1', '3'])
    expect(g({ a: { b: 'scalar' }, 'a.b.c': 4 })).toBe(4)
    expect(g({ a: { b: null } })).toBeUndefined()
    expect(g({ a: { b: { c: null } } })).toBeUndefined()
    expect(g({ a: { b: { c: ['x', null] } } })).toBe('x')
  })

  it('flattens arrays at every level, including arrays of objects', () => {
    const g = compileGetter('a.b')
    expect(g({ a: [{ b: 1 }, { b: [2, 3] }, { c: 9 }, 'x'] })).toEqual([1, 2, 3])
    expect(g({ a: { b: [[1, [2]], 3] } })).toEqual([1, 2, 3])
    expect(g({ a: [[{ b: 'deep' }]] })).toBe('deep')
  })

  it('treats null, [] and [null] as no value but keeps other array members', () => {
    const g = compileGetter('x')
    expect(g({ x: null })).toBeUndefined()
    expect(g({ x: [] })).toBeUndefined()
    expect(g({ x: [null] })).toBeUndefined()
    expect(g({ x: [null, 'v'] })).toBe('v')
    expect(g({ x: '' })).toBe('')
    expect(g({ x: 0 })).toBe(0)
    expect(g({ x: false })).toBe(false)
  })

  it('gives no value for a path that names an object, and none for non-object events', () => {
    expect(compileGetter('process')({ process: { name: 'a' } })).toBeUndefined()
    expect(compileGetter('a.b')({ a: { b: { c: 1 } } })).toBeUndefined()
    expect(compileGetter('a.b')(null)).toBeUndefined()
    expect(compileGetter('a.b')([{ a: { b: 1 } }])).toBeUndefined()
    expect(compileGetter('a.b')('text')).toBeUndefined()
  })

  it('does not see inherited Object.prototype members', () => {
    expect(compileGetter('constructor')({})).toBeUndefined()
    expect(compileGetter('a.toString')({ a: {} })).toBeUndefined()
    expect(compileGetter('__proto__.x')({})).toBeUndefined()
    expect(compileGetter('constructor')(JSON.parse('{"constructor":"own"}'))).toBe('own')
  })

  it('returns a flat clean array without copying it', () => {
    const arr = ['a', 'b']
    expect(compileGetter('t')({ t: arr })).toBe(arr)
  })

  it('applies null_value to explicit nulls only', () => {
    const g = compileGetter('f', { nullValue: 'NULL' })
    expect(g({ f: null })).toBe('NULL')
    expect(g({ f: [null, 'x'] })).toEqual(['NULL', 'x'])
    expect(g({})).toBeUndefined()
    expect(g({ f: [] })).toBeUndefined()
    expect(compileGetter('a.f', { nullValue: 0 })({ a: { f: null } })).toBe(0)
  })

  it('handles empty segments and keys literally', () => {
    expect(compileGetter('a..b')({ 'a..b': 1 })).toBe(1)
    expect(compileGetter('@timestamp')({ '@timestamp': 't' })).toBe('t')
  })

  it('helpers iterate getter results', () => {
    const seen: unknown[] = []
    forEachValue([1, 2], (v) => seen.push(v))
    forEachValue(3, (v) => seen.push(v))
    forEachValue(undefined, (v) => seen.push(v))
    expect(seen).toEqual([1, 2, 3])
    expect(valuesOf(undefined)).toEqual([])
    expect(valuesOf('x')).toEqual(['x'])
  })

  it('reads the common nested shape of every event', () => {
    const g = compileGetter('process.parent.name')
    const events = Array.from({ length: 1000 }, (_, i) => ({ process: { parent: { name: `p${i}` } } }))
    expect(events.map((e) => g(e))).toEqual(events.map((_, i) => `p${i}`))
  })
})

describe('hostile input', () => {
  it('does not overflow the stack on absurdly deep arrays', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(compileGetter('a')({ a: deep })).toBeUndefined()
    expect(compileGetter('a.b')({ a: deep })).toBeUndefined()
    expect(compileGetter('a')({ a: [[['ok']]] })).toBe('ok')
  })
})

describe('compileObjectGetter', () => {
  it('collects the objects at a path through every spelling, arrays flattened', () => {
    const g = compileObjectGetter('gcp.deltas')
    const a = { action: 'ADD' }
    const b = { action: 'REMOVE' }
    expect(g({ gcp: { deltas: [a, [b], 'x', null] } })).toEqual([a, b])
    expect(g({ 'gcp.deltas': a })).toEqual([a])
    expect(g({ gcp: [{ deltas: a }, { deltas: b }] })).toEqual([a, b])
    expect(g({ gcp: { deltas: 'scalar' } })).toEqual([])
    expect(g({})).toEqual([])
    expect(compileObjectGetter('top')({ top: a })).toEqual([a])
  })
})

describe('hasLeafValue', () => {
  it('is true when any scalar exists under the value', () => {
    expect(hasLeafValue({ a: { b: [null, 0] } })).toBe(true)
    expect(hasLeafValue({ a: { b: [null, []] }, c: {} })).toBe(false)
    expect(hasLeafValue('')).toBe(true)
    expect(hasLeafValue(null)).toBe(false)
  })
})

describe('leafValuesUnder', () => {
  it('collects every scalar under a value in document order', () => {
    expect(leafValuesUnder({ a: 1, b: { c: ['x', null, { d: true }] }, e: null, f: [] })).toEqual([1, 'x', true])
    expect(leafValuesUnder('s')).toEqual(['s'])
    expect(leafValuesUnder(null)).toEqual([])
  })
})
