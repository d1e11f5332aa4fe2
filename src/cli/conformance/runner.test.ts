import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runConformance } from './runner'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

describe('runConformance on our own fixture suites', () => {
  it('passes the passing suite: EQL and KQL cases, the suite now in both languages', async () => {
    const tally = await runConformance([here('./testdata/passing.toml')])
    expect(tally.failures).toEqual([])
    expect([tally.passed, tally.failed, tally.skipped]).toEqual([10, 0, 0])
    expect(tally.summary()).toBe('10 passed, 0 failed')
  })

  it('reports a suite whose now is not a date once, running none of its cases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-now-'))
    writeFileSync(join(dir, 'e.ndjson'), '{"id": "a"}\n')
    writeFileSync(join(dir, 's.toml'), '[suite]\nevents = "e.ndjson"\nnow = "yesterday"\n[[cases]]\nname = "n"\nlanguage = "kql"\nquery = "id:a"\nexpected_event_ids = ["a"]\n')
    const tally = await runConformance([join(dir, 's.toml')])
    expect([tally.passed, tally.failed]).toEqual([0, 1])
    expect(tally.failures[0]?.message).toBe('now: not a date: yesterday')
  })

  it('reports every failing case with expected vs actual and caret frames', async () => {
    const printed: string[] = []
    const tally = await runConformance([here('./testdata/failing.toml')], { onFailure: (t) => printed.push(t) })
    expect([tally.passed, tally.failed, tally.skipped]).toEqual([0, 4, 0])
    expect(printed[0]).toMatch(/^FAIL .*failing\.toml :: wrong order: expected \[t1, t2, t4\], got \[t1, t4, t2\]$/)
    expect(printed[1]).toMatch(/error expected but none: expected an error diagnostic, got \[t1, t3\]$/)
    expect(printed[2]).toMatch(/ids expected but the query is rejected: expected \[\], got an error\n {4}error EQL\d+ at 1:\d+/)
    expect(printed[2]).toContain('1 | process where process.name == ')
    expect(printed[3]).toMatch(/kql set differs: expected \[t1, t4\], got \[t1, t2, t4\]$/)
    expect(tally.summary().endsWith('0 passed, 4 failed')).toBe(true)
  })

  it('counts an unreadable path and a non-suite file as failures', async () => {
    const tally = await runConformance([here('./testdata/no-such-suite.toml'), here('./testdata/events.ndjson')])
    expect(tally.failed).toBe(2)
    expect(tally.failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/^cannot read/),
      'neither an Elasticsearch spec file ([[queries]]) nor a suite ([suite])',
    ])
  })

  it('walks directories: runs suites, notes unit specs, skips testdata folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-runner-'))
    mkdirSync(join(dir, 'unit'))
    mkdirSync(join(dir, 'testdata'))
    writeFileSync(join(dir, 'unit', 'x.series-spec'), 'spec\n')
    writeFileSync(join(dir, 'testdata', 'broken.toml'), 'not a suite')
    writeFileSync(join(dir, 'e.ndjson'), '{"id": "a", "@timestamp": "2025-01-01T00:00:00Z", "event": {"category": "process"}}\n')
    writeFileSync(join(dir, 's.toml'), '[suite]\nevents = "e.ndjson"\n[[cases]]\nname = "n"\nquery = "process where true"\nexpected_event_ids = ["a"]\n')
    const tally = await runConformance([dir])
    expect([tally.passed, tally.failed]).toEqual([1, 0])
    expect(tally.notes).toEqual([expect.stringMatching(/x\.series-spec: sequence-matcher specs: .*skipped here$/)])
  })

  it('notes when nothing was found', async () => {
    const tally = await runConformance([mkdtempSync(join(tmpdir(), 'rp-empty-'))])
    expect(tally.summary()).toBe('note: no suite files found\n0 passed, 0 failed')
  })
})
