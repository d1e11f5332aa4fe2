import { describe, expect, it } from 'vitest'
import type { KqlNode } from './ast'
import { formatKql, parseKql } from './parser'
import { stripSpans } from './parse-test-helpers'
import { escapeUnquoted, printKql, quoteKql } from './print'

function parsed(text: string): KqlNode {
  const { query, diagnostics } = parseKql(text)
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  if (query === null) throw new Error(`no query for ${text}`)
  return query
}

/** print(parse(text)) parses back to the same tree, and printing that again changes nothing. */
function expectRoundTrip(text: string): string {
  const first = parsed(text)
  const printed = printKql(first)
  const again = parsed(printed)
  expect(stripSpans(again)).toEqual(stripSpans(first))
  expect(printKql(again)).toBe(printed)
  return printed
}

describe('canonical printing', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['*:*', '*:*'],
    ['a : b', 'a:b'],
    ['a:b   AND   c:d', 'a:b and c:d'],
    ['A:b OR NOT c:d', 'A:b or not c:d'],
    ['(a:b or c:d) and e:f', '(a:b or c:d) and e:f'],
    ['a:b or (c:d and e:f)', 'a:b or c:d and e:f'],
    ['a:b or (c:d or e:f)', 'a:b or (c:d or e:f)'],
    ['(a:b and c:d) and e:f', '(a:b and c:d) and e:f'],
    ['not (not a:b)', 'not (not a:b)'],
    ['not (a:b and c:d)', 'not (a:b and c:d)'],
    ['not(  a:b  )'.replace('not(', 'not ('), 'not a:b'],
    ['f:( a  or  b )', 'f:(a or b)'],
    ['f:(a)', 'f:(a)'],
    ['f:(not a)', 'f:(not a)'],
    ['f:(a or (b and c))', 'f:(a or b and c)'],
    ['f:((a or b) and c)', 'f:((a or b) and c)'],
    ['not f:(a or b)', 'not f:(a or b)'],
    ['*:(*)', '*:(*)'],
    ['x>=5', 'x >= 5'],
    ['x  <  "5"', 'x < "5"'],
    ['a:{b:c}', 'a:{ b:c }'],
    ['a : {  b : { c : d }  }', 'a:{ b:{ c:d } }'],
    ['"a b" : "c\\"d"', '"a b":"c\\"d"'],
    ['f:"tab\there"', 'f:"tab\\there"'],
    ['f:"raw\nnewline"', 'f:"raw\\nnewline"'],
    ['f:"C:\\Windows"', 'f:"C:\\\\Windows"'],
    ['f:C\\:\\\\Windows\\\\*', 'f:C\\:\\\\Windows\\\\*'],
    ['f:a\\*b', 'f:a\\*b'],
    ['f:\\t', 'f:\\t'],
    ['f:\\u0041', 'f:A'],
    ['f:\\(x\\)', 'f:\\(x\\)'],
    ['f:x \\or y', 'f:x \\or y'],
    ['f:\\NOT y', 'f:\\NOT y'],
    ['f:a\\nnot', 'f:a\\n\\u006eot'],
    ['f:b or', 'f:b \\or'],
    ['f:band c', 'f:band c'],
    ['f:null or g:"null" or h:TRUE', 'f:null or g:"null" or h:TRUE'],
    ['file.*:x*', 'file.*:x*'],
    ['a\\*b:x', 'a\\*b:x'],
    ['null:x', 'x'],
    ['f:x or y', 'f:x or y'],
    ['f:Win 7', 'f:Win 7'],
  ])('%j -> %j', (text, expected) => {
    expect(printKql(parsed(text))).toBe(expected)
    expect(expectRoundTrip(text)).toBe(expected)
  })
})

describe('round trips', () => {
  it.each([
    'event.category:file and host.os.type:macos and not event.type:"deletion" and file.path:(/private/etc/periodic/* or /private/etc/periodic.conf)',
    'process.args:(*-enc* or "-e" or *FromBase64String*) and not user.name:(SYSTEM or "LOCAL SERVICE")',
    'winlog.event_data.ShareName:"\\\\\\\\*\\\\IPC$"',
    'binding_deltas:{ action:"ADD" and role:("roles/owner" or roles/editor) }',
    'a:{ b:{ c:(x or not y) and d >= 1 } or e:* }',
    'dns.question.name:cdn??.space and url.path:/re.*/',
    'f:(a or b or c) or f:(d) and not (g:h or i:(j and k))',
    'f:*not\\ this*'.replace('\\ ', '\\u0020'),
    'f:x\\u00a0or\\u00a0y',
    'f:x\u00a0\\or\u00a0y',
    'f:"\\u0000\\u001f"',
    'f:a\u2003b',
    'f:\\and \\or \\AND \\Or \\nOT',
    'f:x \\or \\and',
    '@timestamp < now-1d/d and @timestamp >= "2024-05-01"',
    'NOTa:b or nota:\\not',
    'f:cannot',
    'f:n\\*ot x',
  ])('%j', (text) => {
    expectRoundTrip(text)
  })

  it('round-trips whatever parses among generated queries', () => {
    const pieces = ['a', 'b', ':', ' ', '(', ')', '{', '}', '"', '\\', '*', 'not ', ' and ', ' or ', 'OR', ' <= ', '\u00a0', '\\t', '\\n', 'x y', '\\u0041', 'é', '?', 'null', 'true', '\\:', '\\*', '\\or']
    let seed = 987
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    let checked = 0
    for (let round = 0; round < 5000; round++) {
      let text = ''
      const len = 1 + rnd(10)
      for (let i = 0; i < len; i++) text += pieces[rnd(pieces.length)]
      const { query } = parseKql(text)
      if (query === null) continue
      checked++
      const printed = printKql(query)
      const again = parseKql(printed).query
      expect({ text, printed, tree: again === null ? null : stripSpans(again) }).toEqual({ text, printed, tree: stripSpans(query) })
    }
    expect(checked).toBeGreaterThan(500)
  })
})

describe('helpers', () => {
  it('quotes only what quotes need', () => {
    expect(quoteKql('a"b\\c\td*(')).toBe('"a\\"b\\\\c\\td*("')
  })

  it('escapes keywords so a value stays one literal', () => {
    expect(escapeUnquoted('a or b and c not d')).toBe('a \\or b \\and c \\u006eot d')
    expect(escapeUnquoted('cannot')).toBe('can\\u006eot')
    expect(escapeUnquoted('orange')).toBe('orange')
  })

  it('formats text, or gives null when it does not parse', () => {
    expect(formatKql('a:b   OR c:d')).toBe('a:b or c:d')
    expect(formatKql('a:')).toBeNull()
  })
})
