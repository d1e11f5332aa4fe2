import { describe, expect, it } from 'vitest'
import { filterText } from './filter-text'
import { filtersOf } from './rule-edit'

describe('rule filters in words', () => {
  it('reads the filter bar shapes, negation and disabled filters', () => {
    expect(filterText({ meta: { negate: false }, query: { match_phrase: { 'event.action': 'exec' } } })).toBe('event.action is "exec"')
    expect(filterText({ meta: { negate: true }, query: { exists: { field: 'process.parent.name' } } })).toBe('NOT process.parent.name exists')
    expect(filterText({ meta: { disabled: true }, query: { terms: { 'host.os.type': ['macos', 'linux'] } } })).toBe('host.os.type is one of "macos", "linux" (disabled: not applied)')
    expect(filterText({ meta: {}, query: { range: { 'process.pid': { gte: 1, lt: 10 } } } })).toBe('process.pid gte 1 and lt 10')
    // an older export: the query beside meta
    expect(filterText({ meta: {}, match_phrase: { 'user.name': { query: 'root' } } })).toBe('user.name is "root"')
  })

  it('shows what it cannot read as compact JSON, cut when long', () => {
    expect(filterText({ meta: {}, query: { bool: { should: [] } } })).toBe('{"bool":{"should":[]}}')
    expect(filterText({ query: { script: { source: 'x'.repeat(300) } } }).length).toBe(200)
    expect(filterText('<img src=x>')).toBe('"<img src=x>"')
  })

  it('takes the form text only as an array of filter objects', () => {
    expect(filtersOf('')).toEqual([])
    expect(filtersOf('[{"meta":{},"query":{"exists":{"field":"a"}}}]')).toHaveLength(1)
    expect(filtersOf('{"meta":{}}')).toBeNull()
    expect(filtersOf('[1]')).toBeNull()
    expect(filtersOf('[{')).toBeNull()
  })
})
