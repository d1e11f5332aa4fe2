import { describe, expect, it } from 'vitest'
import { hover } from './complete-test-helpers'

/** Table: cursor at `‸`; the hover must contain every `has` text (null: no hover). */
interface Case {
  readonly q: string
  readonly has: readonly string[] | null
  readonly range?: readonly [number, number]
}

const EQL: readonly Case[] = [
  { q: 'process where process.na‸me == "x"', has: ['**process.name**', '`keyword` (ECS)', 'Process name.', 'Example: `ssh`'], range: [14, 26] },
  { q: 'process where ‸process.name == "x"', has: ['**process.name**'] },
  { q: 'process where lab.t‸ag == "x"', has: ['**lab.tag**', 'inferred from the events'] },
  { q: 'process where nothing.he‸re == 1', has: ['not mapped'] },
  { q: 'process where process.name == "x‸"', has: ['Under `==`', 'case-sensitive, `*` and `?` are literal'], range: [30, 33] },
  { q: 'process where process.name != "x‸"', has: ['case-sensitive, `*` and `?` are literal'] },
  { q: 'process where process.name : "x‸*"', has: ['Under `:`', 'case-insensitive, `*` and `?` are wildcards'] },
  { q: 'process where process.name like "x‸*"', has: ['Under `like`', 'case-sensitive, `*` and `?` are wildcards'] },
  { q: 'process where process.name like~ "x‸*"', has: ['case-insensitive, `*` and `?` are wildcards'] },
  { q: 'process where process.name regex "x‸.*"', has: ['case-sensitive Lucene regular expression'] },
  { q: 'process where process.name regex~ "x‸.*"', has: ['case-insensitive Lucene regular expression'] },
  { q: 'process where process.name in ("a", "x‸")', has: ['Under `in`', 'case-sensitive, `*` and `?` are literal'] },
  { q: 'process where process.name in~ ("a", "x‸")', has: ['Under `in~`', 'case-insensitive'] },
  { q: 'process where process.name not in ("x‸")', has: ['Under `not in`'] },
  { q: 'process where process.name : ("a", "x‸")', has: ['Under `:`', 'wildcards'] },
  { q: 'process where "x‸" == process.name', has: ['Under `==`'] },
  { q: 'process where startsWith(process.name, "x‸")', has: ['Argument of `startsWith`', 'case-sensitively'] },
  { q: 'process where startsWith~(process.name, "x‸")', has: ['Argument of `startsWith~`', 'case-insensitively'] },
  { q: 'process where ‸startsWith(process.name, "x")', has: ['startsWith(source, prefix)', 'Add `~`'] },
  { q: 'process where start‸sWith~(process.name, "x")', has: ['startsWith~(source, prefix)', 'Case-insensitive'] },
  { q: 'process where cidr‸Match(source.ip, "10.0.0.0/8")', has: ['cidrMatch(ip, block, ...)', 'No `~` variant'] },
  { q: 'process where process.name =‸= "x"', has: ['**`==`**', 'Strings: case-sensitive'] },
  { q: 'process where process.name ‸: "x"', has: ['**`:`**', 'case-insensitive'] },
  { q: 'process where process.name ‸like~ "x"', has: ['**`like~`**'] },
  { q: 'process where process.name ‸not in ("x")', has: ['**`not in`**'], range: [27, 33] },
  { q: 'process where process.name not ‸in~ ("x")', has: ['**`not in~`**'] },
  { q: 'process where true ‸and false', has: ['**`and`**'] },
  { q: 'proc‸ess where true', has: ['Event category'] },
  { q: 'seq‸uence by host.id [process where true] [file where true]', has: ['**`sequence`**'] },
  { q: 'sequence with max‸span=1m [process where true] [file where true]', has: ['**`maxspan`**'] },
  { q: 'process where true | he‸ad 5', has: ['**`head`**'] },
  { q: 'process where head‸ == 1', has: ['**head**'] },
  { q: 'process where true    ‸', has: null },
  { q: '', has: null },
]

const KQL: readonly Case[] = [
  { q: 'process.na‸me : x', has: ['**process.name**', 'Process name.'], range: [0, 12] },
  { q: 'process.name : x‸', has: ['`keyword`', 'Exact whole value, case-sensitive', '`?` is always a literal'] },
  { q: 'process.name : x*‸', has: ['one case-sensitive pattern over the whole value', '`*` is a wildcard'] },
  { q: 'process.name : "x*‸"', has: ['Exact whole value, case-sensitive; `*` is literal in quotes'] },
  { q: 'process.command_line : *power‸*', has: ['`wildcard`', 'split at whitespace'] },
  { q: 'message : hel‸lo', has: ['Analysed text', 'case-insensitive'] },
  { q: 'message : "hel‸lo world"', has: ['a phrase'] },
  { q: 'process.pid : 4‸', has: ['Read as a long value', 'not a wildcard'] },
  { q: 'unknown.field : ab*‸', has: ['unmapped: treated as keyword'] },
  { q: 'host.id : (h1 or h‸2)', has: ['Value for `host.id`'] },
  { q: 'process:{ name : cm‸d }', has: ['Value for `process.name`'] },
  { q: 'process.pid >= 1‸0', has: ['Range bound for `process.pid`'] },
  { q: 'host.id : *‸', has: ['the field exists'] },
  { q: 'process.name ‸: x', has: ['**`:`**', 'depends on the field type'] },
  { q: 'a : 1 ‸AND b : 2', has: ['**`and`**'] },
  { q: 'free‸text', has: ['Free text'] },
  { q: '   ‸  ', has: null },
]

describe('hover', () => {
  it.each(EQL)('EQL $q', ({ q, has, range }) => {
    const h = hover('eql', q)
    if (has === null) return void expect(h).toBeNull()
    expect(h).not.toBeNull()
    for (const s of has) expect(h?.contents).toContain(s)
    if (range !== undefined) expect(h?.range).toEqual({ start: range[0], end: range[1] })
  })

  it.each(KQL)('KQL $q', ({ q, has, range }) => {
    const h = hover('kql', q)
    if (has === null) return void expect(h).toBeNull()
    expect(h).not.toBeNull()
    for (const s of has) expect(h?.contents).toContain(s)
    if (range !== undefined) expect(h?.range).toEqual({ start: range[0], end: range[1] })
  })
})
