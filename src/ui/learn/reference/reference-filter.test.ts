import { describe, expect, it } from 'vitest'
import { REFERENCE_ENTRIES } from '../../../engine/docs/reference'
import { codeRuns, matchesSearch, referenceView } from './reference-filter'

describe('quick reference search', () => {
  it('shows every entry of the language, grouped, when the search is empty', () => {
    const eql = referenceView(REFERENCE_ENTRIES, 'eql', '  ')
    expect(eql.count).toBe(REFERENCE_ENTRIES.filter((e) => e.language === 'eql').length)
    expect(eql.groups.map((g) => g.id)).toEqual(['operators', 'functions', 'structure', 'literals'])
    expect(eql.otherCount).toBe(REFERENCE_ENTRIES.filter((e) => e.language === 'kql').length)
    expect(referenceView(REFERENCE_ENTRIES, 'kql', '').groups.map((g) => g.id)).toEqual(['operators', 'kql-values', 'kql-queries', 'kql-types'])
  })

  it('finds startsWith in any case and leaves out empty groups', () => {
    const v = referenceView(REFERENCE_ENTRIES, 'eql', 'STARTSWITH')
    expect(v.groups.map((g) => g.id)).toEqual(['functions'])
    expect(v.groups[0]?.entries.map((e) => e.id)).toEqual(['eql-fn-startsWith'])
    expect(v.otherCount).toBe(0)
  })

  it('needs every word, in any order', () => {
    const byId = new Map(REFERENCE_ENTRIES.map((e) => [e.id, e]))
    const like = byId.get('eql-op-like-ci')
    expect(like && matchesSearch(like, 'insensitive like')).toBe(true)
    expect(like && matchesSearch(like, 'like regex')).toBe(false)
  })

  it('counts the other language, so a KQL search for an EQL-only word is not a dead end', () => {
    const v = referenceView(REFERENCE_ENTRIES, 'kql', 'maxspan')
    expect(v.count).toBe(0)
    expect(v.otherCount).toBeGreaterThan(0)
    expect(referenceView(REFERENCE_ENTRIES, 'kql', 'escape').groups.flatMap((g) => g.entries.map((e) => e.id))).toContain('kql-syn-escaping')
  })

  it('splits prose into text and code runs', () => {
    expect(codeRuns('use `a` or `b`.')).toEqual([
      ['text', 'use '],
      ['code', 'a'],
      ['text', ' or '],
      ['code', 'b'],
      ['text', '.'],
    ])
    expect(codeRuns('a ` b')).toEqual([['text', 'a ` b']])
  })
})
