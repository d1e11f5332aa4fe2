/**
 * Parses real queries read at run time from ../shared (Elastic-licensed data, never copied here):
 * every EQL detection rule of the corpus, every runnable query of Elasticsearch's EQL spec files,
 * and the unsupported-syntax queries, which must be rejected. Also round-trips every corpus rule
 * through the printer and checks parse speed on the longest rule.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { formatCaret } from '../diagnostics/caret'
import { parseEql } from './parser'
import { printEql } from './print'
import { stripSpans } from './parse-test-helpers'

const SHARED = join(__dirname, '../../../../shared')
const ES_DIR = join(SHARED, 'conformance/eql/es')

interface CorpusRule {
  readonly language?: string
  readonly query?: string
  readonly name?: string
}

function corpusQueries(): { name: string; query: string }[] {
  const lines = readFileSync(join(SHARED, 'corpus/rules.jsonl'), 'utf8').split('\n')
  const out: { name: string; query: string }[] = []
  for (const line of lines) {
    if (line.trim() === '') continue
    const rule = JSON.parse(line) as CorpusRule
    if (rule.language === 'eql' && typeof rule.query === 'string') out.push({ name: rule.name ?? '?', query: rule.query })
  }
  return out
}

/** `join_keys = [null, "x"]` is not TOML; Elasticsearch's reader accepts it. */
function readSpecToml(file: string): { name: string; query: string }[] {
  const raw = readFileSync(join(ES_DIR, file), 'utf8')
  const fixed = raw.replace(/^(\s*join_keys\s*=.*)$/gm, (line) => line.replace(/(?<!")\bnull\b(?!")/g, '"null"'))
  const doc = parseToml(fixed) as { queries?: { name?: string; query?: string }[] }
  return (doc.queries ?? []).map((q) => ({ name: q.name ?? '?', query: (q.query ?? '').trim() }))
}

function errorsOf(query: string): string[] {
  return parseEql(query)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => formatCaret(query, d))
}

describe('detection-rules corpus', () => {
  const rules = corpusQueries()

  it('has the expected number of EQL rules', () => {
    expect(rules.length).toBe(1081)
  })

  it('parses every EQL rule without an error diagnostic', () => {
    const failures = rules
      .map((r) => ({ name: r.name, errors: errorsOf(r.query) }))
      .filter((r) => r.errors.length > 0)
    expect(failures).toEqual([])
  })

  it('round-trips every rule: parse -> print -> parse gives the same tree', () => {
    const bad: string[] = []
    for (const r of rules) {
      const first = parseEql(r.query).statement
      if (first === null) {
        bad.push(r.name)
        continue
      }
      const printed = printEql(first)
      const second = parseEql(printed)
      if (second.diagnostics.length > 0 || JSON.stringify(stripSpans(second.statement)) !== JSON.stringify(stripSpans(first))) {
        bad.push(r.name)
      }
    }
    expect(bad).toEqual([])
  })
})

describe('mutated corpus rules (deterministic fuzz)', () => {
  it('never throws, keeps spans inside the text, and round-trips whatever still parses', () => {
    const rules = corpusQueries().map((r) => r.query)
    const alphabet = ' ()[]!?"`,.:=<>|~-+*/%\\\nandornotin0123456789@_{}'
    let seed = 11
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    const problems: string[] = []
    let clean = 0
    for (let k = 0; k < 3000; k++) {
      let q = (rules[rnd(rules.length)] ?? '').slice(0, 1500)
      for (let e = 1 + rnd(3); e > 0; e--) {
        const p = rnd(q.length + 1)
        q = rnd(2) === 0 ? q.slice(0, p) + (alphabet[rnd(alphabet.length)] ?? '') + q.slice(p) : q.slice(0, p) + q.slice(p + 1 + rnd(3))
      }
      const r = parseEql(q)
      if (r.diagnostics.some((d) => d.span.start < 0 || d.span.end > q.length || d.span.end < d.span.start)) problems.push(`span: ${q}`)
      if (r.statement === null || r.diagnostics.length > 0) continue
      clean++
      const again = parseEql(printEql(r.statement))
      if (JSON.stringify(stripSpans(again.statement)) !== JSON.stringify(stripSpans(r.statement))) problems.push(`round trip: ${q}`)
    }
    expect(problems).toEqual([])
    expect(clean).toBeGreaterThan(500)
  })
})

describe("Elasticsearch's EQL spec files", () => {
  const files = readdirSync(ES_DIR).filter((f) => f.endsWith('.toml') && f !== 'test_queries_unsupported.toml')

  it.each(files)('%s: every runnable query parses', (file) => {
    const cases = readSpecToml(file)
    expect(cases.length).toBeGreaterThan(0)
    const failures = cases.map((c) => ({ name: c.name, errors: errorsOf(c.query) })).filter((c) => c.errors.length > 0)
    expect(failures).toEqual([])
  })

  it('rejects the unsupported syntax of test_queries_unsupported.toml', () => {
    const unsupported =
      /\|\s*(count|filter|sort|unique|unique_count)\b|^\s*join\b|\b(descendant|child|event)\s+of\b|\w\[\d+\]|!:/m
    const cases = readSpecToml('test_queries_unsupported.toml').filter((c) => unsupported.test(c.query))
    expect(cases.length).toBeGreaterThan(40)
    const accepted = cases.filter((c) => errorsOf(c.query).length === 0).map((c) => c.name)
    expect(accepted).toEqual([])
  })
})
