import { describe, expect, it } from 'vitest'
import { EXAMPLES } from '../examples'
import { keepQueryFields } from '../share/trim-events'
import { buildSchema, compileEql, compileKql, isMissing, parseEventsText, runEql, runKql, type RunOutput } from './index'
import { fieldsOfQuery } from './query-fields'

describe('fieldsOfQuery, EQL', () => {
  it('reads the condition, the category field and the timestamp', () => {
    expect(fieldsOfQuery('eql', 'process where process.name == "a" and length(process.args) > 2')).toEqual({
      fields: ['process.name', 'process.args', 'event.category', '@timestamp'],
      complete: true,
      byCategory: { field: 'event.category', common: ['event.category', '@timestamp'], categories: { process: ['process.name', 'process.args'] } },
    })
  })

  it('`any where` does not read the category field; settings rename the fields read', () => {
    expect(fieldsOfQuery('eql', 'any where x == 1', { timestampField: 'ts', tiebreakerField: 'event.sequence' }).fields).toEqual(['x', 'ts', 'event.sequence'])
    expect(fieldsOfQuery('eql', 'file where true', { eventCategoryField: 'cat' }).fields).toEqual(['cat', '@timestamp'])
  })

  it('reads sequence and stage join keys and the until stage', () => {
    const q = 'sequence by host.id with maxspan=1m [file where file.path : "/x/*"] by file.path [process where true] by process.args until [process where user.name == "r"]'
    const { fields, byCategory } = fieldsOfQuery('eql', q)
    expect(fields).toEqual(['file.path', 'host.id', 'process.args', 'user.name', 'event.category', '@timestamp'])
    expect(byCategory).toEqual({
      field: 'event.category',
      common: ['event.category', '@timestamp'],
      categories: { file: ['file.path', 'host.id'], process: ['host.id', 'process.args', 'user.name'] },
    })
  })

  it('a multi-field reads its parent value; a field used twice is listed once', () => {
    expect(fieldsOfQuery('eql', 'any where a.b.keyword == "x" or a.b == "y"').fields).toEqual(['a.b', '@timestamp'])
  })

  it('a query with errors is not complete', () => {
    expect(fieldsOfQuery('eql', 'process where process.name ==').complete).toBe(false)
    expect(fieldsOfQuery('eql', '').complete).toBe(false)
  })
})

describe('fieldsOfQuery, KQL', () => {
  it('reads fields of terms, ranges, lists and negations', () => {
    expect(fieldsOfQuery('kql', 'event.category:file and not process.name:(cp or mv) and source.port >= 1024')).toEqual({
      fields: ['event.category', 'process.name', 'source.port'],
      complete: true,
      byCategory: null,
    })
  })

  it('nested groups name fields relative to their path', () => {
    expect(fieldsOfQuery('kql', 'items:{ name:a and price > 2 }').fields).toEqual(['items.name', 'items.price'])
  })

  it('a field pattern keeps the object its literal part names, or gives up', () => {
    expect(fieldsOfQuery('kql', 'file.*:x')).toEqual({ fields: ['file'], complete: true, byCategory: null })
    expect(fieldsOfQuery('kql', '*name:x').complete).toBe(false)
  })

  it('free text reads every field; a query that does not parse is not complete; empty reads none', () => {
    expect(fieldsOfQuery('kql', 'loginhook').complete).toBe(false)
    expect(fieldsOfQuery('kql', 'a:(').complete).toBe(false)
    expect(fieldsOfQuery('kql', '')).toEqual({ fields: [], complete: true, byCategory: null })
  })
})

/** The indices of the events the run reported, as the results panel numbers them. */
function matched(language: 'eql' | 'kql', query: string, eventsText: string): number[] {
  const { events } = parseEventsText(eventsText)
  const { schema } = buildSchema({ ecs: true, events })
  let out: RunOutput | null
  if (language === 'eql') {
    const c = compileEql(query, { schema })
    out = c.program && runEql(c.program, events)
  } else {
    const c = compileKql(query, { schema })
    out = c.program && runKql(c.program, events)
  }
  const r = out?.result
  if (!r) return []
  const found = new Set<number>()
  if (r.kind === 'events') for (const m of r.events) found.add(m.index)
  else for (const s of r.kind === 'sequences' ? r.sequences : r.samples) for (const e of s.events) if (!isMissing(e)) found.add(e.index)
  return [...found].sort((a, b) => a - b)
}

describe('fieldsOfQuery on every example', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s: events trimmed to its fields match the same events', (_, ex) => {
    const { fields, complete } = fieldsOfQuery(ex.language, ex.query)
    expect(complete).toBe(true)
    expect(fields.length).toBeGreaterThan(0)
    const eventsText = ex.events.map((e) => JSON.stringify(e.event)).join('\n')
    const trimmed = keepQueryFields(eventsText, fieldsOfQuery(ex.language, ex.query))
    // Trimming must really drop something, and must not change a single outcome.
    expect(trimmed.length).toBeLessThan(eventsText.length)
    const expected = ex.events.flatMap((e, i) => (e.expect === 'match' ? [i] : []))
    expect(matched(ex.language, ex.query, eventsText)).toEqual(expected)
    expect(matched(ex.language, ex.query, trimmed)).toEqual(expected)
  })
})
