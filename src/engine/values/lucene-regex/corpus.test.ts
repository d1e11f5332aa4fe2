import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileLuceneRegex } from './compile'
import { matching } from './test-helpers'

/**
 * Every regex of the shared rule corpus (EQL `regex`/`regex~` string literals) must compile.
 * The literal scanner below is deliberately small: it reads `"..."` (with EQL escapes) and
 * `"""..."""` (raw) strings, alone or in a parenthesised list, right after the operator.
 */
function eqlStringAt(q: string, i: number): { value: string; end: number } | undefined {
  if (q.startsWith('"""', i)) {
    let close = q.indexOf('"""', i + 3)
    if (close < 0) return undefined
    // One or two extra quotes before the closing triple belong to the content.
    while (q.charAt(close + 3) === '"') close++
    return { value: q.slice(i + 3, close), end: close + 3 }
  }
  if (q.charAt(i) !== '"') return undefined
  let value = ''
  const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', "'": "'", '\\': '\\' }
  for (let j = i + 1; j < q.length; j++) {
    const ch = q.charAt(j)
    if (ch === '"') return { value, end: j + 1 }
    if (ch !== '\\') {
      value += ch
      continue
    }
    const next = q.charAt(j + 1)
    const unicode = /^u\{([0-9a-fA-F]{2,8})\}/.exec(q.slice(j + 1))
    if (unicode?.[1] !== undefined) {
      value += String.fromCodePoint(parseInt(unicode[1], 16))
      j += unicode[0].length
    } else {
      value += simple[next] ?? next
      j++
    }
  }
  return undefined
}

function regexLiterals(query: string): string[] {
  const out: string[] = []
  for (const m of query.matchAll(/\bregex~?\s*\(?\s*/g)) {
    let i = m.index + m[0].length
    for (;;) {
      const lit = eqlStringAt(query, i)
      if (lit === undefined) break
      out.push(lit.value)
      const comma = /^\s*,\s*/.exec(query.slice(lit.end))
      if (comma === null) break
      i = lit.end + comma[0].length
    }
  }
  return out
}

interface Rule {
  readonly rule_id: string
  readonly language?: string
  readonly query?: string
}

const rules: Rule[] = readFileSync('../shared/corpus/rules.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Rule)

const patterns = rules
  .filter((r) => r.language === 'eql' && / regex/.test(r.query ?? ''))
  .flatMap((r) => regexLiterals(r.query ?? '').map((p) => ({ id: r.rule_id, p })))

describe('rule corpus regexes', () => {
  it('finds the corpus regexes', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(40)
  })

  it.each(patterns.map(({ id, p }) => [id, p]))('%s: %s compiles (both cases, both class readings)', (_id, p) => {
    for (const caseInsensitive of [false, true]) {
      for (const predefinedClasses of [false, true]) {
        const r = compileLuceneRegex(p, { caseInsensitive, predefinedClasses })
        expect(r.ok ? 'ok' : r.message).toBe('ok')
      }
    }
  })

  it('matches typical values of a few corpus patterns', () => {
    expect(matching('.*[0-9]{1,3}(\\.[0-9]{1,3}){3}.*', ['curl 10.1.2.3/x', 'curl host/x'])).toEqual(['curl 10.1.2.3/x'])
    expect(
      matching('C:\\\\Program Files( \\(x86\\))?\\\\Steam\\\\.*', [
        'C:\\Program Files (x86)\\Steam\\steam.exe',
        'C:\\Program Files\\Steam\\a',
        'C:\\Program Files (x64)\\Steam\\a',
      ]),
    ).toEqual(['C:\\Program Files (x86)\\Steam\\steam.exe', 'C:\\Program Files\\Steam\\a'])
    // `\w` in a rule: the letter w by default, a word character with predefinedClasses.
    expect(matching('/var/run/\\w+\\.(pid|lock|reboot)', ['/var/run/www.pid', '/var/run/x.pid'])).toEqual([
      '/var/run/www.pid',
    ])
    expect(
      matching('/var/run/\\w+\\.(pid|lock|reboot)', ['/var/run/www.pid', '/var/run/x1.pid'], { predefinedClasses: true }),
    ).toEqual(['/var/run/www.pid', '/var/run/x1.pid'])
  })
})

describe('Elasticsearch QA regexes (additional_test_queries.toml)', () => {
  const lines = ['net1  localgroup administrators', 'c:\\net1 localgroup x', 'net1 user', 'cmd /c NET1   LOCALGROUP']

  it('regexWOCharClasses', () => {
    expect(matching('.*?net1[ ]+localgroup.*?', lines)).toEqual(lines.slice(0, 2))
    expect(matching('.*?net1[ ]+localgroup.*?', lines, { caseInsensitive: true })).toEqual([
      lines[0],
      lines[1],
      lines[3],
    ])
  })

  it('regexWithCharacterClasses2', () => {
    expect(matching('.*?net1[ ]+[a-z]{4,15}[ ]+.*?', lines)).toEqual(lines.slice(0, 2))
  })
})
