import { describe, expect, it } from 'vitest'
import { EXAMPLES } from '../../examples'
import { fixtureEventSets } from '../../fixtures/fixture-event-sets'
import { buildSchema } from './build-schema'
import { createInference, inferFromEvents, rememberInference, type Inference, type InferStrings } from './infer-from-events'

/**
 * The key-tree inference (and its incremental form) must type every path exactly as the plain walk
 * keyed by dotted path strings did: that walk is kept here as the reference and both are run over
 * the examples' events, the fixture suites' events and hostile shapes.
 */

type Kind = 'string' | 'integer' | 'number' | 'boolean'

/** The previous implementation, verbatim in behaviour: one Map from path string to first kind. */
function referenceInference(events: readonly unknown[], isKnown: (p: string) => boolean, underFlattened: (p: string) => boolean, mode: InferStrings): Inference {
  const first = new Map<string, Kind>()
  const mixed = new Set<string>()
  const kindOf = (v: unknown): Kind | undefined =>
    typeof v === 'string' ? 'string' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v === 'boolean' ? 'boolean' : undefined
  const visit = (v: unknown, path: string, depth: number): void => {
    if (v === null || v === undefined || depth > 100) return
    if (Array.isArray(v)) {
      for (const e of v as unknown[]) visit(e, path, depth + 1)
      return
    }
    if (typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) visit(child, path === '' ? k : `${path}.${k}`, depth + 1)
      return
    }
    const kind = kindOf(v)
    if (kind === undefined || path === '') return
    const seen = first.get(path)
    if (seen === undefined) first.set(path, kind)
    else if (seen !== kind && !(seen === 'integer' && kind === 'number')) mixed.add(path)
  }
  for (const e of events) if (typeof e === 'object' && e !== null && !Array.isArray(e)) visit(e, '', 0)
  const fields: Inference['fields'] = []
  for (const [name, kind] of first) {
    if (isKnown(name) || underFlattened(name)) continue
    const type = kind === 'integer' ? 'long' : kind === 'number' ? 'float' : kind === 'boolean' ? 'boolean' : mode === 'keyword' ? 'keyword' : 'text'
    if (type !== 'text') fields.push({ name, type, origin: 'events' })
    else {
      const sub = { name: `${name}.keyword`, type: 'keyword', ignoreAbove: 256 } as const
      fields.push({ name, type: 'text', origin: 'events', multiFields: [sub] }, { ...sub, origin: 'events', multiFieldOf: name })
    }
  }
  fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { fields, mixed: [...mixed].filter((p) => !isKnown(p)).sort() }
}

const HOSTILE: unknown[] = [
  { 'a.b': 1, a: { b: 2.5, c: null }, '': { x: 'root-empty-key' }, list: [[1, 'two'], { deep: [true] }] },
  { a: { b: 'now a string' }, 'a.c': 3, ['__proto__']: { polluted: 1 } },
  { x: null, 'x.keyword': 5 },
  { x: 'text', n: 1, f: 1.5 },
  { n: 2.5, f: 3 },
  JSON.parse('{"__proto__": {"p": "own"}, "k": [null, {"z": false}]}'),
  'not an object',
  [1, 2],
  null,
]

/** A path first met as null and typed later, after a path that sorts with it (`x.keyword` in text+keyword mode). */
const LATE_TYPED: unknown[] = [{ x: null, 'x.keyword': 5 }, { x: 'text' }]

const known = new Set(['process.name', '@timestamp', 'a.c'])
const isKnown = (p: string): boolean => known.has(p)
const underFlattened = (p: string): boolean => p.startsWith('flat.')

describe('inferFromEvents: the same types as the walk by path strings', () => {
  const sets = [...EXAMPLES.map((e) => e.events.map((l) => l.event)), ...fixtureEventSets(), HOSTILE, LATE_TYPED]

  it('finds the event sets', () => {
    expect(sets.length).toBeGreaterThan(15)
  })

  for (const mode of ['keyword', 'text+keyword'] as const) {
    it(`every example and fixture event set, ${mode}, whole and fed in pieces`, () => {
      for (const events of sets) {
        const expected = referenceInference(events, isKnown, underFlattened, mode)
        expect(inferFromEvents(events, isKnown, underFlattened, mode)).toEqual(expected)
        const fed = createInference()
        for (let i = 0; i < events.length; i += 3) fed.add(events, i, Math.min(events.length, i + 3))
        expect(fed.count).toBe(events.length)
        expect(fed.result(isKnown, underFlattened, mode)).toEqual(expected)
      }
    })
  }

  it('the first kind in event order wins across a dotted key and nested objects', () => {
    const r = inferFromEvents([{ x: null, 'a.b': null }, { a: { b: 1 } }, { 'a.b': 'late' }], () => false, () => false, 'keyword')
    expect(r.fields).toEqual([{ name: 'a.b', type: 'long', origin: 'events' }])
    expect(r.mixed).toEqual(['a.b'])
  })
})

describe('rememberInference', () => {
  it('is reused for the array it was fed, and ignored once the array has other events', () => {
    const events: unknown[] = [{ a: 1 }]
    const fed = createInference()
    fed.add([{ a: 'fed' }]) // deliberately different, to see which one answers
    rememberInference(events, fed)
    expect(inferFromEvents(events, () => false, () => false, 'keyword').fields[0]?.type).toBe('keyword')
    events.push({ b: 2 })
    expect(inferFromEvents(events, () => false, () => false, 'keyword').fields.map((f) => f.type)).toEqual(['long', 'long'])
  })

  it('buildSchema over a remembered array gives what it gives over a fresh copy', () => {
    const events = EXAMPLES.flatMap((e) => e.events.map((l) => l.event))
    const fed = createInference()
    fed.add(events)
    rememberInference(events, fed)
    const a = buildSchema({ ecs: true, events })
    const b = buildSchema({ ecs: true, events: [...events] })
    expect(a.diagnostics).toEqual(b.diagnostics)
    expect(a.inferred).toEqual(b.inferred)
  })
})
