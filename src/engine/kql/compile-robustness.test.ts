import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileKql } from './compile-kql'
import { runKql } from './run-kql'

/**
 * The engine never throws on user input: odd queries compile to diagnostics, odd events (any
 * JSON shape) simply match or not. Every query here is run over every event.
 */
const events: unknown[] = [
  null,
  42,
  'text',
  [],
  [{ process: { name: 'x' } }],
  {},
  JSON.parse('{"__proto__": {"name": "x"}, "constructor": "y", "toString": 1}'),
  { process: { name: [[['deep']]], pid: [null, '12', 'abc', {}] } },
  { process: [{ name: 'a' }, null, [{ name: 'b' }]] },
  { 'process.name': { x: 1 }, process: 'scalar where an object is expected' },
  { message: '\u0000\uD800 lone surrogate \u{1F600}', '@timestamp': ['not-a-date', 1e300, -1] },
  { source: { ip: ['999.1.1.1', '::ffff:1.2.3.4', 7] }, threat: { enrichments: 'not objects' } },
  { labels: { a: { b: { c: [{ d: [] }] } } } },
]

const mappings = { 'threat.enrichments': 'nested', 'gcp.x': 'nested' }
const { schema } = buildSchema({ ecs: true, mappings, events })

const queries = [
  '',
  '*',
  '*:*',
  'process.name:a',
  'process.name:*',
  'process.*:*',
  'not process.name:(a or b or c or d*)',
  'process.pid > 5 or process.pid <= 12',
  'message:"lone surrogate" or message:LONE*',
  '@timestamp >= now-1d/d or @timestamp:2024',
  'source.ip:(1.2.3.4 or "::1" or 10.0.0.0/8)',
  'threat.enrichments:{ matched.atomic:* and not indicator.ip:1.2.3.4 }',
  'labels:* and labels.a.b.c.d:*',
  'name',
  '"quoted words"',
  'x*y z',
  'process.name:' + 'a'.repeat(5000),
  'constructor:y or toString:1 or __proto__.name:x',
]

describe('robustness', () => {
  it.each(queries)('%s compiles and runs over odd events without throwing', (query) => {
    const out = compileKql(query, { schema })
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const run = runKql(out.program, events)
    expect(run.result?.kind).toBe('events')
    expect(run.diagnostics).toEqual([])
  })

  it('odd query text never throws', () => {
    for (const q of ['((((', 'a:{', 'a:{b:{c:{', '\\', '"', 'a < ', 'a:(b or', 'x:'.repeat(100)]) {
      const out = compileKql(q, { schema })
      expect(out.program).toBeNull()
      expect(out.diagnostics.length).toBeGreaterThan(0)
    }
    // a lone `not` is the free-text word "not"; control characters are ordinary text
    for (const q of ['not', '\u0000:\u0000']) expect(compileKql(q, { schema }).program).not.toBeNull()
  })
})
