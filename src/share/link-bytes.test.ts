import { describe, expect, it } from 'vitest'
import { crc32, deflate, frame, fromBase64Url, inflate, toBase64Url, unframe } from './link-bytes'
import { migrate } from './migrate'

describe('base64url', () => {
  it('round-trips every byte value and every length', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    for (let n = 0; n <= 256; n += 17) {
      const bytes = all.slice(0, n)
      const text = toBase64Url(bytes)
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
      expect(fromBase64Url(text)).toEqual(bytes)
    }
  })

  it('tells a cut text from a foreign one', () => {
    expect(fromBase64Url('abcde')).toBe('truncated')
    expect(fromBase64Url('ab+/')).toBe('corrupted')
  })
})

describe('frame', () => {
  it('CRC-32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })

  it('round-trips, and tells cut from damaged', () => {
    const body = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256)
    const framed = frame(body)
    expect(unframe(framed)).toEqual(body)
    expect(unframe(framed.slice(0, 200))).toBe('truncated')
    expect(unframe(framed.slice(0, 1))).toBe('truncated')
    const damaged = framed.slice()
    damaged[100] = (damaged[100] ?? 0) ^ 1
    expect(unframe(damaged)).toBe('corrupted')
    expect(unframe(Uint8Array.from([...framed, 0]))).toBe('corrupted')
  })
})

describe('deflate / inflate', () => {
  it('round-trips', async () => {
    const bytes = new TextEncoder().encode('hello '.repeat(1000))
    const packed = await deflate(bytes)
    expect(packed.length).toBeLessThan(100)
    expect(await inflate(packed, 10_000)).toEqual(bytes)
    expect(await inflate(packed, 5_000)).toBe('too-large')
  })
})

describe('migrate', () => {
  it('leaves a current payload as it is', () => {
    const payload = { doc: { language: 'eql' } }
    expect(migrate(payload, 1)).toBe(payload)
  })

  it('applies each step in turn, and gives null when one is missing', () => {
    const steps = { 1: (p: unknown) => ({ v2: p }), 2: (p: unknown) => ({ v3: p }) }
    expect(migrate('x', 1, 3, steps)).toEqual({ v3: { v2: 'x' } })
    expect(migrate('x', 2, 3, steps)).toEqual({ v3: 'x' })
    expect(migrate('x', 1, 3, { 2: steps[2] })).toBeNull()
  })
})
