import { describe, expect, it } from 'vitest'
import { hover } from '../complete/complete-test-helpers'
import { FUNCTIONS } from '../eql/functions/registry'
import { compileEql } from '../eql/compile-eql'
import { parseEql } from '../eql/parser'
import { compileKql } from '../kql/compile-kql'
import { parseKql } from '../kql/parser'
import { buildSchema } from '../schema/build-schema'
import { FUNCTION_DOCS, functionMarkdown } from './eql-functions'
import { EQL_KEYWORD_DOCS, keywordMarkdown } from './eql-keywords'
import { EQL_OPERATOR_DOCS, KQL_OPERATOR_DOCS, operatorMarkdown } from './operators'
import { REFERENCE_ENTRIES, REFERENCE_GROUPS, keywordEntry, operatorEntryId, referenceEntry } from './reference'
import { referenceIdForHover } from './reference-hover'

const parse = (language: 'eql' | 'kql', text: string) => (language === 'eql' ? parseEql(text).diagnostics : parseKql(text).diagnostics)

describe('quick reference entries', () => {
  it('has unique ids that are safe as element ids', () => {
    const ids = REFERENCE_ENTRIES.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^(eql|kql)-(op|fn|syn|type)-[A-Za-z][A-Za-z0-9-]*$/)
  })

  it('has an entry with a signature and an example for every function the EQL checker knows', () => {
    for (const f of FUNCTIONS) {
      const e = referenceEntry(`eql-fn-${f.display}`)
      expect(e, f.display).toBeDefined()
      expect(e?.signature.startsWith(`${f.display}(`), f.display).toBe(true)
      expect(e?.example).toMatch(new RegExp(`^${f.display}~?\\(|\\b${f.display}~?\\(`))
      expect(e?.caseRule, f.display).toContain(f.caseInsensitive ? '~' : 'No `~` variant')
    }
  })

  it('has an entry for every operator of both languages, stating its case behaviour', () => {
    for (const d of [...EQL_OPERATOR_DOCS, ...KQL_OPERATOR_DOCS]) {
      const e = referenceEntry(operatorEntryId(d.language, d.op))
      expect(e?.name, `${d.language} ${d.op}`).toBe(d.op)
      if (d.caseRule !== 'none') expect(e?.caseRule, d.op).toMatch(/case-(in)?sensitive|field type/)
    }
    expect(referenceEntry('eql-op-like')?.wildcards).toContain('wildcards')
    expect(referenceEntry('eql-op-eq')?.wildcards).toContain('literal')
    expect(referenceEntry('eql-op-not-in-ci')?.caseRule).toBe('case-insensitive')
  })

  it('covers sequences, samples, pipes and KQL escaping', () => {
    for (const id of ['eql-syn-sequence', 'eql-syn-sample', 'eql-syn-maxspan', 'eql-syn-until', 'eql-syn-runs', 'eql-syn-head', 'eql-syn-tail', 'eql-syn-missing-event'])
      expect(referenceEntry(id), id).toBeDefined()
    for (const id of ['kql-syn-escaping', 'kql-syn-quoted', 'kql-syn-wildcard', 'kql-syn-question-mark', 'kql-syn-windows-paths', 'kql-type-wildcard'])
      expect(referenceEntry(id), id).toBeDefined()
    expect(referenceEntry('kql-syn-question-mark')?.wildcards).toContain('literal')
  })

  it.each(REFERENCE_ENTRIES.map((e) => [e.id, e] as const))('%s: the example parses and the entry is complete', (_, e) => {
    expect(parse(e.language, e.exampleQuery)).toEqual([])
    expect(e.summary.length).toBeGreaterThan(5)
    expect(e.signature).not.toBe('')
    expect(e.snippet).not.toBe('')
    expect(REFERENCE_GROUPS.some((g) => g.language === e.language && g.id === e.group)).toBe(true)
  })

  it('gives examples that compile against ECS without errors, so an inserted example runs', () => {
    const { schema } = buildSchema({ ecs: true })
    const failing = REFERENCE_ENTRIES.flatMap((e) => {
      const out = e.language === 'eql' ? compileEql(e.exampleQuery, { schema }) : compileKql(e.exampleQuery, { schema })
      const errors = out.diagnostics.filter((d) => d.severity === 'error')
      return errors.length === 0 ? [] : [`${e.id}: ${errors.map((d) => d.message).join('; ')}`]
    })
    expect(failing).toEqual([])
  })

  it('links every EQL keyword with a hover to an entry', () => {
    for (const k of EQL_KEYWORD_DOCS) expect(keywordEntry(k.keyword)?.id, k.keyword).toBeDefined()
  })
})

describe('hover → reference entry', () => {
  it('reads the markdown every docs table writes', () => {
    for (const d of FUNCTION_DOCS) {
      expect(referenceIdForHover('eql', [functionMarkdown(d)])).toBe(`eql-fn-${d.display}`)
      expect(referenceIdForHover('eql', [functionMarkdown(d, true)])).toBe(`eql-fn-${d.display}`)
    }
    for (const d of EQL_OPERATOR_DOCS) expect(referenceIdForHover('eql', [operatorMarkdown(d)])).toBe(operatorEntryId('eql', d.op))
    for (const d of KQL_OPERATOR_DOCS) expect(referenceIdForHover('kql', [operatorMarkdown(d)])).toBe(operatorEntryId('kql', d.op))
    for (const d of EQL_KEYWORD_DOCS) expect(referenceIdForHover('eql', [keywordMarkdown(d)])).toBe(keywordEntry(d.keyword)?.id)
  })

  it.each([
    ['eql', 'process where st‸artsWith~(process.name, "a")', 'eql-fn-startsWith'],
    ['eql', 'process where process.name li‸ke~ "a*"', 'eql-op-like-ci'],
    ['eql', 'process where process.name no‸t in ("a")', 'eql-op-not-in'],
    ['eql', 'process where process.name == "a‸"', 'eql-op-eq'],
    ['eql', 'seq‸uence [process where true] [file where true]', 'eql-syn-sequence'],
    ['eql', 'process where true | he‸ad 3', 'eql-syn-head'],
    ['eql', 'process where process.na‸me == "a"', null],
    ['kql', 'process.name : a‸bc', 'kql-type-keyword'],
    ['kql', 'process.command_line : *cu‸rl*', 'kql-type-wildcard'],
    ['kql', 'process.name :‸ abc', 'kql-op-colon'],
    ['kql', 'process.name : *‸', 'kql-syn-exists'],
    ['kql', 'process.na‸me : abc', null],
  ] as const)('%s %s → %s', (language, marked, id) => {
    const h = hover(language, marked)
    expect(referenceIdForHover(language, h === null ? [] : [h.contents])).toBe(id)
  })
})
