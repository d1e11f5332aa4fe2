import { describe, expect, it } from 'vitest'
import { compileLuceneRegex } from './index'
import { matching, refusal } from './test-support'

describe('malformed patterns', () => {
  it.each([
    ['(a', "expected ')' at position 2", 2],
    ['((a)', "expected ')' at position 4", 4],
    ['a)', 'end-of-string expected at position 1', 1],
    ['[a', "expected ']' at position 2", 2],
    ['[]', "expected ']' at position 2", 2],
    ['[^', 'unexpected end-of-string', 2],
    ['a\\', 'unexpected end-of-string', 2],
    ['"abc', `expected '"' at position 4`, 4],
    ['a{', 'integer expected at position 2', 2],
    ['a{x}', 'integer expected at position 2', 2],
    ['a{2', "expected '}' at position 3", 3],
    ['a{2,3', "expected '}' at position 5", 5],
    ['a{,3}', 'integer expected at position 2', 2],
    ['a|', 'unexpected end-of-string', 2],
    ['(', 'unexpected end-of-string', 1],
    ['a&', 'unexpected end-of-string', 2],
    ['~', 'unexpected end-of-string', 1],
    ['<1-5', "expected '>' at position 4", 4],
    ['x<15>', "'15' not found", 1],
    ['x<name>y', "'name' not found", 1],
    ['<-5>', 'interval syntax error at position 3', 3],
    ['<5->', 'interval syntax error at position 3', 3],
    ['<1-2-3>', 'interval syntax error at position 6', 6],
    ['<a-5>', 'interval syntax error at position 4', 4],
    ['<1-99999999999>', 'interval syntax error at position 14', 14],
  ])('%s -> %s', (pattern, message, offset) => {
    const r = refusal(pattern)
    expect(r.kind).toBe('syntax')
    expect(r.message).toBe(message)
    expect(r.offset).toBe(offset)
  })

  it('refuses an inverted character range with its position', () => {
    const r = refusal('ab[z-a]')
    expect(r.message).toContain('invalid range')
    expect(r.offset).toBe(3)
  })

  it('reports offsets in UTF-16 units after astral characters', () => {
    expect(refusal('😀(').offset).toBe(3)
    expect(refusal('😀[x').message).toBe("expected ']' at position 4")
  })

  it('refuses a repetition count beyond a Java int', () => {
    expect(refusal('a{99999999999}').message).toContain('integer too large')
  })

  it('refuses patterns longer than index.max_regex_length (1000)', () => {
    const r = refusal('a'.repeat(1001))
    expect(r.message).toContain('has exceeded the allowed maximum of [1000]')
    expect(r.offset).toBe(1000)
    expect(compileLuceneRegex('a'.repeat(1000)).ok).toBe(true)
  })

  it('never throws on arbitrary input', () => {
    const alphabet = ['a', '(', ')', '[', ']', '{', '}', ',', '1', '|', '&', '~', '<', '>', '-', '"', '\\', '*', '+', '?', '.', '@', '#', '^', '😀']
    let seed = 7
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    for (let i = 0; i < 3000; i++) {
      let p = ''
      const len = rand(12)
      for (let j = 0; j < len; j++) p += alphabet[rand(alphabet.length)] ?? ''
      const r = compileLuceneRegex(p)
      if (r.ok) expect(typeof r.test('a(1)')).toBe('boolean')
      else expect(r.offset).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('flags', () => {
  it('makes every optional operator a literal with NONE', () => {
    const none = { flags: 'NONE' } as const
    expect(matching('a&b', ['a&b', 'ab'], none)).toEqual(['a&b'])
    expect(matching('~a', ['~a', 'b'], none)).toEqual(['~a'])
    expect(matching('@', ['@', 'xyz'], none)).toEqual(['@'])
    expect(matching('#', ['#', ''], none)).toEqual(['#'])
    expect(matching('<1-3>', ['<1-3>', '2'], none)).toEqual(['<1-3>'])
  })

  it('enables only the listed operators', () => {
    const opts = { flags: ['ANYSTRING'] } as const
    expect(matching('@x', ['abcx', '@x', 'ab'], opts)).toEqual(['abcx', '@x'])
    expect(matching('a&b', ['a&b'], opts)).toEqual(['a&b'])
    expect(matching('<1-3>', ['2'], { flags: ['INTERVAL'] })).toEqual(['2'])
    expect(refusal('x<15>', { flags: ['INTERVAL'] }).message).toBe('interval syntax error at position 4')
    expect(refusal('<1-3>', { flags: ['AUTOMATON'] }).message).toBe('interval syntax error at position 4')
  })

  it('enables everything by default (Elasticsearch regexp default ALL)', () => {
    expect(matching('@', ['', 'anything'])).toEqual(['', 'anything'])
    expect(matching('a&b', ['a&b', 'a', 'b'])).toEqual([])
  })
})
