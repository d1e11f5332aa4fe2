import { describe, expect, it } from 'vitest'
import { complete, labels } from './complete-test-helpers'

/**
 * Table: query with the cursor at `‸` (none: at the end), labels that must be offered, labels
 * that must not, and optionally the first label shown.
 */
interface Case {
  readonly name: string
  readonly q: string
  readonly has: readonly string[]
  readonly not?: readonly string[]
  readonly first?: string
}

const CASES: readonly Case[] = [
  { name: 'empty query: any, categories, sequence, sample', q: '', has: ['any', 'process', 'file', 'network', 'sequence', 'sample', 'custom_cat'], not: ['where', 'process.name'] },
  { name: 'half-typed category', q: 'proc', has: ['process', 'any'] },
  { name: 'after a category: where', q: 'process ', has: ['where'], not: ['process.name', 'any'] },
  { name: 'half-typed where', q: 'process wh', has: ['where'] },
  { name: 'after where: fields, functions, not, ?', q: 'process where ', has: ['process.name', 'host.id', 'lab.tag', 'user.name', 'startsWith', 'startsWith~', 'cidrMatch', 'not', '?'], not: ['where', '=='], first: '@timestamp' },
  { name: 'half-typed field', q: 'process where process.na', has: ['process.name'] },
  { name: 'dotted prefix limits the fields', q: 'process where process.', has: ['process.name', 'process.pid', 'process.executable'], not: ['host.id', 'user.name'] },
  { name: 'after a field: operators and connectives', q: 'process where process.name ', has: ['==', '!=', ':', 'like', 'like~', 'regex', 'regex~', 'in', 'in~', '<', '<=', '>', '>=', 'and', 'or'], first: '==' },
  { name: 'after ==: values of that field', q: 'process where process.name == ', has: ['"cmd.exe"', '"powershell.exe"', 'null'], not: ['"h1"'], first: '"cmd.exe"' },
  { name: 'after : values', q: 'process where process.name : ', has: ['"cmd.exe"'] },
  { name: 'after like~ values', q: 'process where process.name like~ ', has: ['"powershell.exe"'] },
  { name: 'after regex: values escaped as regex literals', q: 'process where process.name regex ', has: ['"cmd\\\\.exe"'], not: ['"cmd.exe"'] },
  { name: 'inside a regex~ list', q: 'process where process.name regex~ ("x", ', has: ['"powershell\\\\.exe"'] },
  { name: 'numeric field: bare numbers', q: 'process where process.pid >= ', has: ['4', '8', '12'], not: ['"4"'] },
  { name: 'inside in ( list', q: 'process where host.id in (', has: ['"h1"', '"h2"'], not: ['"cmd.exe"'] },
  { name: 'in~ list after a comma', q: 'process where host.id in~ ("h1", ', has: ['"h1"', '"h2"'] },
  { name: 'not in list', q: 'process where host.id not in ("h1", ', has: ['"h2"'] },
  { name: ': list', q: 'process where process.name : ("x", ', has: ['"cmd.exe"'] },
  { name: 'inside a string after ==', q: 'process where process.name == "cm‸"', has: ['"cmd.exe"'], not: ['null', 'and'] },
  { name: 'value with quotes is escaped', q: 'any where lab.tag == ', has: ['"red \\"team\\""'] },
  { name: 'value with backslashes is escaped', q: 'file where file.path == ', has: ['"C:\\\\Temp\\\\a.ps1"'] },
  { name: 'field not: in / in~', q: 'process where process.name not ', has: ['in', 'in~'], not: ['process.name'] },
  { name: 'where not: an operand', q: 'process where not ', has: ['process.name', 'startsWith'] },
  { name: 'field in: a list opens', q: 'process where process.name in ', has: ['(...)'] },
  { name: 'after a complete comparison: connectives and pipes', q: 'process where process.name == "cmd.exe" ', has: ['and', 'or', '| head', '| tail'], not: ['=='] },
  { name: 'after and', q: 'process where process.pid > 1 and ', has: ['process.name', 'not'] },
  { name: 'optional field ?', q: 'process where ?', has: ['process.name'], not: ['startsWith', 'not'] },
  { name: 'function arguments: fields', q: 'process where startsWith(', has: ['process.name', 'length'] },
  { name: 'second function argument', q: 'process where startsWith~(process.name, ', has: ['process.name'] },
  { name: 'after a pipe: head, tail', q: 'process where true | ', has: ['head', 'tail'], not: ['process.name', 'and'] },
  { name: 'after head N: another pipe', q: 'process where true | head 5 ', has: ['| head', '| tail'] },
  { name: 'sequence header', q: 'sequence ', has: ['by', 'with maxspan=', '['], not: ['process.name'] },
  { name: 'sequence by: fields', q: 'sequence by ', has: ['host.id', 'process.name'] },
  { name: 'sequence by field: maxspan and a stage', q: 'sequence by host.id ', has: ['with maxspan=', '['] },
  { name: 'sequence with: maxspan=', q: 'sequence by host.id with ', has: ['maxspan='] },
  { name: 'after maxspan: a stage, not maxspan again', q: 'sequence by host.id with maxspan=1m ', has: ['['], not: ['with maxspan='] },
  { name: 'after a function call: comparisons', q: 'process where length(process.name) ', has: ['>', '==', 'and'], not: ['like', 'in'] },
  { name: 'after a grouped condition: connectives only', q: 'process where (process.pid == 4) ', has: ['and', 'or'], not: ['=='] },
  { name: 'stage start: categories', q: 'sequence by host.id with maxspan=1m [', has: ['process', 'file', 'any'], not: ['process.name'] },
  { name: 'inside a sequence stage condition', q: 'sequence by host.id [process where process.name == ', has: ['"cmd.exe"'] },
  { name: 'inside a stage: a field', q: 'sequence [process where ', has: ['process.name', 'not'] },
  { name: 'inside a stage after a condition: no pipes', q: 'sequence [process where process.pid == 4 ', has: ['and', 'or'], not: ['| head'] },
  { name: 'after a stage: next stage, by, until, runs, pipes', q: 'sequence by host.id [process where true] ', has: ['[', 'by', 'until', 'with runs=', '| head'] },
  { name: 'after until: a stage', q: 'sequence [process where true] [file where true] until ', has: ['['] },
  { name: 'sample header has no maxspan', q: 'sample ', has: ['by', '['], not: ['with maxspan='] },
  { name: 'cursor in the middle of the query', q: 'process where process.‸ and host.id == "h1"', has: ['process.name'], not: ['host.id'] },
  { name: 'category at the start of a later line', q: '/* comment */ proc', has: ['process'] },
  { name: 'inside a line comment: nothing', q: 'process where // proc', has: [], not: ['process.name', 'and'] },
  { name: 'inside a block comment: nothing', q: 'process where /* proc‸ */', has: [], not: ['process.name'] },
  { name: 'after a line comment, next line', q: 'process where // note\n  process.na', has: ['process.name'] },
]

