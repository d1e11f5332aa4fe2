import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  exportDetectionRulesToml,
  exportDocumentTestFile,
  exportEqlSearchRequest,
  exportKibanaRuleJson,
  exportKqlSearchRequest,
  exportTestFile,
  importRule,
  type RuleDocument,
} from './index'

// Seed pages are read at test time from ../shared (never shipped); absent, skip.
const SEEDS = resolve(__dirname, '../../../../shared/seeds')
const seedFiles = existsSync(SEEDS) ? readdirSync(SEEDS).sort() : []

/** What a rule is, without the detection-rules [metadata] table that only TOML carries. */
function comparable(rule: RuleDocument | undefined): unknown {
  const extra = { ...rule?.extra }
  delete extra['metadata']
  return JSON.parse(JSON.stringify({ ...rule, extra })) as unknown
}

/** The fields a search request or a test file carries. */
const queryPart = (r: RuleDocument | undefined) => ({
  language: r?.language, query: r?.query, eventCategoryOverride: r?.eventCategoryOverride, timestampField: r?.timestampField, tiebreakerField: r?.tiebreakerField,
})

describe.skipIf(seedFiles.length === 0)('each export of each seed rule imports back to the same rule', () => {
  for (const file of seedFiles) {
    const rule = importRule(readFileSync(join(SEEDS, file), 'utf8')).rules[0] as RuleDocument
    it(`${file}: ${rule.name} (${String(rule.language)})`, () => {
      const toml = importRule(exportDetectionRulesToml(rule))
      expect(toml.format).toBe('detection-rules-toml')
      expect(comparable(toml.rules[0])).toEqual(comparable(rule))

      const json = importRule(exportKibanaRuleJson(rule))
      expect(json.format).toBe('kibana-json')
      expect(comparable(json.rules[0])).toEqual(comparable(rule))
      // one line of an _import NDJSON, next to another rule
      const ndjson = `${JSON.stringify(JSON.parse(exportKibanaRuleJson(rule)))}\n${JSON.stringify({ name: 'other', type: 'query', language: 'kuery', query: 'a:b' })}\n`
      expect(comparable(importRule(ndjson).rules[0])).toEqual(comparable(rule))

      const test = importRule(exportTestFile(rule, [], { expectedEventIds: [], inlineEvents: true }).toml)
      expect(test.format).toBe('test-file')
      expect(test.rules[0]?.name).toBe(rule.name)
      expect(queryPart(test.rules[0])).toEqual(queryPart(rule))

      if (rule.language === 'eql') {
        const body = JSON.stringify(exportEqlSearchRequest(rule), null, 2)
        for (const text of [`POST logs-*/_eql/search\n${body}`, body]) {
          const back = importRule(text)
          expect(back.format).toBe('search-request')
          expect(queryPart(back.rules[0])).toEqual(queryPart(rule))
        }
      } else {
        // The DSL does not say how the KQL was written: refused, with a reason.
        const { body } = exportKqlSearchRequest(rule, null)
        const back = importRule(`POST logs-*/_search\n${JSON.stringify(body)}`)
        expect([back.format, back.rules, back.diagnostics.map((d) => d.code)]).toEqual(['search-request', [], ['RULE1010']])
      }
    })
  }
})

describe('exported requests and test files keep the EQL overrides', () => {
  const rule: RuleDocument = { name: 'Overrides', type: 'eql', language: 'eql', query: 'sequence by host.id [process where true] [file where true]',
    eventCategoryOverride: 'event.type', timestampField: 'event.created', tiebreakerField: 'event.sequence', extra: {} }

  it('through the _eql/search body', () => {
    const back = importRule(`POST x/_eql/search\n${JSON.stringify(exportEqlSearchRequest(rule))}`).rules[0]
    expect(queryPart(back)).toEqual(queryPart(rule))
    expect(back?.maxSignals).toBe(100)
  })

  it('through a test file with inline events', () => {
    const file = exportDocumentTestFile(rule, [{ a: 1 }], [{ eventIndex: 0, expect: 'no-match' }])
    const back = importRule(file.text)
    expect(back.format).toBe('test-file')
    expect({ name: back.rules[0]?.name, ...queryPart(back.rules[0]) }).toEqual({ name: rule.name, ...queryPart(rule) })
  })

  it('reports a test file without cases and a request body that is not JSON', () => {
    expect(importRule('[suite]\nevents = "e"\n[[cases]]\nname = "x"').diagnostics.map((d) => d.code)).toEqual(['RULE2001'])
    expect(importRule('POST x/_eql/search\n{not json').diagnostics.map((d) => d.code)).toEqual(['RULE1009'])
  })
})
