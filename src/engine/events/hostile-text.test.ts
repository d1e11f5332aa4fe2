import { describe, expect, it } from 'vitest'
import { createEventsReader } from './events-reader'
import { parseEventsText } from './parse-events'

/**
 * Issue 9: pasted or loaded text that is not JSON (binary read as text, control characters, lone
 * surrogates, an unclosed value) ends in problems with line numbers, and the readable events are
 * kept, both when pasted (parseEventsText) and when streamed in chunks (createEventsReader).
 */

/** Bytes as a careless paste or a lenient decoder would give them: U+FFFD, controls, NULs. */
const BINARYISH = [
  '\u0000\u0001\u0002PK\u0003\u0004\u001f\u008b\ufffd\ufffd garbage',
  '{"a":"\ud800 lone high surrogate"}',
  '\udc00{"b":1}',
  '{"ok":1}',
  '\u0000'.repeat(10_000),
  '{"unclosed": "',
].join('\n')

/** Streams `text` through the reader in chunks of `size` characters. */
function streamed(text: string, size: number) {
  const reader = createEventsReader()
  const events: unknown[] = []
  const problems: { line: number; message: string }[] = []
  for (let i = 0; i < text.length; i += size) {
    const step = reader.push(text.slice(i, i + size))
    events.push(...step.events)
    problems.push(...step.problems)
  }
  const last = reader.end()
  return { events: [...events, ...last.events], problems: [...problems, ...last.problems] }
}

describe('binary-ish event text', () => {
  it('keeps the JSON lines (lone surrogates are valid JSON strings) and lists the others by line', () => {
    const parsed = parseEventsText(BINARYISH)
    expect(parsed.events).toEqual([{ a: '\ud800 lone high surrogate' }, { ok: 1 }])
    expect(parsed.problems.map((p) => p.line)).toEqual([1, 3, 5, 6])
    for (const p of parsed.problems) expect(p.message.length).toBeGreaterThan(0)
  })

  it('gives the same events streamed in chunks of any size', () => {
    for (const size of [1, 7, 4096]) {
      const { events, problems } = streamed(BINARYISH, size)
      expect(events, `chunks of ${size}`).toEqual([{ a: '\ud800 lone high surrogate' }, { ok: 1 }])
      expect(problems.length, `chunks of ${size}`).toBeGreaterThan(0)
    }
  })

  it('reads a megabyte of random characters without throwing', () => {
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const text = Array.from({ length: 1 << 20 }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('')
    expect(() => parseEventsText(text)).not.toThrow()
    expect(() => streamed(text, 65_536)).not.toThrow()
  })
})