describe('EQL completion at cursor positions', () => {
  it.each(CASES)('$name', ({ q, has, not, first }) => {
    const r = complete('eql', q)
    const got = labels(r.items)
    for (const h of has) expect(got, `expected ${h}`).toContain(h)
    for (const n of not ?? []) expect(got, `did not expect ${n}`).not.toContain(n)
    if (first !== undefined) expect(got[0]).toBe(first)
  })
})

describe('EQL completion details', () => {
  it('ranks fields seen in the events before other ECS fields', () => {
    const fields = complete('eql', 'process where ').items.filter((i) => i.kind === 'field')
    const seenCount = fields.findIndex((i) => !i.detail?.includes('in '))
    expect(seenCount).toBeGreaterThan(5)
    expect(fields.slice(0, seenCount).map((i) => i.label)).toEqual(expect.arrayContaining(['process.name', 'host.id', 'lab.tag', '@timestamp']))
    expect(fields.slice(seenCount).some((i) => i.label === 'process.name')).toBe(false)
  })

  it('describes ECS fields with type and short description', () => {
    const name = complete('eql', 'process where user.na').items.find((i) => i.label === 'user.name')
    expect(name?.detail).toBe('keyword')
    expect(name?.documentation).toContain('Short name or login of the user.')
    expect(name?.documentation).toContain('(ECS)')
    const tag = complete('eql', 'process where lab.').items.find((i) => i.label === 'lab.tag')
    expect(tag?.documentation).toContain('inferred from the events')
  })

  it('replaces the dotted word being typed', () => {
    const r = complete('eql', 'process where process.na‸ == "x"')
    expect(r.replace).toEqual({ start: 14, end: 24 })
    const s = complete('eql', 'process where process.name == "cm‸"')
    expect(s.replace).toEqual({ start: 30, end: 34 })
    expect(complete('eql', 'process where ').replace).toEqual({ start: 14, end: 14 })
  })

  it('offers functions as snippets with their signature', () => {
    const sw = complete('eql', 'process where ').items.find((i) => i.label === 'startsWith~')
    expect(sw).toMatchObject({ kind: 'function', insertText: 'startsWith~(${1:source}, ${2:prefix})', insertTextRules: 'snippet', detail: 'startsWith(source, prefix)' })
    expect(sw?.documentation).toContain('Case-insensitive')
  })

  it('documents operators with case and wildcard behaviour', () => {
    const ops = complete('eql', 'process where process.name ').items
    expect(ops.find((i) => i.label === '==')?.documentation).toContain('case-sensitive, `*` and `?` are literal')
    expect(ops.find((i) => i.label === ':')?.documentation).toContain('case-insensitive, `*` and `?` are wildcards')
  })

  it('back-quotes field names that are not identifiers', () => {
    const r = complete('eql', 'any where ', { seen: { scanned: 1, fields: [{ name: 'my-app.in', count: 1, values: [] }] } })
    expect(r.items.find((i) => i.label === 'my-app.in')?.insertText).toBe('`my-app`.`in`')
  })

  it('takes values from fieldValues when given', () => {
    const r = complete('eql', 'process where host.id == ', { fieldValues: (f) => (f === 'host.id' ? ['zz'] : []) })
    expect(labels(r.items)).toEqual(['"zz"', 'null'])
  })

  it('uses the category field from the settings for seen categories', () => {
    const r = complete('eql', '', { eventCategoryField: 'lab.tag' })
    expect(labels(r.items)).toContain('blue')
    expect(r.items.find((i) => i.label === 'red "team"')?.insertText).toBe('"red \\"team\\""')
  })

  it('works without events or ECS docs', () => {
    const r = complete('eql', 'process where process.na', { seen: undefined, ecsDocs: undefined })
    expect(r.items.find((i) => i.label === 'process.name')?.detail).toBe('keyword')
  })
})
