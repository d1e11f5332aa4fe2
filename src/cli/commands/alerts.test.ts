import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileEql, compileKql, eqlSettings, runEql, runKql, buildSchema, exportDetectionRulesToml, exportKibanaNdjson } from '../../engine'
import { EXAMPLES } from '../../examples'
import type { RunResult } from '../../engine/result'
import type { Example } from '../../examples/example'
import { LAUNCH_DAEMON_DEPRECATED } from '../../examples/launch-daemon-deprecated'
import { LOGIN_HOOK_CURRENT } from '../../examples/login-hook-current'
import { exampleRule } from '../../examples/to-document'
import { cliInProcess as cli } from '../cli-in-process'

const dir = mkdtempSync(join(tmpdir(), 'rp-alerts-'))

/** The example's rule as a detection-rules TOML file and its events as NDJSON. */
function files(example: Example, over: Record<string, unknown> = {}): { rule: string; events: string } {
  const rule = join(dir, `${example.id}.toml`)
  const events = join(dir, `${example.id}.ndjson`)
  writeFileSync(rule, exportDetectionRulesToml({ ...exampleRule(example), ...over }))
  writeFileSync(events, example.events.map((e) => JSON.stringify(e.event)).join('\n') + '\n')
  return { rule, events }
}


/** What a plain run of the example's query over all its events matches: event index lists. */
function plainMatches(example: Example): string[] {
  const events = example.events.map((e) => e.event)
  const { schema } = buildSchema({ ecs: true, events })
  const result: RunResult | null =
    example.language === 'eql'
      ? runEql(compileEql(example.query, { schema, settings: eqlSettings() }).program, events).result
      : runKql(compileKql(example.query, { schema }).program, events).result
  if (result === null) return []
  if (result.kind === 'events') return result.events.map((e) => String(e.index))
  return (result.kind === 'sequences' ? result.sequences : result.samples).map((s) => s.events.flatMap((e) => ('index' in e ? [e.index] : [])).join(','))
}

interface JsonOut {
  rule: { name: string; simulatedType: string | null }
  schedule: { interval: string; from: string; maxSignals: number }
  executions: { index: number; runAt: string; window: { from: string; to: string }; eventsInWindow: number; alerts: number; duplicates: number; dropped: number; atCap: boolean; alertIds: string[] }[]
  alerts: { id: string; execution: number; eventIndexes: number[]; document: Record<string, unknown>; buildingBlocks: Record<string, unknown>[] }[]
  totals: { alerts: number; documents: number; duplicates: number; dropped: number }
  diagnostics: unknown[]
}

