import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileLuceneRegex } from './index'
import { matching, regexLiterals } from './test-support'

// Every regex of the shared rule corpus (EQL `regex`/`regex~` string literals) must compile.
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
        expect(r.ok ? (r.warning ?? 'ok') : r.message).toBe('ok')
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
    // `\w` in a rule: a word character (Lucene 9+, the default), the letter w with classes off.
    expect(matching('/var/run/\\w+\\.(pid|lock|reboot)', ['/var/run/www.pid', '/var/run/x1.pid'])).toEqual([
      '/var/run/www.pid',
      '/var/run/x1.pid',
    ])
    expect(
      matching('/var/run/\\w+\\.(pid|lock|reboot)', ['/var/run/www.pid', '/var/run/x.pid'], { predefinedClasses: false }),
    ).toEqual(['/var/run/www.pid'])
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
