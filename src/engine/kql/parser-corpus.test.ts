/**
 * Parses every KQL query of the detection-rules corpus (read at run time from ../shared,
 * Elastic-licensed data, never copied here): no error diagnostics, and each one survives
 * parse -> print -> parse unchanged.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatCaret } from '../diagnostics/caret'
import { parseKql } from './parser'
import { stripSpans } from './parse-test-helpers'
import { printKql } from './print'

const SHARED = join(__dirname, '../../../../shared')

interface CorpusRule {
  readonly language?: string
  readonly query?: string
  readonly name?: string
}

function corpusQueries(): { name: string; query: string }[] {
  const out: { name: string; query: string }[] = []
  for (const line of readFileSync(join(SHARED, 'corpus/rules.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const rule = JSON.parse(line) as CorpusRule
    if (rule.language === 'kuery') out.push({ name: rule.name ?? '?', query: rule.query ?? '' })
  }
  return out
}

describe('detection-rules corpus (kuery)', () => {
  const rules = corpusQueries()

  it('has the expected number of KQL rules', () => {
    expect(rules.length).toBe(792)
  })

  it('parses every KQL rule without an error diagnostic', () => {
    const failures = rules
      .map((r) => ({
        name: r.name,
        errors: parseKql(r.query)
          .diagnostics.filter((d) => d.severity === 'error')
          .map((d) => formatCaret(r.query, d)),
      }))
      .filter((r) => r.errors.length > 0)
    expect(failures).toEqual([])
  })

  it('round-trips every KQL rule through the canonical printer', () => {
    const broken: string[] = []
    for (const r of rules) {
      const first = parseKql(r.query).query
      if (first === null) continue
      const printed = printKql(first)
      const again = parseKql(printed)
      if (again.query === null || JSON.stringify(stripSpans(again.query)) !== JSON.stringify(stripSpans(first))) {
        broken.push(`${r.name}\n  ${printed}`)
      }
      // canonical means a fixed point: printing the re-parse gives the same text
      else if (printKql(again.query) !== printed) broken.push(`${r.name} (not a fixed point)`)
    }
    expect(broken).toEqual([])
  })
})
