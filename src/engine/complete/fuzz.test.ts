import { describe, expect, it } from 'vitest'
import { completeAt, hoverAt } from './complete'
import { SCHEMA, SEEN, ECS_DOCS } from './complete-test-helpers'
import { completeEql } from './eql-complete'
import { hoverEql } from './hover-eql'
import { hoverKql } from './hover-kql'
import { completeKql } from './kql-complete'
import type { CompletionRequest } from './types'
import { mulberry32 } from '../../../scripts/fuzz/prng'

/** Deterministic PRNG (the fuzz command's mulberry32), so a failure reproduces. */
const rng = mulberry32

// Pieces of both grammars plus junk: quotes, escapes, comments, brackets, unicode.
const PIECES = [
  'process', 'where', 'sequence', 'sample', 'by', 'with', 'maxspan', '=', 'until', 'any', 'and', 'or', 'not', 'in', 'in~',
  ':', '==', '!=', '<', '<=', '>', '>=', 'like~', 'regex', '(', ')', '[', ']', '{', '}', '|', 'head', '5', ',', '.', '?',
  'process.name', 'host.id', '`a b`', '"', '"x"', '"\\', "'", '"""', 'startsWith~', 'concat(', '/*', '*/', '//', '\n', ' ',
  ' ', '*', '\\', '\\:', 'AND', 'NOT', '😀', '\u0000', 'é', '@timestamp', '1.5e', '-', '!', '![',
]

function randomText(next: () => number): string {
  const n = Math.floor(next() * 14)
  let s = ''
  for (let i = 0; i < n; i++) {
    s += PIECES[Math.floor(next() * PIECES.length)]
    if (next() < 0.5) s += ' '
  }
  return s
}

describe('completion and hover never throw', () => {
  it('on 2,000 random texts and offsets, in both languages', () => {
    const next = rng(20261123)
    for (let k = 0; k < 2000; k++) {
      const text = randomText(next)
      const offset = Math.floor(next() * (text.length + 1))
      const language = k % 2 === 0 ? 'eql' : 'kql'
      const req: CompletionRequest = { language, text, offset, schema: SCHEMA, seen: SEEN, ecsDocs: k % 3 === 0 ? undefined : ECS_DOCS }
      const where = JSON.stringify({ language, text, offset })
      // the inner functions, not completeAt's safety net: a throw here is a bug to fix
      const c = language === 'eql' ? completeEql(req) : completeKql(req)
      expect(c.replace.start, where).toBeLessThanOrEqual(offset)
      expect(c.replace.end, where).toBeGreaterThanOrEqual(offset)
      expect(c.replace.end, where).toBeLessThanOrEqual(text.length)
      for (const item of c.items) expect(typeof item.insertText, where).toBe('string')
      const h = language === 'eql' ? hoverEql(req) : hoverKql(req)
      if (h !== null) {
        expect(h.range.start, where).toBeLessThanOrEqual(offset)
        expect(h.range.end, where).toBeGreaterThanOrEqual(offset)
        expect(h.contents.length, where).toBeGreaterThan(0)
      }
    }
  })

  it('clamps offsets outside the text', () => {
    for (const offset of [-5, 1000, Number.NaN, 2.5]) {
      const req: CompletionRequest = { language: 'eql', text: 'process where', offset, schema: SCHEMA }
      const c = completeAt(req)
      expect(c.replace.end).toBeLessThanOrEqual(13)
      expect(() => hoverAt(req)).not.toThrow()
      expect(() => completeAt({ ...req, language: 'kql' })).not.toThrow()
    }
  })
})
