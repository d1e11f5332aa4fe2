import { describe, expect, it } from 'vitest'
import { formatKey, formatValues, verdictLine } from './explain-format'

describe('explain display helpers', () => {
  it('shows one value bare and several as a list, shortened when long', () => {
    expect(formatValues(['defaults'])).toBe('"defaults"')
    expect(formatValues(['a', 1])).toBe('["a",1]')
    expect(formatValues(['x'.repeat(300)], 20)).toHaveLength(20)
    expect(formatValues(['x'.repeat(300)], 20).endsWith('…')).toBe(true)
  })

  it('says a join key without a value has none', () => {
    const span = { start: 0, end: 9 }
    expect(formatKey({ text: 'host.name', span, values: ['mbp'] })).toBe('host.name = "mbp"')
    expect(formatKey({ text: 'host.name', span, values: [null] })).toBe('host.name = no value')
  })

  it('tells a match without a timestamp from a plain match', () => {
    expect(verdictLine('event', true, true)).toBe('matches')
    expect(verdictLine('event', false, false)).toBe('does not match')
    expect(verdictLine('event', true, false)).toMatch(/no timestamp/)
    expect(verdictLine('sequence', true, true)).toBe('part of a sequence')
  })
})
