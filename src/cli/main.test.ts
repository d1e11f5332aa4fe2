import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { exportDocumentTestFile, type EventLabel, type RuleDocument } from '../engine/rules'
import { EXAMPLES, type Example } from '../examples'
import { main } from './main'

const root = fileURLToPath(new URL('../../', import.meta.url))
const data = 'src/cli/conformance/testdata/'

/** Runs the CLI as a user would (tsx on main.ts) and returns exit code and output. */
function cli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', input, timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('rule-playground CLI', { timeout: 120_000 }, () => {
  it('--help prints usage and exits 0', () => {
    const r = cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^rule-playground — /)
    expect(r.stdout).toContain('Exit codes')
  })

  it('bad usage exits 2 with a message on stderr', () => {
    const r = cli(['run', '--query', 'process where true'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('run needs --events')
    expect(cli(['frobnicate']).code).toBe(2)
  })

  it('unreadable input exits 2', () => {
    const r = cli(['run', '--query', 'any where true', '--events', `${data}missing.ndjson`])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--events '.*missing\.ndjson': no such file/)
    const bad = cli(['run', '--query', 'any where true', '--events', '-'], '{"a": 1}\n{"a": \n')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('-:2:')
  })

  it('run prints one NDJSON line per match, events read from stdin', () => {
    const events = '{"id": 1, "@timestamp": "2025-01-01T00:00:00Z", "event": {"category": "process"}}\n{"id": 2, "@timestamp": "2025-01-01T00:00:01Z", "event": {"category": "file"}}\n'
    const r = cli(['run', '--query', 'process where true', '--events', '-'], events)
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)
    expect(lines).toEqual([{ index: 0, event: { id: 1, '@timestamp': '2025-01-01T00:00:00Z', event: { category: 'process' } } }])
    const none = cli(['run', '--query', 'registry where true', '--events', `${data}events.ndjson`, '--expect-match'])
    expect(none.code).toBe(1)
    expect(none.stdout).toBe('')
  })

  it('run prints sequences with their join keys', () => {
    const q = 'sequence by process.entity_id [process where true] [network where true]'
    const r = cli(['run', '--query', q, '--events', `${data}events.ndjson`, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { kind: string; results: { join_keys: unknown[]; events: { index: number }[] }[] }
    expect(out.kind).toBe('sequences')
    expect(out.results.map((s) => [s.join_keys, s.events.map((e) => e.index)])).toEqual([[['p1'], [0, 1]]])
  })

  it('test runs suites: exit 0 when all pass, 1 when a case fails', () => {
    const ok = cli(['test', `${data}passing.toml`])
    expect(ok.code).toBe(0)
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('10 passed, 0 failed')
    const bad = cli(['test', `${data}failing.toml`])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain(':: wrong order: expected [t1, t2, t4], got [t1, t4, t2]')
    expect(bad.stdout.trim().split('\n').at(-1)).toBe('0 passed, 4 failed')
  })

  it('check: a rule TOML with a non-ECS field passes, a rules .jsonl with a broken query fails with a caret frame', () => {
    const rule = cli(['check', `${data}rule.toml`])
    expect(rule.stdout.trim().split('\n').at(-1)).toBe('1 ok, 0 failed')
    expect(rule.code).toBe(0)
    const strict = cli(['check', '--strict-fields', `${data}rule.toml`])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('lab.custom_field')
    const rules = cli(['check', `${data}rules.jsonl`])
    expect(rules.code).toBe(1)
    expect(rules.stdout).toMatch(/rules\.jsonl:3 broken eql\nerror EQL\d+ at 1:30/)
    expect(rules.stdout).toMatch(/rules\.jsonl:6 broken kql\nerror KQL\d+ at 1:24/)
    expect(rules.stdout.trim().split('\n').at(-1)).toBe('2 ok, 2 failed, 1 skipped')
  })

  it('run --language kql prints the matching events', () => {
    const r = cli(['run', '--language', 'kql', '--query', 'host.name:lab-1 and not event.category:network', '--events', `${data}events.ndjson`])
    expect(r.code).toBe(0)
    const ids = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { event: { id: string } }).event.id)
    expect(ids.sort()).toEqual(['t1', 't4'])
    const eqlOnly = cli(['run', '--language', 'kql', '--query', 'a:b', '--size', '1', '--events', `${data}events.ndjson`])
    expect(eqlOnly.code).toBe(2)
    expect(eqlOnly.stderr).toContain('--size applies to EQL only')
  })

  it('check --language kql: a syntax error is a failure with a caret frame', () => {
    const r = cli(['check', '--language', 'kql', '--query', 'process.name:(a or'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/error KQL\d+ at 1:19/)
    expect(cli(['check', '--language', 'kql', '--query', 'process.name:a']).stdout.trim()).toBe('1 ok, 0 failed')
  })

  it('dsl prints the detection engine query: typed with ECS, untyped with --no-schema', () => {
    const typed = cli(['dsl', '--json', 'process.name:cmd*'])
    expect(typed.code).toBe(0)
    const clause = { wildcard: { 'process.name': { value: 'cmd*' } } }
    expect(JSON.parse(typed.stdout)).toEqual({
      bool: { must: [], filter: [{ bool: { should: [clause], minimum_should_match: 1 } }], should: [], must_not: [] },
    })
    const untyped = cli(['dsl', '--language', 'kql', '--no-schema', '--query', 'process.name:cmd*'])
    expect(untyped.stdout).toContain('"query_string"')
    expect(untyped.stdout.split('\n').length).toBeGreaterThan(5)
    const bad = cli(['dsl', 'a:(b'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/KQL\d+ at 1:5/)
    expect(cli(['dsl', '--language', 'eql', 'a:b']).code).toBe(2)
  })

  it('dsl --mappings: a field mapped nested takes a nested query, a keyword field a term', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-dsl-'))
    const mappings = join(dir, 'm.json')
    writeFileSync(mappings, JSON.stringify({ properties: { lab: { type: 'nested', properties: { tag: { type: 'keyword' } } } } }))
    const r = cli(['dsl', '--json', '--mappings', mappings, 'lab:{ tag:x }'])
    expect(r.code).toBe(0)
    const term = { bool: { should: [{ term: { 'lab.tag': { value: 'x' } } }], minimum_should_match: 1 } }
    expect(JSON.parse(r.stdout)).toEqual({
      bool: { must: [], filter: [{ nested: { path: 'lab', query: term, score_mode: 'none' } }], should: [], must_not: [] },
    })
  })

  it('check --query with a bad query exits 1', () => {
    const r = cli(['check', '--query', 'process where (', '--json'])
    expect(r.code).toBe(1)
    const line = JSON.parse(r.stdout.trim()) as { status: string; diagnostics: { code: string }[] }
    expect(line.status).toBe('error')
    expect(line.diagnostics.length).toBeGreaterThan(0)
  })
})

