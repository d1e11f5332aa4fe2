import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ExceptionItem } from '../engine/exceptions/types'
import { exportDocumentTestFile, exportKibanaNdjson, type EventLabel, type RuleDocument } from '../engine/rules'
import { encodeShareLink } from '../share/share-link'
import type { SharedDocument } from '../share/shared-document'
import { cliInProcess as cli } from './cli-in-process'

afterEach(() => vi.restoreAllMocks())

const dir = mkdtempSync(join(tmpdir(), 'rp-exceptions-'))
const file = (name: string, text: string): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

// Two osascript runs: one from the JAMF agent (excepted), one from a shell.
const EVENTS = [
  { '@timestamp': '2024-03-01T10:00:00Z', event: { category: 'process' }, process: { name: 'osascript', parent: { name: 'jamf' } }, host: { os: { type: 'macos' } } },
  { '@timestamp': '2024-03-01T10:00:01Z', event: { category: 'process' }, process: { name: 'osascript', parent: { name: 'bash' } }, host: { os: { type: 'macos' } } },
]
const JAMF: ExceptionItem[] = [{ name: 'JAMF', entries: [{ field: 'process.parent.name', operator: 'included', type: 'match', value: 'jamf' }], os_types: ['macos'] }]
// With the exception, only the shell's run is an alert.
const WITH_JAMF: EventLabel[] = [{ eventIndex: 0, expect: 'no-match' }, { eventIndex: 1, expect: 'match' }]

describe('test: a test file with exception items', { timeout: 60_000 }, () => {
  it.each([
    ['eql', { name: 'osascript', type: 'eql', language: 'eql', query: 'process where process.name == "osascript"', extra: {} }],
    ['kql', { name: 'osascript', type: 'query', language: 'kuery', query: 'process.name:osascript', extra: {} }],
  ] as const)('%s: passes as the rule with its exceptions, fails without them', async (_, rule: RuleDocument) => {
    const withItems = file(`with-${rule.language}.toml`, exportDocumentTestFile(rule, EVENTS, WITH_JAMF, { exceptions: JAMF }).text)
    const pass = await cli(['test', withItems])
    expect(pass.stdout).toContain('1 passed, 0 failed')
    expect(pass.code).toBe(0)

    const without = file(`without-${rule.language}.toml`, exportDocumentTestFile(rule, EVENTS, WITH_JAMF).text)
    const fail = await cli(['test', without])
    expect(fail.code).toBe(1)
    expect(fail.stdout).toMatch(/FAIL .* :: osascript: expected \[1\]( in any order)?, got \[0, 1\]/)
  })

  it('an exception item that cannot be read fails the suite rather than running without it', async () => {
    const rule: RuleDocument = { name: 'osascript', type: 'query', language: 'kuery', query: 'process.name:osascript', extra: {} }
    const text = exportDocumentTestFile(rule, EVENTS, WITH_JAMF, { exceptions: JAMF }).text.replace('type = "match"', 'type = "regex"')
    const r = await cli(['test', file('broken.toml', text)])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/\(suite\): osascript: exception item 1/)
  })
})

describe('test: a share link as the document', { timeout: 60_000 }, () => {
  const doc: SharedDocument = {
    language: 'kql',
    query: 'process.name:osascript',
    events: EVENTS.map((e) => JSON.stringify(e)).join('\n'),
    title: 'JAMF',
    expectations: [{ eventIndex: 0, expect: 'no-match', note: 'JAMF runs it' }, { eventIndex: 1, expect: 'match' }],
    exceptions: JAMF,
  }

  it('runs the expected outcomes of a link given as a URL, a fragment, or a file holding one', async () => {
    const link = await encodeShareLink(doc)
    for (const arg of [`https://rule-playground.example.org/${link}`, link, link.slice(1), file('link.txt', `https://x.example/${link}\n`)]) {
      const r = await cli(['test', arg])
      expect(r.stdout, arg.slice(0, 30)).toContain('2 passed, 0 failed')
      expect(r.code).toBe(0)
    }
  })

  it('names the marked event the rule gets wrong', async () => {
    const r = await cli(['test', await encodeShareLink({ ...doc, exceptions: [] })])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('FAIL')
    expect(r.stdout).toContain('JAMF: event 0 (JAMF runs it): expected no match, got a match')
    expect(r.stdout).toContain('1 passed, 1 failed')
  })

  it('a damaged link, or one without marks, fails with the reason', async () => {
    const link = await encodeShareLink(doc)
    const damaged = await cli(['test', `${link.slice(0, -6)}AAAAAA`])
    expect(damaged.code).toBe(1)
    expect(damaged.stdout).toMatch(/damaged|cut short/)
    const unmarked = await cli(['test', await encodeShareLink({ ...doc, expectations: [] })])
    expect(unmarked.code).toBe(1)
    expect(unmarked.stdout).toContain('marks no expected outcome')
  })
})

describe('run --exceptions', { timeout: 60_000 }, () => {
  const events = file('events.ndjson', EVENTS.map((e) => JSON.stringify(e)).join('\n'))
  const rule: RuleDocument = { name: 'osascript', type: 'query', language: 'kuery', query: 'process.name:osascript', extra: {} }

  it.each([
    ['a JSON array of items', () => file('items.json', JSON.stringify(JAMF))],
    ['a Kibana export NDJSON', () => file('export.ndjson', exportKibanaNdjson(rule, JAMF).text)],
  ])('applies %s on top of the query', async (_, path) => {
    const r = await cli(['run', '--language', 'kql', '--query', 'process.name:osascript', '--events', events, '--exceptions', path(), '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { results: { index: number }[]; excepted: { index: number; item: number }[] }
    expect(out.results.map((l) => l.index)).toEqual([1])
    expect(out.excepted).toEqual([{ index: 0, item: 0 }])
  })

  it('refuses a file whose items cannot be read', async () => {
    const r = await cli(['run', '--query', 'process where true', '--events', events, '--exceptions', file('bad.json', '[{"entries": [{"field": "a"}]}]')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('exception items that cannot be read')
  })
})

describe('dsl --exceptions', { timeout: 60_000 }, () => {
  it('wraps the query DSL with the items\' negated clause', async () => {
    const items = file('dsl-items.json', JSON.stringify(JAMF))
    const plain = await cli(['dsl', 'process.name:osascript', '--json'])
    const r = await cli(['dsl', 'process.name:osascript', '--exceptions', items, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { bool: { filter: unknown[] } }
    expect(out.bool.filter[0]).toEqual(JSON.parse(plain.stdout))
    expect(JSON.stringify(out.bool.filter[1])).toMatch(/^\{"bool":\{"must_not":\[\{"bool":\{"should":\[.*"process.parent.name":"jamf"/)
  })
})

