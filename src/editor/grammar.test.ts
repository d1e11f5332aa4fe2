import { describe, expect, it } from 'vitest'
import { eqlGrammar } from './eql-grammar'
import { kqlGrammar } from './kql-grammar'
import type { MonarchAction, MonarchLanguage, MonarchRule } from './monarch-types'

/**
 * The grammars run through a small Monarch interpreter covering the subset they use (rules,
 * includes, `cases` over keyword lists, `next` with @push/@pop/@state), line by line as Monaco
 * tokenizes. Monaco itself cannot load in Node; this keeps the token rules honest.
 */
function tokenize(lang: MonarchLanguage, text: string): [string, string][] {
  const out: [string, string][] = []
  const stack = ['root']
  const flags = lang.ignoreCase ? 'iy' : 'y'
  const rulesOf = (state: string): MonarchRule[] =>
    (lang.tokenizer[state] ?? []).flatMap((r) => ('include' in r ? rulesOf(r.include.slice(1)) : [r]))
  const inList = (list: string, word: string) => {
    const words = lang[list] as string[]
    return words.includes(lang.ignoreCase ? word.toLowerCase() : word)
  }
  const resolve = (action: MonarchAction, text: string): { token: string; next?: string } => {
    if (typeof action === 'string') return { token: action }
    if ('cases' in action) {
      for (const [k, v] of Object.entries(action.cases)) if (k === '@default' || inList(k.slice(1), text)) return { token: v }
      throw new Error('no case')
    }
    return action
  }
  for (const line of text.split('\n')) {
    let pos = 0
    while (pos < line.length) {
      const state = stack[stack.length - 1] ?? 'root'
      let matched = false
      for (const rule of rulesOf(state)) {
        if ('include' in rule) continue
        const re = new RegExp(rule[0].source, flags)
        re.lastIndex = pos
        const m = re.exec(line)
        if (!m || m[0].length === 0) continue
        const { token, next } = resolve(rule[1], m[0])
        const goTo = rule[2] ?? next
        if (token !== '') out.push([m[0], token])
        if (goTo === '@pop') stack.pop()
        else if (goTo === '@push') stack.push(state)
        else if (goTo) stack.push(goTo.slice(1))
        pos += m[0].length
        matched = true
        break
      }
      if (!matched) {
        out.push([line[pos] ?? '', lang.defaultToken ?? ''])
        pos++
      }
    }
  }
  return out
}

/** Tokens by their base kind (`string.quote` -> `string`), adjacent pieces of one kind joined. */
function merged(lang: MonarchLanguage, text: string): [string, string][] {
  const out: [string, string][] = []
  for (const [t, full] of tokenize(lang, text)) {
    const k = full.split('.')[0] ?? full
    const last = out[out.length - 1]
    // only multi-piece tokens (a string's quotes and body) are joined; keywords stay apart
    if (last && last[1] === k && (k === 'string' || k === 'variable')) last[0] += t
    else out.push([t, k])
  }
  return out
}

describe('EQL grammar', () => {
  it('colours keywords, fields, operators, strings and numbers', () => {
    expect(merged(eqlGrammar, 'process where process.pid >= 4 and not user.name == "root"')).toEqual([
      ['process', 'identifier'],
      ['where', 'keyword'],
      ['process.pid', 'identifier'],
      ['>=', 'operator'],
      ['4', 'number'],
      ['and', 'keyword'],
      ['not', 'keyword'],
      ['user.name', 'identifier'],
      ['==', 'operator'],
      ['"root"', 'string'],
    ])
  })

  it('reads the case-insensitive operators and function forms', () => {
    const tokens = tokenize(eqlGrammar, 'a like~ "x*" or b regex~ "y" or c in~ ("z") or endsWith~(d, "e") or e : "f"')
    expect(tokens).toContainEqual(['like~', 'keyword.operator'])
    expect(tokens).toContainEqual(['regex~', 'keyword.operator'])
    expect(tokens).toContainEqual(['in~', 'keyword.operator'])
    expect(tokens).toContainEqual(['endsWith~', 'predefined'])
    expect(tokens).toContainEqual([':', 'operator'])
  })

  it('tells a call from a keyword before a parenthesis', () => {
    const tokens = tokenize(eqlGrammar, 'any where (cidrMatch(source.ip, "10.0.0.0/8"))')
    expect(tokens).toContainEqual(['where', 'keyword'])
    expect(tokens).toContainEqual(['cidrMatch', 'predefined'])
  })

  it('reads raw strings without escapes, escapes in normal strings, and rejected quotes', () => {
    // the string must end where Elasticsearch ends it: what follows is code again
    expect(merged(eqlGrammar, 'a == """C:\\path\\"x""" and b == """y"""""')).toEqual([
      ['a', 'identifier'],
      ['==', 'operator'],
      ['"""C:\\path\\"x"""', 'string'],
      ['and', 'keyword'],
      ['b', 'identifier'],
      ['==', 'operator'],
      ['"""y"""""', 'string'],
    ])
    expect(tokenize(eqlGrammar, '"a\\"b"')).toContainEqual(['\\"', 'string.escape'])
    expect(tokenize(eqlGrammar, "a == 'x'")).toContainEqual(["'x'", 'string.invalid'])
  })

  it('reads optional and backquoted fields, durations and comments (block comments nest)', () => {
    const tokens = tokenize(eqlGrammar, 'sequence with maxspan=5m [any where ?user.id == `odd name` // end\n/* a /* b */ c */ ]')
    expect(tokens).toContainEqual(['?user.id', 'variable.optional'])
    expect(tokens).toContainEqual(['5m', 'number.duration'])
    expect(merged(eqlGrammar, '`odd name`')).toEqual([['`odd name`', 'variable']])
    expect(tokens).toContainEqual(['// end', 'comment'])
    expect(tokens.filter(([, k]) => k === 'comment').map(([t]) => t).join('')).toBe('// end/* a /* b */ c */')
    expect(tokens[tokens.length - 1]).toEqual([']', '@brackets'])
  })
})

describe('KQL grammar', () => {
  it('colours fields, operators, values and keywords in any case', () => {
    expect(merged(kqlGrammar, 'process.name : "cmd.exe" AND NOT user.name: adm* or port >= 443')).toEqual([
      ['process.name', 'variable'],
      [':', 'operator'],
      ['"cmd.exe"', 'string'],
      ['AND', 'keyword'],
      ['NOT', 'keyword'],
      ['user.name', 'variable'],
      [':', 'operator'],
      ['adm', 'string'],
      ['*', 'operator'],
      ['or', 'keyword'],
      ['port', 'variable'],
      ['>=', 'operator'],
      ['443', 'number'],
    ])
  })

  it('keeps escapes inside unquoted values and reads nested groups', () => {
    expect(tokenize(kqlGrammar, 'path: C\\:\\\\temp')).toContainEqual(['C\\:\\\\temp', 'string.unquoted'])
    const tokens = tokenize(kqlGrammar, 'user:{ first: "a" }')
    expect(tokens[0]).toEqual(['user', 'variable'])
    expect(tokens).toContainEqual(['{', '@brackets'])
    expect(tokens).toContainEqual(['first', 'variable'])
  })
})