describe('alerts', { timeout: 60_000 }, () => {
  it('raises one alert per event the Login/Logout Hook rule matches, each once', async () => {
    const f = files(LOGIN_HOOK_CURRENT)
    const r = await cli(['alerts', '--rule', f.rule, '--events', f.events, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as JsonOut
    const expected = plainMatches(LOGIN_HOOK_CURRENT)
    expect(expected.length).toBeGreaterThan(0)
    expect(out.alerts.map((a) => a.eventIndexes.join(',')).sort()).toEqual([...expected].sort())
    expect(out.totals.alerts).toBe(expected.length)
    expect(out.rule.simulatedType).toBe('eql')
    for (const a of out.alerts) {
      expect(a.document['kibana.alert.rule.name']).toBe(LOGIN_HOOK_CURRENT.rule.name)
      expect(a.document['kibana.alert.severity']).toBe(LOGIN_HOOK_CURRENT.rule.severity)
      expect(out.executions[a.execution]?.alertIds).toContain(a.id)
    }
  })

  it('writes each LaunchDaemon sequence as building blocks and a shell alert', async () => {
    const f = files(LAUNCH_DAEMON_DEPRECATED)
    const r = await cli(['alerts', '--rule', f.rule, '--events', f.events, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as JsonOut
    const expected = plainMatches(LAUNCH_DAEMON_DEPRECATED)
    expect(out.alerts.map((a) => a.eventIndexes.join(',')).sort()).toEqual([...expected].sort())
    for (const a of out.alerts) {
      expect(a.buildingBlocks).toHaveLength(a.eventIndexes.length)
      expect(a.buildingBlocks.every((b) => b['kibana.alert.group.id'] === a.id)).toBe(true)
    }
    expect(out.totals.documents).toBe(out.alerts.reduce((n, a) => n + a.eventIndexes.length + 1, 0))
  })

  it('every seed example alerts exactly on what its query matches (9-minute look-back over 5-minute runs)', async () => {
    for (const example of EXAMPLES) {
      const f = files(example)
      const out = JSON.parse((await cli(['alerts', '--rule', f.rule, '--events', f.events, '--json'])).stdout) as JsonOut
      expect(out.alerts.map((a) => a.eventIndexes.join(',')).sort(), example.id).toEqual(plainMatches(example).sort())
    }
  })

  it('--json has executions, alerts, totals and diagnostics', async () => {
    const f = files(LOGIN_HOOK_CURRENT)
    const out = JSON.parse((await cli(['alerts', '--rule', f.rule, '--events', f.events, '--json'])).stdout) as JsonOut
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['rule', 'schedule', 'executions', 'alerts', 'totals', 'diagnostics']))
    expect(out.schedule).toMatchObject({ interval: LOGIN_HOOK_CURRENT.rule.interval, from: LOGIN_HOOK_CURRENT.rule.from })
    const x = out.executions[0]
    expect(x && Date.parse(x.window.to) - Date.parse(x.window.from)).toBe(9 * 60_000)
    expect(out.executions.reduce((n, e) => n + e.alerts, 0)).toBe(out.totals.alerts)
    expect(out.executions.reduce((n, e) => n + e.duplicates, 0)).toBe(out.totals.duplicates)
  })

  it('prints the tables and the totals, and shows the cap', async () => {
    const f = files(LOGIN_HOOK_CURRENT, { maxSignals: 2 })
    const r = await cli(['alerts', '--rule', f.rule, '--events', f.events, '--anchor', '2024-06-04T13:03:00Z'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('max_signals 2')
    expect(r.stdout).toMatch(/#\s+run at\s+window\s+events\s+alerts\s+duplicates\s+dropped/)
    expect(r.stdout).toContain('at cap')
    expect(r.stdout).toMatch(/created medium alert Persistence via Login or Logout Hook\./)
    // runs are anchor + k × 5m
    expect(r.stdout).toContain('2024-06-04T13:08:00Z')
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ alerts? \(\d+ documents?\) over \d+ executions?; \d+ duplicates?, [1-9]\d* dropped/)
  })

  it('applies the exception items a Kibana export carries, and those of --exceptions', async () => {
    const f = files(LOGIN_HOOK_CURRENT)
    const plain = JSON.parse((await cli(['alerts', '--rule', f.rule, '--events', f.events, '--json'])).stdout) as JsonOut
    const host = plain.alerts.map((a) => (a.document['host'] as { name: string }).name)[0] ?? ''
    const kept = plain.alerts.filter((a) => (a.document['host'] as { name: string }).name !== host).length
    expect(kept).toBeLessThan(plain.alerts.length)
    const item = { name: 'known host', entries: [{ field: 'host.name', operator: 'included' as const, type: 'match' as const, value: host }] }
    const ndjson = join(dir, 'export.ndjson')
    writeFileSync(ndjson, exportKibanaNdjson(exampleRule(LOGIN_HOOK_CURRENT), [item]).text)
    const viaExport = JSON.parse((await cli(['alerts', '--rule', ndjson, '--events', f.events, '--json'])).stdout) as JsonOut & { totals: { excepted: number } }
    expect(viaExport.alerts).toHaveLength(kept)
    expect(viaExport.totals.excepted).toBeGreaterThan(0)
    const items = join(dir, 'items.json')
    writeFileSync(items, JSON.stringify([item]))
    const viaFlag = JSON.parse((await cli(['alerts', '--rule', f.rule, '--events', f.events, '--exceptions', items, '--json'])).stdout) as JsonOut
    expect(viaFlag.alerts).toHaveLength(kept)
  })

  it('exits 2 for a missing rule, a rule it does not simulate, a missing file or a bad --anchor', async () => {
    const f = files(LOGIN_HOOK_CURRENT)
    expect((await cli(['alerts', '--events', f.events])).code).toBe(2)
    const lucene = join(dir, 'lucene.toml')
    writeFileSync(lucene, '[rule]\nname = "x"\ntype = "query"\nlanguage = "lucene"\nquery = "a:b"\n')
    const notSimulated = await cli(['alerts', '--rule', lucene, '--events', f.events])
    expect(notSimulated.code).toBe(2)
    expect(notSimulated.stderr).toContain('not simulated')
    expect((await cli(['alerts', '--rule', join(dir, 'missing.toml'), '--events', f.events])).code).toBe(2)
    const anchor = await cli(['alerts', '--rule', f.rule, '--events', f.events, '--anchor', 'yesterday'])
    expect(anchor.code).toBe(2)
    expect(anchor.stderr).toContain('--anchor')
  })
})
