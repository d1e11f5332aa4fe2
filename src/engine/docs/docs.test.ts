import { describe, expect, it } from 'vitest'
import { FUNCTIONS } from '../eql/functions/registry'
import { parseEql } from '../eql/parser'
import { parseKql } from '../kql/parser'
import { FUNCTION_DOCS, functionDoc, functionMarkdown } from './eql-functions'
import { kqlLiteralRule, kqlValueFamily } from './kql-literals'
import { EQL_KEYWORD_DOCS } from './eql-keywords'
import { EQL_OPERATOR_DOCS, KQL_OPERATOR_DOCS, operatorDoc } from './operators'

describe('function reference', () => {
  it('documents exactly the builtins of the registry', () => {
    expect(FUNCTION_DOCS.map((d) => d.name).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort())
  })

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s: display name, ~ variant and arity agree with the registry', (_, f) => {
    const d = functionDoc(f.name)
    expect(d?.display).toBe(f.display)
    expect(d?.tilde).toBe(f.caseInsensitive)
    // the snippet's parameters are the required ones
    expect(d?.params.length).toBe(f.minArgs)
    expect(d?.signature.startsWith(`${f.display}(`)).toBe(true)
  })

  it.each(FUNCTION_DOCS.map((d) => [d.display, d] as const))('%s: its example is valid EQL', (_, d) => {
    const out = parseEql(`any where ${d.example}`)
    expect(out.diagnostics).toEqual([])
    expect(d.description.length).toBeGreaterThan(10)
  })

  it('looks names up in any case and renders the ~ note', () => {
    expect(functionDoc('STARTSWITH')?.display).toBe('startsWith')
    expect(functionMarkdown(functionDoc('length')!)).toContain('No `~` variant')
    expect(functionMarkdown(functionDoc('endswith')!, true)).toContain('endsWith~(source, suffix)')
  })
})

describe('operator reference', () => {
  it.each(EQL_OPERATOR_DOCS.map((d) => [d.op, d] as const))('EQL %s: example is valid EQL', (_, d) => {
    expect(parseEql(`any where ${d.example}`).diagnostics).toEqual([])
  })

  it.each(KQL_OPERATOR_DOCS.map((d) => [d.op, d] as const))('KQL %s: example is valid KQL', (_, d) => {
    expect(parseKql(d.example).diagnostics).toEqual([])
  })

  it('states case and wildcards for every string operator', () => {
    expect(operatorDoc('eql', '==')?.literal).toBe('case-sensitive, `*` and `?` are literal characters')
    expect(operatorDoc('eql', ':')?.literal).toBe('case-insensitive, `*` and `?` are wildcards')
    expect(operatorDoc('eql', 'like')?.caseRule).toBe('sensitive')
    expect(operatorDoc('eql', 'in~')?.caseRule).toBe('insensitive')
    expect(operatorDoc('kql', 'AND')?.op).toBe('and')
    for (const d of EQL_OPERATOR_DOCS) if (d.caseRule !== 'none') expect(d.literal, d.op).toMatch(/case-(in)?sensitive/)
  })
})

describe('keyword reference', () => {
  it.each(EQL_KEYWORD_DOCS.map((d) => [d.keyword, d] as const))('%s: example is valid EQL', (_, d) => {
    expect(parseEql(d.example).diagnostics).toEqual([])
  })
})

describe('KQL literal rules', () => {
  it.each([
    ['keyword', false, false, 'Exact whole value, case-sensitive.'],
    ['keyword', false, true, 'one case-sensitive pattern over the whole value'],
    ['keyword', true, true, '`*` is literal in quotes'],
    ['wildcard', false, true, 'split at whitespace'],
    ['text', false, false, 'case-insensitive'],
    ['match_only_text', true, false, 'a phrase'],
    ['long', false, true, 'not a wildcard'],
    [undefined, false, true, 'unmapped: treated as keyword'],
  ] as const)('%s quoted=%s star=%s', (type, quoted, star, expected) => {
    expect(kqlLiteralRule(type, quoted, star)).toContain(expected)
  })

  it('groups types into families', () => {
    expect(kqlValueFamily('constant_keyword')).toBe('split')
    expect(kqlValueFamily('ip')).toBe('typed')
  })
})
