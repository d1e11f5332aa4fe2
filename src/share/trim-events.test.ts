import { describe, expect, it } from 'vitest'
import { keepOnlyFields, redactValues } from './trim-events'

const lines = (text: string): unknown[] => text.split('\n').map((l) => JSON.parse(l) as unknown)

describe('keepOnlyFields', () => {
  const ndjson = [
    JSON.stringify({ '@timestamp': 't1', event: { category: 'process', type: 'start' }, process: { name: 'bash', args: ['-c', 'x'], pid: 4 }, host: { name: 'mac-1' } }),
    JSON.stringify({ '@timestamp': 't2', 'event.category': 'file', 'process.name': 'cp', file: { path: '/tmp/a' } }),
  ].join('\n')

  it('keeps the given paths through nested objects and dotted keys, and drops the rest', () => {
    expect(lines(keepOnlyFields(ndjson, ['@timestamp', 'event.category', 'process.name']))).toEqual([
      { '@timestamp': 't1', event: { category: 'process' }, process: { name: 'bash' } },
      { '@timestamp': 't2', 'event.category': 'file', 'process.name': 'cp' },
    ])
  })

  it('keeps a whole object when a path names it, and a dotted key under a shorter path', () => {
    expect(lines(keepOnlyFields(ndjson, ['process']))).toEqual([{ process: { name: 'bash', args: ['-c', 'x'], pid: 4 } }, { 'process.name': 'cp' }])
  })

  it('handles keys that mix nesting and dots', () => {
    const text = JSON.stringify({ process: { 'parent.name': 'launchd', 'parent.pid': 1 }, 'host.os': { type: 'macos', name: 'x' } })
    expect(JSON.parse(keepOnlyFields(text, ['process.parent.name', 'host.os.type']))).toEqual({ process: { 'parent.name': 'launchd' }, 'host.os': { type: 'macos' } })
  })

  it('goes through arrays of objects and keeps arrays of values whole', () => {
    const text = JSON.stringify({ dns: { answers: [{ name: 'a', ttl: 1 }, { name: 'b', ttl: 2 }, { ttl: 3 }] }, process: { args: ['a', 'b'] } })
    expect(JSON.parse(keepOnlyFields(text, ['dns.answers.name', 'process.args']))).toEqual({ dns: { answers: [{ name: 'a' }, { name: 'b' }] }, process: { args: ['a', 'b'] } })
  })

  it('keeps the layout: a JSON array stays an array, every event keeps its place', () => {
    const text = JSON.stringify([{ a: 1, b: 2 }, { b: 3 }, { a: 4 }], null, 2)
    expect(JSON.parse(keepOnlyFields(text, ['a']))).toEqual([{ a: 1 }, {}, { a: 4 }])
  })

  it('keeps blank and non-JSON lines as they are, so event positions do not move', () => {
    expect(keepOnlyFields('{"a":1,"b":2}\n\nnot json\n{"b":1}', ['a'])).toBe('{"a":1}\n\nnot json\n{}')
  })

  it('treats a path of a value that is not an object as absent', () => {
    expect(keepOnlyFields('{"a":"text"}', ['a.b'])).toBe('{}')
  })
})

describe('redactValues', () => {
  const event = { user: { name: 'jdoe' }, process: { args: ['/Users/jdoe/x.sh', '-v'], pid: 4242 }, 'host.name': 'jdoe-mbp', ok: true, n: null }

  it('replaces values, inside strings too, wherever they are', () => {
    expect(JSON.parse(redactValues(JSON.stringify(event), ['jdoe-mbp', 'jdoe']))).toEqual({
      user: { name: 'REDACTED' },
      process: { args: ['/Users/REDACTED/x.sh', '-v'], pid: 4242 },
      'host.name': 'REDACTED',
      ok: true,
      n: null,
    })
  })

  it('replaces numbers written the same, and leaves other numbers', () => {
    expect(JSON.parse(redactValues(JSON.stringify(event), ['4242']))).toMatchObject({ process: { pid: 'REDACTED' } })
    expect(JSON.parse(redactValues(JSON.stringify(event), ['42']))).toMatchObject({ process: { pid: 4242 } })
  })

  it('redacts NDJSON line by line, arrays as arrays, and non-JSON lines as plain text', () => {
    expect(redactValues('{"u":"alice"}\nalice was here\n', ['alice'])).toBe('{"u":"REDACTED"}\nREDACTED was here\n')
    expect(JSON.parse(redactValues('[{"u":"bob"},{"u":"carol"}]', ['bob']))).toEqual([{ u: 'REDACTED' }, { u: 'carol' }])
  })

  it('changes nothing when no value is chosen', () => {
    const text = '{"a": 1}\n'
    expect(redactValues(text, [])).toBe(text)
    expect(redactValues(text, [''])).toBe(text)
  })

  it('replaces a longer value whole before a shorter one inside it', () => {
    expect(JSON.parse(redactValues('{"h":"jdoe-mbp"}', ['jdoe', 'jdoe-mbp']))).toEqual({ h: 'REDACTED' })
  })
})
