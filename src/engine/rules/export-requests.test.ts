import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { runConformance } from '../../cli/conformance/runner'
import { buildSchema } from '../schema/build-schema'
import { exportEqlSearchRequest, exportKqlSearchRequest, exportTestFile, importRule, type RuleDocument } from './index'

// Seed pages are read at test time from ../shared; absent, the tests that need them skip.
const SEEDS = resolve(__dirname, '../../../../shared/seeds')
const HAS_SEEDS = existsSync(SEEDS)
const seedRule = (prefix: string): RuleDocument => {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix)) ?? ''
  const rule = importRule(readFileSync(join(SEEDS, file), 'utf8')).rules[0]
  if (rule === undefined) throw new Error(`seed ${prefix} did not import`)
  return rule
}

describe('search requests', () => {
  it.skipIf(!HAS_SEEDS)('builds the _eql/search body of the LaunchDaemon sequence seed', () => {
    const rule = seedRule('002')
    const body = exportEqlSearchRequest(rule, { tiebreakerField: 'event.sequence' })
    expect(body).toEqual({
      query: rule.query,
      size: 100,
      event_category_field: 'event.category',
      timestamp_field: '@timestamp',
      tiebreaker_field: 'event.sequence',
      filter: { bool: { filter: [{ range: { '@timestamp': { gte: 'now-9m', lte: 'now', format: 'strict_date_optional_time' } } }], must_not: [] } },
    })
  })

  it('lets the rule override the EQL fields and window', () => {
    const rule: RuleDocument = { name: 'r', type: 'eql', language: 'eql', query: 'any where true', eventCategoryOverride: 'event.type',
      timestampOverride: 'event.ingested', maxSignals: 5, extra: {} }
    const body = exportEqlSearchRequest(rule, { size: 3, resultPosition: 'head' })
    expect(body).toMatchObject({ size: 3, event_category_field: 'event.type', result_position: 'head' })
    expect(JSON.stringify(body['filter'])).toContain('"event.ingested":{"gte":"now-6m"')
  })

  it.skipIf(!HAS_SEEDS)('builds the _search body of the Periodic Tasks KQL seed with ECS types', () => {
    const rule = seedRule('003')
    const { schema } = buildSchema({ ecs: true })
    const { body, diagnostics } = exportKqlSearchRequest(rule, schema)
    expect(diagnostics).toEqual([])
    const text = JSON.stringify(body)
    expect(body?.['size']).toBe(100)
    // event.category and file.path are keyword in ECS, so exact terms and a wildcard
    expect(text).toContain('{"term":{"event.category":{"value":"file"}}}')
    expect(text).toContain('{"wildcard":{"file.path":')
    expect(text).toContain('{"term":{"file.path":{"value":"/private/etc/periodic.conf"}}}')
    expect(text).toContain('{"range":{"@timestamp":{"gte":"now-9m","lte":"now","format":"strict_date_optional_time"}}}')
  })

  it('adds enabled Kibana filters, negated ones under must_not', () => {
    const rule: RuleDocument = { name: 'r', type: 'query', language: 'kuery', query: 'host.name:a', extra: {}, filters: [
      { meta: { negate: true, disabled: false }, exists: { field: 'user_agent.original' } },
      { meta: { disabled: true }, query: { term: { a: 'b' } } },
      { meta: {}, query: { term: { c: 'd' } } },
    ] }
    const { body } = exportKqlSearchRequest(rule, null)
    const bool = (body?.['query'] as { bool: Record<string, unknown> }).bool
    expect(bool['must_not']).toEqual([{ exists: { field: 'user_agent.original' } }])
    expect(JSON.stringify(bool['filter'])).toContain('{"term":{"c":"d"}}')
    expect(JSON.stringify(bool['filter'])).not.toContain('"a":"b"')
  })

  it('gives a diagnostic, not a body, for a broken KQL query or another language', () => {
    const broken: RuleDocument = { name: 'r', type: 'query', language: 'kuery', query: 'a:(b', extra: {} }
    expect(exportKqlSearchRequest(broken, null).body).toBeNull()
    expect(exportKqlSearchRequest(broken, null).diagnostics.length).toBeGreaterThan(0)
    expect(exportKqlSearchRequest({ ...broken, language: 'eql' }, null).diagnostics[0]?.code).toBe('RULE3001')
  })
})

describe('test file export', () => {
  it.skipIf(!HAS_SEEDS)('writes a suite the CLI runner passes', async () => {
    const rule = seedRule('004')
    const events = [
      { id: 'tp', event: { category: 'file', type: 'creation' }, host: { os: { type: 'macos' } }, file: { path: '/Library/DirectoryServices/PlugIns/x.dsplug' } },
      { id: 'del', event: { category: 'file', type: 'deletion' }, host: { os: { type: 'macos' } }, file: { path: '/Library/DirectoryServices/PlugIns/x.dsplug' } },
    ]
    const out = exportTestFile(rule, events, { expectedEventIds: ['tp'], eventsFile: 'plugin.ndjson' })
    const suite = parse(out.toml) as { suite: Record<string, unknown>; cases: Array<Record<string, unknown>> }
    expect(suite.suite['events']).toBe('plugin.ndjson')
    expect(suite.cases[0]).toMatchObject({ language: 'kql', query: rule.query, expected_event_ids: ['tp'] })
    expect(out.eventsNdjson.trim().split('\n')).toHaveLength(2)

    const dir = mkdtempSync(join(tmpdir(), 'rule-export-'))
    writeFileSync(join(dir, 'suite.toml'), out.toml)
    writeFileSync(join(dir, out.eventsFile), out.eventsNdjson)
    const tally = await runConformance([dir])
    expect(tally.failures).toEqual([])
    expect([tally.passed, tally.failed]).toEqual([1, 0])

    // The same suite with a wrong expectation fails, so the check above can fail.
    writeFileSync(join(dir, 'suite.toml'), exportTestFile(rule, events, { expectedEventIds: ['del'], eventsFile: 'plugin.ndjson' }).toml)
    expect((await runConformance([dir])).failed).toBe(1)
  })

  it('writes expect_error for a rule the playground cannot run', () => {
    const rule: RuleDocument = { name: 'ml', type: 'machine_learning', language: null, query: 'x', extra: {} }
    const suite = parse(exportTestFile(rule, [], { expectedEventIds: [] }).toml) as { cases: Array<Record<string, unknown>> }
    expect(suite.cases[0]?.['expect_error']).toBe(true)
  })
})
