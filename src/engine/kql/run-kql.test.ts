import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileKql } from './compile-kql'
import type { KqlProgram } from './program'
import { runKql } from './run-kql'

const { schema } = buildSchema({ ecs: true })

function program(query: string): KqlProgram {
  const out = compileKql(query, { schema })
  if (out.program === null) throw new Error(out.diagnostics.map((d) => d.message).join('; '))
  return out.program
}

const events = [
  { '@timestamp': '2024-05-03T00:00:00Z', event: { category: 'file' }, host: { os: { type: 'macos' } } },
  { '@timestamp': '2024-05-01T00:00:00Z', event: { category: 'process' } },
  { '@timestamp': '2024-05-02T00:00:00Z', event: { category: ['file', 'x'] }, host: { os: { type: 'linux' } } },
  'not an object',
  null,
]

describe('runKql', () => {
  it('returns matched events in input order, not timestamp order', () => {
    const out = runKql(program('event.category:file'), events)
    expect(out.result).toEqual({
      kind: 'events',
      events: [
        { index: 0, hits: [{ field: 'event.category', span: { start: 0, end: 19 } }] },
        { index: 2, hits: [{ field: 'event.category', span: { start: 0, end: 19 } }] },
      ],
    })
    expect(out.eventCount).toBe(5)
    expect(out.diagnostics).toEqual([])
  })

  it('hits are the leaf clauses that held; none under not', () => {
    const q = 'event.category:file and (host.os.type:macos or host.os.type:windows) and not event.type:deletion'
    const out = runKql(program(q), events)
    const hits = out.result?.kind === 'events' ? out.result.events.map((e) => e.hits.map((h) => q.slice(h.span.start, h.span.end))) : []
    expect(hits).toEqual([['event.category:file', 'host.os.type:macos']])
  })

  it('the empty query matches every event, objects or not', () => {
    const out = runKql(program(''), events)
    expect(out.result?.kind === 'events' ? out.result.events.map((e) => e.index) : []).toEqual([0, 1, 2, 3, 4])
  })

  it('a null program is an error, not a throw', () => {
    const out = runKql(null, events)
    expect(out.result).toBeNull()
    expect(out.diagnostics.map((d) => d.code)).toEqual(['KQL3003'])
  })

  it('shouldStop ends the run with a warning and partial results', () => {
    const many = Array.from({ length: 10_000 }, () => ({ event: { category: 'file' } }))
    let polls = 0
    const out = runKql(program('event.category:file'), many, { shouldStop: () => ++polls >= 2 })
    expect(out.diagnostics.map((d) => d.code)).toEqual(['KQL3001'])
    expect(out.eventCount).toBe(8192)
    expect(out.result?.kind === 'events' ? out.result.events.length : -1).toBe(8192)
  })

  it('a nested group reports the inner hits of the objects that matched', () => {
    const s = buildSchema({ mappings: { d: 'nested', 'd.a': 'keyword' } }).schema
    const out = compileKql('d:{ a:x }', { schema: s })
    const p = out.program
    expect(p).not.toBeNull()
    if (p === null) return
    expect(p.hits({ d: [{ a: 'y' }, { a: 'x' }] })).toEqual([{ field: 'd.a', span: { start: 4, end: 7 } }])
    expect(p.hits({ d: [{ a: 'y' }] })).toEqual([])
  })
})
