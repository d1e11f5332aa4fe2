import { describe, expect, it } from 'vitest'
import { createEventsReader } from './events-reader'
import { readLines } from './line-reader'
import { parseEventsText } from './parse-events'
import type { ValueKind } from './unwrap'

/**
 * The reader's lines way (one JSON object per line, line-reader.ts) against reading the whole text
 * with parseEventsText, on inputs that switch between it and the scan way, cut at every position.
 */

function readChunks(chunks: readonly string[]) {
  const reader = createEventsReader()
  const events: unknown[] = []
  const origins: unknown[] = []
  const problems: { line: number; message: string }[] = []
  const take = (s: { events: unknown[]; origins: unknown[]; problems: { line: number; message: string }[] }) => {
    events.push(...s.events)
    origins.push(...s.origins)
    problems.push(...s.problems)
  }
  for (const c of chunks) take(reader.push(c))
  const last = reader.end()
  take(last)
  return { events, origins, problems, format: last.format }
}

function whole(text: string) {
  const r = parseEventsText(text)
  return { events: r.events, origins: r.origins, problems: r.problems, format: r.format }
}

function everyCut(text: string): string[][] {
  const out: string[][] = []
  for (let i = 0; i <= text.length; i++) out.push([text.slice(0, i), text.slice(i)])
  for (const size of [1, 2, 3, 7, 16]) out.push(text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [])
  return out
}

const ev = (n: number) => JSON.stringify({ '@timestamp': `2024-01-01T00:00:0${n % 10}Z`, process: { name: `p${n}`, args: ['a', 'b'] } })
const searchLine = JSON.stringify({ took: 1, hits: { hits: [{ _id: 'x1', _index: 'logs', _source: { a: 1 } }, { _id: 'x2', _index: 'logs', _source: { a: 2 } }] } })

describe('createEventsReader: the lines way agrees with reading the whole text', () => {
  it('NDJSON, then a pretty-printed object, then NDJSON again', () => {
    const text = [ev(1), ev(2), JSON.stringify({ pretty: { x: [1, 2] } }, null, 2), ev(3), '', '  ' + ev(4) + '  \r', ev(5)].join('\n') + '\n'
    const expected = whole(text)
    expect(expected.events).toHaveLength(6)
    for (const chunks of everyCut(text)) expect(readChunks(chunks)).toEqual(expected)
  })

  it('a line that parses alone inside a multi-line array is an array element, not an event line', () => {
    const text = `${ev(1)}\n[\n{"a":1},\n{"b":2}\n]\n${ev(2)}\n`
    const expected = whole(text)
    expect(expected.events).toEqual([JSON.parse(ev(1)), { a: 1 }, { b: 2 }, JSON.parse(ev(2))])
    for (const chunks of everyCut(text)) expect(readChunks(chunks)).toEqual(expected)
  })

  it('bad lines keep their line numbers, in the lines way and after it', () => {
    const lines = [ev(1), '{"broken": ', ev(2), 'plain words', ev(3), '{"a":1} {"b":2}', '// note', ev(4), '42', ev(5), '{"x": "unterminated}']
    const text = lines.join('\n')
    const expected = whole(text)
    expect(expected.problems.map((p) => p.line)).toEqual([2, 4, 9, 11])
    for (const chunks of everyCut(text)) expect(readChunks(chunks)).toEqual(expected)
  })

  it('_search responses on a line give their hits with _id and _index', () => {
    const text = `${ev(1)}\n${searchLine}\n${ev(2)}\n`
    const expected = whole(text)
    expect(expected.origins).toContainEqual({ line: 2, id: 'x2', index: 'logs' })
    for (const chunks of everyCut(text)) expect(readChunks(chunks)).toEqual(expected)
  })

  it('a streamed JSON array (one line, or one element a line) is still read', () => {
    const oneLine = JSON.stringify([{ a: 1 }, { a: 2 }])
    const pretty = JSON.stringify([{ a: 1 }, { a: 2 }], null, 2)
    for (const text of [oneLine, pretty, `${oneLine}\n${ev(1)}`]) {
      const expected = whole(text)
      expect(expected.events.length).toBeGreaterThanOrEqual(2)
      for (const chunks of everyCut(text)) expect(readChunks(chunks)).toEqual(expected)
    }
  })

  it('a BOM, and a file whose last line has no line feed', () => {
    const text = `\ufeff${ev(1)}\n${ev(2)}`
    const expected = whole(text)
    expect(expected.events).toHaveLength(2)
    for (const chunks of everyCut(text)) expect(readChunks(chunks)).toEqual(expected)
  })

  it('the format is the whole input’s, events and responses mixed included', () => {
    expect(readChunks([`${ev(1)}\n`]).format).toBe('json')
    expect(readChunks([`${ev(1)}\n${ev(2)}\n`]).format).toBe('ndjson')
    expect(readChunks([`${searchLine}\n`]).format).toBe('search-response')
    const mixed = `${ev(1)}\n{"hits":{"hits":[]}}\n`
    expect(readChunks([mixed]).format).toBe(whole(mixed).format)
  })

  it('random mixes of line kinds cut into random chunks', () => {
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const kinds = [() => ev(rand(100)), () => '', () => '{"bad":', () => '// c', () => searchLine, () => '[{"in":1},\n{"in":2}]', () => JSON.stringify({ p: 1 }, null, 1), () => 'x', () => '{"é":"naïve ☕ 𝄞"}', () => '{"cr":1,\r"lone":2}', () => 'stray\rcr', () => `${ev(rand(100))}\r`]
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 1 + rand(12) }, () => (kinds[rand(kinds.length)] ?? (() => ''))()).join('\n') + (rand(2) === 0 ? '\n' : '')
      const chunks: string[] = []
      for (let at = 0; at < text.length; ) {
        const n = 1 + rand(40)
        chunks.push(text.slice(at, at + n))
        at += n
      }
      expect(readChunks(chunks), text).toEqual(whole(text))
    }
  })
})

describe('readLines', () => {
  it('stops at the start of the first line it does not take, counting the lines before it', () => {
    const into = { events: [] as unknown[], origins: [] as { line: number }[], problems: [] }
    const kinds: ValueKind[] = []
    const text = '{"a":1}\n\n// c\n{"a":2}\n{"a":\n{"a":3}\n'
    const r = readLines(text, 0, text.length, 10, into, (k) => kinds.push(k))
    expect(r).toEqual({ stop: text.indexOf('{"a":\n'), feeds: 4, refused: true })
    expect(into.events).toEqual([{ a: 1 }, { a: 2 }])
    expect(into.origins.map((o) => o.line)).toEqual([10, 13])
    expect(kinds).toEqual(['event', 'event'])
  })
})
