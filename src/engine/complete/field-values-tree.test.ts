import { describe, expect, it } from 'vitest'
import { EXAMPLES } from '../../examples'
import { fixtureEventSets } from '../../fixtures/fixture-event-sets'
import { collectFieldValues, type FieldValueIndex, type SeenField, type SeenValue } from './field-values'

/**
 * The key-tree walk of collectFieldValues must index exactly what the walk by dotted path strings
 * did (kept here as the reference): same fields, counts and value order, over the examples' and
 * fixtures' events and shapes where a dotted key and nested objects name the same path.
 */

function reference(events: readonly unknown[], maxFields = 2000, maxValues = 50, maxEvents = 20000): FieldValueIndex {
  const trackLimit = maxValues * 20
  const tallies = new Map<string, { count: number; lastEvent: number; values: Map<SeenValue, number> }>()
  const add = (path: string, v: unknown, eventNo: number): void => {
    if (path === '') return
    let t = tallies.get(path)
    if (t === undefined) {
      t = { count: 0, lastEvent: -1, values: new Map() }
      tallies.set(path, t)
    }
    if (t.lastEvent !== eventNo) {
      t.count++
      t.lastEvent = eventNo
    }
    if (typeof v === 'string' ? v.length <= 200 : typeof v === 'number' || typeof v === 'boolean') {
      const n = t.values.get(v as SeenValue)
      if (n !== undefined) t.values.set(v as SeenValue, n + 1)
      else if (t.values.size < trackLimit) t.values.set(v as SeenValue, 1)
    }
  }
  const visit = (v: unknown, path: string, depth: number, eventNo: number): void => {
    if (depth > 20) return
    if (Array.isArray(v)) for (const x of v) visit(x, path, depth + 1, eventNo)
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) visit(x, path === '' ? k : `${path}.${k}`, depth + 1, eventNo)
    else if (v !== null && v !== undefined) add(path, v, eventNo)
  }
  const step = Math.max(1, Math.ceil(events.length / maxEvents))
  let scanned = 0
  for (let e = 0; e < events.length; e += step) {
    scanned++
    visit(events[e], '', 0, e)
  }
  const fields: SeenField[] = [...tallies.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxFields)
    .map(([name, t]) => ({ name, count: t.count, values: [...t.values.entries()].sort((a, b) => b[1] - a[1]).slice(0, maxValues).map(([v]) => v) }))
  return { fields, scanned }
}

const SAME_PATH_TWO_WAYS: unknown[] = [
  { 'a.b': 'dotted', a: { b: 'nested', c: [1, 2, { d: true }] }, '': { x: 'empty key' } },
  { a: { b: 'nested' }, 'a.b': ['dotted', 'again'] },
  { a: [{ b: 'nested' }, { b: 'dotted' }], n: 1.5 },
  JSON.parse('{"__proto__": {"p": "own"}}'),
  'not an object',
  null,
]

describe('collectFieldValues: the same index as the walk by path strings', () => {
  const sets = [...EXAMPLES.map((e) => e.events.map((l) => l.event)), ...fixtureEventSets(), SAME_PATH_TWO_WAYS]

  it('over every example and fixture event set', () => {
    expect(sets.length).toBeGreaterThan(15)
    for (const events of sets) expect(collectFieldValues(events)).toEqual(reference(events))
  })

  it('with tight caps and sampling', () => {
    const all = sets.flat()
    expect(collectFieldValues(all, { maxFields: 7, maxValuesPerField: 2, maxEvents: 13 })).toEqual(reference(all, 7, 2, 13))
  })

  it('counts a path named two ways once per event', () => {
    expect(collectFieldValues(SAME_PATH_TWO_WAYS).fields.find((f) => f.name === 'a.b')).toEqual({ name: 'a.b', count: 3, values: ['dotted', 'nested', 'again'] })
  })
})
