import { describe, expect, it } from 'vitest'
import type { SampleQuery, SequenceQuery, Statement } from './ast'
import { parseEql } from './parser'
import { shape } from './parse-test-helpers'

function ok(text: string): Statement {
  const { statement, diagnostics } = parseEql(text)
  expect(diagnostics).toEqual([])
  if (statement === null) throw new Error('no statement')
  return statement
}

function sequence(text: string): SequenceQuery {
  const q = ok(text).query
  if (q.type !== 'SequenceQuery') throw new Error(q.type)
  return q
}

function sample(text: string): SampleQuery {
  const q = ok(text).query
  if (q.type !== 'SampleQuery') throw new Error(q.type)
  return q
}

const slice = (text: string, s: { start: number; end: number }): string => text.slice(s.start, s.end)

describe('event queries and categories', () => {
  it.each([
    ['process where true', { name: 'process', quoted: false }, 'process'],
    ['any where true', { name: null, quoted: false }, 'any'],
    ['"my-cat" where true', { name: 'my-cat', quoted: true }, '"my-cat"'],
    ['"""x.y""" where true', { name: 'x.y', quoted: true }, '"""x.y"""'],
    ['Process where true', { name: 'Process', quoted: false }, 'Process'],
  ])('%s', (text, category, written) => {
    const s = ok(text)
    if (s.query.type !== 'EventQuery') throw new Error(s.query.type)
    expect(s.query.filter.category).toMatchObject(category)
    expect(slice(text, s.query.filter.category.span)).toBe(written)
    expect(slice(text, s.span)).toBe(text)
  })
})

describe('sequences', () => {
  it('reads sequence-level keys, maxspan, per-stage keys and until', () => {
    const text = 'sequence by host.id, user.name with maxspan=5m\n  [process where a] by p\n  [file where b] by f\nuntil [process where c] by q'
    const q = sequence(text)
    expect(q.keys.map(shape)).toEqual(['host.id', 'user.name'])
    expect(q.maxspan).toMatchObject({ value: 5, unit: 'm', millis: 300_000 })
    expect(q.maxspan && slice(text, q.maxspan.span)).toBe('5m')
    expect(q.stages.map((s) => [s.filter.category.name, s.keys.map(shape), s.runs, s.missing])).toEqual([
      ['process', ['p'], 1, false],
      ['file', ['f'], 1, false],
    ])
    expect(q.stages.map((s) => slice(text, s.span))).toEqual(['[process where a] by p', '[file where b] by f'])
    expect(q.until?.keys.map(shape)).toEqual(['q'])
    expect(slice(text, q.span)).toBe(text)
  })

  it('accepts maxspan without keys, and keys without maxspan', () => {
    expect(sequence('sequence with maxspan=30s [a where true] [b where true]')).toMatchObject({ keys: [], maxspan: { millis: 30_000 } })
    expect(sequence('sequence by k [a where true] [b where true]')).toMatchObject({ maxspan: null })
  })

  it.each([
    ['1ms', 1],
    ['2s', 2000],
    ['3m', 180_000],
    ['4h', 14_400_000],
    ['5d', 432_000_000],
  ])('reads maxspan=%s', (span, millis) => {
    expect(sequence(`sequence with maxspan=${span} [a where true] [b where true]`).maxspan?.millis).toBe(millis)
  })

  it('reads with runs=N and missing stages', () => {
    const q = sequence('sequence with maxspan=1h [a where true] by k with runs=3 ![b where true] by k [c where true] by k')
    expect(q.stages.map((s) => [s.runs, s.missing])).toEqual([
      [3, false],
      [1, true],
      [1, false],
    ])
  })

  it('accepts a single stage repeated with runs (as detection rules write it)', () => {
    expect(sequence('sequence by user.id with maxspan=1m [authentication where true] with runs=5').stages[0]?.runs).toBe(5)
  })
})

describe('samples', () => {
  it('reads sample keys and per-stage keys', () => {
    const q = sample('sample by host.id [process where a] by p [file where b] by f')
    expect(q.keys.map(shape)).toEqual(['host.id'])
    expect(q.stages.map((s) => s.keys.map(shape))).toEqual([['p'], ['f']])
  })
})

describe('pipes', () => {
  it('reads head and tail, chained', () => {
    const text = 'process where true | head 5 | tail 2'
    const s = ok(text)
    expect(s.pipes.map((p) => [p.name, p.count, slice(text, p.span)])).toEqual([
      ['head', 5, '| head 5'],
      ['tail', 2, '| tail 2'],
    ])
    expect(slice(text, s.span)).toBe(text)
  })

  it('accepts head 0 and folds constant integer arithmetic', () => {
    expect(ok('process where true | head 0').pipes[0]?.count).toBe(0)
    expect(ok('process where true | tail 2 * 3').pipes[0]?.count).toBe(6)
  })
})

describe('recovery', () => {
  it('reports several errors in one pass and keeps a partial tree', () => {
    const text = 'sequence [a where x ==] [b where y in (1 2, 3)] [c where z : f]'
    const { statement, diagnostics } = parseEql(text)
    expect(diagnostics.map((d) => slice(text, d.span))).toEqual([']', '2', 'f'])
    if (statement?.query.type !== 'SequenceQuery') throw new Error('no sequence')
    expect(statement.query.stages.map((s) => shape(s.filter.condition))).toEqual(['(== x <error>)', '(in y 1 3)', '<error>'])
  })

  it('returns null with a diagnostic, without throwing, for input that is no query', () => {
    for (const text of ['', '   ', '42', ')', '| head 5', '[a where true]', '/*']) {
      const r = parseEql(text)
      expect(r.statement).toBeNull()
      expect(r.diagnostics.length).toBeGreaterThan(0)
    }
  })

  it('never throws on arbitrary fragments of real syntax', () => {
    const pieces = ['sequence', 'by', 'x', 'with', 'maxspan', '=', '5m', '[', ']', '![', 'where', 'until', '(', ')', ',', '"s"', ':', 'in', 'not', '|', 'head', '1', 'and', '?', '.', '`q`', 'f(', 'sample', 'runs']
    let seed = 7
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let i = 0; i < 2000; i++) {
      const len = next() % 14
      const text = Array.from({ length: len }, () => pieces[next() % pieces.length]).join(' ')
      const r = parseEql(text)
      expect(Array.isArray(r.diagnostics)).toBe(true)
    }
  })
})
