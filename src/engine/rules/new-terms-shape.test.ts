import { describe, expect, it } from 'vitest'
import { exportDetectionRulesToml, exportKibanaRuleJson } from './export-rule'
import { importKibanaRuleJson } from './import-kibana'
import { importDetectionRulesToml } from './import-toml'

/** New-terms parameters: one shape inside, each format's own spelling outside. */
const API = { name: 'First logon', type: 'new_terms', language: 'kuery', query: 'event.category:authentication', new_terms_fields: ['user.name', 'host.name'], history_window_start: 'now-7d' }

describe('new_terms parameters across formats', () => {
  it("reads the API's top-level fields and writes them back the API's way", () => {
    const rule = importKibanaRuleJson(JSON.stringify(API)).rules[0]
    expect(rule?.newTerms).toEqual({ field: 'new_terms_fields', value: ['user.name', 'host.name'], history_window_start: [{ field: 'history_window_start', value: 'now-7d' }] })
    expect(rule?.extra['new_terms_fields']).toBeUndefined()
    const out = JSON.parse(exportKibanaRuleJson(rule!)) as Record<string, unknown>
    expect(out['new_terms_fields']).toEqual(['user.name', 'host.name'])
    expect(out['history_window_start']).toBe('now-7d')
    expect(out['new_terms']).toBeUndefined()
  })

  it('writes the same parameters as the detection-rules table in TOML, and reads that back', () => {
    const rule = importKibanaRuleJson(JSON.stringify(API)).rules[0]!
    const toml = exportDetectionRulesToml(rule)
    expect(toml).toContain('[rule.new_terms]')
    expect(toml).not.toContain('new_terms_fields = [')
    const again = importDetectionRulesToml(toml).rules[0]
    expect(again?.newTerms).toEqual(rule.newTerms)
    expect(JSON.parse(exportKibanaRuleJson(again!))).toMatchObject({ new_terms_fields: API.new_terms_fields, history_window_start: 'now-7d' })
  })
})
