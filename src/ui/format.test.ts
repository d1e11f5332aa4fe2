import { describe, expect, it } from 'vitest'
import { compactJson, formatPosition, hitFields, plural } from './format'

describe('format helpers', () => {
  it('gives 1-based line:column of a diagnostic start', () => {
    const d = { code: 'X', severity: 'error' as const, message: '', span: { start: 9, end: 10 } }
    expect(formatPosition('process\nwhere x', d)).toBe('2:2')
  })
  it('cuts long JSON', () => {
    expect(compactJson({ a: 'x'.repeat(50) }, 10)).toBe('{"a":"xxx…')
    expect(compactJson({ a: 1 })).toBe('{"a":1}')
  })
  it('deduplicates hit fields in order', () => {
    const s = { start: 0, end: 1 }
    expect(hitFields([{ field: 'b', span: s }, { field: 'a', span: s }, { field: 'b', span: s }])).toEqual(['b', 'a'])
  })
  it('pluralises with the count first', () => {
    expect(plural(1, 'match', 'matches')).toBe('1 match')
    expect(plural(0, 'match', 'matches')).toBe('0 matches')
  })
})
