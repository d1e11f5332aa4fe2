import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { runConformance } from '../../cli/conformance/runner'
import { exportDocumentTestFile, exportTestFile, importBareQuery, type RuleDocument } from './index'

const eqlRule: RuleDocument = { name: 'Login hook', type: 'eql', language: 'eql', query: 'process where process.name == "defaults"', extra: {} }
const ts = (s: number): string => `2025-01-01T00:00:${String(s).padStart(2, '0')}Z`
const proc = (name: string, s: number): Record<string, unknown> => ({ '@timestamp': ts(s), event: { category: 'process' }, process: { name } })

/** Writes `text` as a suite in a fresh directory and runs it as `npm run cli -- test` would. */
async function runSuite(text: string): Promise<{ passed: number; failed: number; messages: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'doc-test-'))
  const file = join(dir, 'rule.test.toml')
  writeFileSync(file, text)
  const tally = await runConformance([file])
  return { passed: tally.passed, failed: tally.failed, messages: tally.failures.map((f) => f.message) }
}

describe('a document as one test file', () => {
  it('names events without ids by position, inline, and the CLI passes it', async () => {
    const events = [proc('defaults', 1), proc('bash', 2), proc('defaults', 3)]
    const out = exportDocumentTestFile(eqlRule, events, [{ eventIndex: 0, expect: 'match' }, { eventIndex: 1, expect: 'no-match' }, { eventIndex: 2, expect: 'match' }])
    expect(out.diagnostics).toEqual([])
    expect(out.idField).toBe('#')
    expect(out.expectedEventIds).toEqual(['0', '2'])
    expect(out.text).toContain("events_ndjson = '''\n{")
    const suite = parse(out.text) as { suite: Record<string, unknown>; cases: Array<Record<string, unknown>> }
    expect(suite.suite['events']).toBeUndefined()
    expect(suite.suite['id_field']).toBe('#')
    expect(String(suite.suite['events_ndjson']).trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(events)
    expect(suite.cases[0]).toMatchObject({ language: 'eql', compare: 'set', expected_event_ids: ['0', '2'] })
    expect(await runSuite(out.text)).toMatchObject({ passed: 1, failed: 0 })

    // A wrong expectation fails, so the pass above means something.
    const wrong = exportDocumentTestFile(eqlRule, events, [{ eventIndex: 1, expect: 'match' }])
    const run = await runSuite(wrong.text)
    expect(run).toMatchObject({ passed: 0, failed: 1 })
    expect(run.messages[0]).toContain('expected [1] in any order, got [0, 2]')
  })

  it('keeps the events own ids when each has a unique one, and runs KQL', async () => {
    const kql = importBareQuery('process.name:defaults').rules[0] as RuleDocument
    const events = [{ id: 'tp', ...proc('defaults', 1) }, { id: 'fp', ...proc('Defaults', 2) }]
    const out = exportDocumentTestFile(kql, events, [{ eventIndex: 0, expect: 'match' }])
    expect([out.idField, out.expectedEventIds]).toEqual(['id', ['tp']])
    expect(out.text).not.toContain('compare')
    expect(await runSuite(out.text)).toMatchObject({ passed: 1, failed: 0 })
    // duplicate ids fall back to positions
    expect(exportDocumentTestFile(kql, [events[0], events[0]], []).idField).toBe('#')
  })

  it('warns about labels naming missing events and about no labels at all', () => {
    const out = exportDocumentTestFile(eqlRule, [proc('a', 1)], [{ eventIndex: 4, expect: 'match' }])
    expect(out.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RULE3002', 'warning']])
    expect(out.expectedEventIds).toEqual([])
    expect(exportDocumentTestFile(eqlRule, [proc('a', 1)], []).diagnostics.map((d) => d.code)).toEqual(['RULE3003'])
  })

  it('falls back to an escaped string when the events cannot sit in a literal block', async () => {
    const events = [{ id: 'q', ...proc("it'''s", 1) }]
    const rule = { ...eqlRule, query: 'process where process.name : "it*"' }
    const out = exportDocumentTestFile(rule, events, [{ eventIndex: 0, expect: 'match' }])
    expect(out.text).not.toContain("events_ndjson = '''")
    const suite = parse(out.text) as { suite: Record<string, unknown> }
    expect(JSON.parse(String(suite.suite['events_ndjson']))).toEqual(events[0])
    expect(await runSuite(out.text)).toMatchObject({ passed: 1, failed: 0 })
  })

  it('still writes the two-file form by default', () => {
    const out = exportTestFile(eqlRule, [proc('a', 1)], { expectedEventIds: [] })
    expect(out.eventsFile).toBe('events.ndjson')
    expect((parse(out.toml) as { suite: Record<string, unknown> }).suite['events']).toBe('events.ndjson')
    expect(out.toml).not.toContain('events_ndjson')
  })
})