/** Runs the CLI in this process (main() as bin/rule-playground.mjs calls it), capturing stdout. */
async function cliInProcess(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  })
  try {
    return { code: await main(args), stdout }
  } finally {
    spy.mockRestore()
  }
}

/** An example's document as the playground's "Test file" export writes it (rule, events, labels). */
function exampleTestFile(ex: Example, labels: readonly EventLabel[]): string {
  const rule: RuleDocument = { name: ex.rule.name, type: ex.language === 'eql' ? 'eql' : 'query', language: ex.language === 'eql' ? 'eql' : 'kuery', query: ex.query, extra: {} }
  return exportDocumentTestFile(rule, ex.events.map((e) => e.event), labels).text
}

describe('a test file exported from the playground', { timeout: 60_000 }, () => {
  const labelsOf = (ex: Example): EventLabel[] => ex.events.map((e, eventIndex) => ({ eventIndex, expect: e.expect }))

  it.each(EXAMPLES.map((ex) => [ex.id, ex] as const))('%s: one file, and `test` passes it', async (_id, ex) => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-export-'))
    const file = join(dir, `${ex.id}.test.toml`)
    writeFileSync(file, exampleTestFile(ex, labelsOf(ex)))
    const r = await cliInProcess(['test', file])
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed')
    expect(r.code).toBe(0)
  })

  it('fails when an expectation is broken', async () => {
    const ex = EXAMPLES.find((e) => e.events.some((l) => l.expect === 'match'))
    if (ex === undefined) throw new Error('no example with a matching event')
    const flipped = labelsOf(ex).map((l, i) => (i === ex.events.findIndex((e) => e.expect === 'match') ? { ...l, expect: 'no-match' as const } : l))
    const dir = mkdtempSync(join(tmpdir(), 'rp-export-'))
    const file = join(dir, 'broken.test.toml')
    writeFileSync(file, exampleTestFile(ex, flipped))
    const r = await cliInProcess(['test', file])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('in any order, got')
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed')
  })
})
