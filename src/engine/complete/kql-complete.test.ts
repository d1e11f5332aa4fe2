import { describe, expect, it } from 'vitest'
import { complete, labels } from './complete-test-helpers'

interface Case {
  readonly name: string
  readonly q: string
  readonly has: readonly string[]
  readonly not?: readonly string[]
  readonly first?: string
}

const CASES: readonly Case[] = [
  { name: 'empty query: fields and not', q: '', has: ['process.name', 'host.id', 'user.name', 'not'], not: [':', 'and'], first: '@timestamp' },
  { name: 'half-typed field', q: 'process.na', has: ['process.name'], not: ['host.id'] },
  { name: 'dotted prefix limits the fields', q: 'process.', has: ['process.name', 'process.executable'], not: ['host.id'] },
  { name: 'after a field: : and range operators', q: 'process.name ', has: [':', '<', '<=', '>', '>=', 'and', 'or'], first: ':' },
  { name: 'after field: values', q: 'process.name : ', has: ['"cmd.exe"', '"powershell.exe"', '*'], not: ['"h1"', 'and'], first: '"cmd.exe"' },
  { name: 'after field: without a space', q: 'host.id:', has: ['"h1"', '"h2"'] },
  { name: 'numeric values are bare', q: 'process.pid >= ', has: ['4', '8'], not: ['"4"', '*'] },
  { name: 'inside a value list', q: 'host.id : (h1 or ', has: ['"h1"', '"h2"'], not: ['process.name'] },
  { name: 'right after a value list opens', q: 'host.id:(', has: ['"h2"'] },
  { name: 'after a complete match: and/or', q: 'process.name : cmd.exe ', has: ['and', 'or'], not: [':', 'process.name'] },
  { name: 'after and: fields', q: 'process.name : cmd.exe and ', has: ['host.id', 'not'] },
  { name: 'after not: fields', q: 'not ', has: ['process.name'] },
  { name: 'after an upper-case OR: fields', q: 'host.id : h1 OR ', has: ['process.name'] },
  { name: 'inside a group', q: '(host.id : h1 or ', has: ['process.name'] },
  { name: 'inside a quoted value', q: 'process.name : "cm‸"', has: ['"cmd.exe"'], not: ['and'] },
  { name: 'value with quotes is escaped', q: 'lab.tag : ', has: ['"red \\"team\\""'] },
  { name: 'nested scope: fields under the parent', q: 'process:{ ', has: ['process.name'], not: ['host.id'] },
  { name: 'nested scope: values of the full field', q: 'process:{ name : ', has: ['"cmd.exe"'] },
  { name: 'cursor in the middle', q: 'host.id : ‸ and process.name : x', has: ['"h1"'], not: ['"cmd.exe"'] },
]

describe('KQL completion at cursor positions', () => {
  it.each(CASES)('$name', ({ q, has, not, first }) => {
    const got = labels(complete('kql', q).items)
    for (const h of has) expect(got, `expected ${h}`).toContain(h)
    for (const n of not ?? []) expect(got, `did not expect ${n}`).not.toContain(n)
    if (first !== undefined) expect(got[0]).toBe(first)
  })
})

describe('KQL completion details', () => {
  it('ranks seen fields first', () => {
    const fields = complete('kql', '').items.filter((i) => i.kind === 'field')
    const firstUnseen = fields.findIndex((i) => !i.detail?.includes(' in '))
    expect(fields.slice(0, firstUnseen).map((i) => i.label)).toContain('lab.tag')
    expect(fields.slice(firstUnseen).map((i) => i.label)).not.toContain('lab.tag')
  })

  it('inserts names relative to a nested scope', () => {
    const item = complete('kql', 'process:{ na').items.find((i) => i.label === 'process.name')
    expect(item?.insertText).toBe('name')
  })

  it('replaces the word or the quoted value being typed', () => {
    expect(complete('kql', 'process.na‸ : x').replace).toEqual({ start: 0, end: 10 })
    expect(complete('kql', 'process.name : "cm‸"').replace).toEqual({ start: 15, end: 19 })
    expect(complete('kql', 'process.name : "cm').replace).toEqual({ start: 15, end: 18 })
  })

  it('quotes field names with spaces or special characters', () => {
    const r = complete('kql', '', { seen: { scanned: 1, fields: [{ name: 'a b:c', count: 1, values: [] }] } })
    expect(r.items.find((i) => i.label === 'a b:c')?.insertText).toBe('"a b:c"')
  })

  it('documents : as depending on the field type', () => {
    expect(complete('kql', 'host.id ').items.find((i) => i.label === ':')?.documentation).toContain('depends on the field type')
  })
})
