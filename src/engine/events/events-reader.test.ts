import { describe, expect, it } from 'vitest'
import { createEventsReader, type EventsReaderOptions } from './events-reader'
import { parseEventsText } from './parse-events'

/** Reads `chunks` through one reader and gathers everything it returned. */
function readChunks(chunks: readonly string[], options?: EventsReaderOptions) {
  const reader = createEventsReader(options)
  const events: unknown[] = []
  const lines: number[] = []
  const problems: { line: number; message: string }[] = []
  const take = (s: { events: unknown[]; origins: { line: number }[]; problems: { line: number; message: string }[] }) => {
    events.push(...s.events)
    lines.push(...s.origins.map((o) => o.line))
    problems.push(...s.problems)
  }
  for (const c of chunks) take(reader.push(c))
  const last = reader.end()
  take(last)
  return { events, lines, problems, format: last.format }
}

/** What reading the whole text at once gives, in the same shape. */
function whole(text: string) {
  const r = parseEventsText(text)
  return { events: r.events, lines: r.origins.map((o) => o.line), problems: r.problems, format: r.format }
}

/** `text` cut at every position into two chunks, and into chunks of `size`. */
function splits(text: string, size: number): string[][] {
  const out: string[][] = []
  for (let i = 0; i <= text.length; i++) out.push([text.slice(0, i), text.slice(i)])
  const small: string[] = []
  for (let i = 0; i < text.length; i += size) small.push(text.slice(i, i + size))
  out.push(small)
  return out
}

const NDJSON_WITH_BROKEN = [
  '{"@timestamp":"2024-01-01T00:00:00Z","process":{"name":"a"}}',
  '{"@timestamp":"2024-01-01T00:00:01Z","process":{"name":"b"', // unclosed
  '',
  '{"@timestamp":"2024-01-01T00:00:02Z","process":{"name":"c"}}',
  'not json at all',
  '// a comment line {',
  '{"@timestamp":"2024-01-01T00:00:03Z","msg":"line\\nwith \\"quotes\\" and } brackets ["}',
].join('\n')

describe('createEventsReader: same answer as reading the whole text', () => {
  it('NDJSON with broken lines, a comment and escapes, cut anywhere', () => {
    const expected = whole(NDJSON_WITH_BROKEN)
    expect(expected.events).toHaveLength(3)
    expect(expected.problems.map((p) => p.line)).toEqual([2, 5])
    for (const chunks of splits(NDJSON_WITH_BROKEN, 7)) expect(readChunks(chunks)).toEqual(expected)
  })

  it('pretty-printed objects and a JSON array spanning lines, cut anywhere', () => {
    const text = JSON.stringify({ a: { b: [1, 2] } }, null, 2) + '\n' + JSON.stringify([{ x: 1 }, { x: 2 }], null, 2) + '\n{"y":1}\n'
    const expected = whole(text)
    expect(expected.events).toHaveLength(4)
    for (const chunks of splits(text, 5)) expect(readChunks(chunks)).toEqual(expected)
  })

  it('an _eql/search response and a broken array element keep their line numbers', () => {
    const response = JSON.stringify({ hits: { events: [{ _id: '1', _index: 'i', _source: { a: 1 } }] } })
    const text = `${response}\n[\n{"ok":1},\n{"bad":},\n{"ok":2}\n]\n{"tail":true}`
    const expected = whole(text)
    expect(expected.problems.map((p) => p.line)).toEqual([4])
    for (const chunks of splits(text, 3)) expect(readChunks(chunks)).toEqual(expected)
  })

  it('reports the format of the whole input, not of its pieces', () => {
    const ndjson = '{"a":1}\n{"a":2}\n{"a":3}\n'
    expect(readChunks(['{"a":1}\n', '{"a":2}\n', '{"a":3}\n']).format).toBe('ndjson')
    expect(readChunks([ndjson]).format).toBe(whole(ndjson).format)
    expect(readChunks(['[{"a":1}]']).format).toBe('json-array')
  })
})

describe('createEventsReader: bytes and limits', () => {
  it('decodes chunks that end inside a UTF-8 sequence with a streaming TextDecoder', () => {
    const text = '{"name":"café ☕ 𝄞"}\n{"name":"naïve"}\nnope\n'
    const bytes = new TextEncoder().encode(text)
    for (let cut = 1; cut < bytes.length; cut++) {
      const decoder = new TextDecoder('utf-8', { fatal: false })
      const reader = createEventsReader()
      const events: unknown[] = []
      const problems: number[] = []
      for (const part of [bytes.subarray(0, cut), bytes.subarray(cut)]) {
        const step = reader.push(decoder.decode(part, { stream: true }))
        events.push(...step.events)
        problems.push(...step.problems.map((p) => p.line))
      }
      const last = reader.push(decoder.decode())
      const end = reader.end()
      events.push(...last.events, ...end.events)
      problems.push(...last.problems.map((p) => p.line), ...end.problems.map((p) => p.line))
      expect(events).toEqual([{ name: 'café ☕ 𝄞' }, { name: 'naïve' }])
      expect(problems).toEqual([3])
    }
  })

  it('does not keep everything pending behind a line that never closes', () => {
    const good = (n: number) => `{"n":${n},"pad":"${'x'.repeat(20)}"}`
    const lines = ['{"broken": [1, 2', ...Array.from({ length: 50 }, (_, i) => good(i))]
    const reader = createEventsReader({ maxPending: 200 })
    let events = 0
    let maxPending = 0
    const problems: number[] = []
    for (const line of lines) {
      const step = reader.push(line + '\n')
      events += step.events.length
      problems.push(...step.problems.map((p) => p.line))
      maxPending = Math.max(maxPending, reader.pending)
    }
    const end = reader.end()
    events += end.events.length
    problems.push(...end.problems.map((p) => p.line))
    expect(maxPending).toBeLessThan(300)
    expect(events).toBe(50)
    expect(problems).toEqual([1])
  })

  it('reads a top-level array whole at the end, whatever its size', () => {
    const text = '[\n' + Array.from({ length: 30 }, (_, i) => `{"i":${i}}`).join(',\n') + '\n]\n'
    const r = readChunks(text.match(/[\s\S]{1,16}/g) ?? [], { maxPending: 20 })
    expect(r).toEqual(whole(text))
  })

  it('empty input and a lone BOM read as nothing', () => {
    expect(readChunks([])).toEqual({ events: [], lines: [], problems: [], format: 'ndjson' })
    expect(readChunks(['\ufeff', '\n'])).toEqual({ events: [], lines: [], problems: [], format: 'ndjson' })
  })
})
