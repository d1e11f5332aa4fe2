import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importRule, importRuleMarkdown } from './index'

// Seed pages are read at test time from ../shared (not shipped in the tests); absent, skip.
const SEEDS = resolve(__dirname, '../../../../shared/seeds')
const seed = (prefix: string): string => {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix))
  if (file === undefined) throw new Error(`seed ${prefix} missing`)
  return readFileSync(join(SEEDS, file), 'utf8')
}

describe.skipIf(!existsSync(SEEDS))('seed documentation pages import', () => {
  it('reads the Markdown page of the older Login/Logout Hook rule', () => {
    const { rules, diagnostics } = importRuleMarkdown(seed('000'))
    expect(diagnostics).toEqual([])
    const r = rules[0]
    expect(r?.name).toBe('Persistence via Login or Logout Hook')
    expect(r?.type).toBe('eql')
    expect(r?.language).toBe('eql')
    expect(r?.query.startsWith('process where event.type == "start" and')).toBe(true)
    expect(r?.query.endsWith(')')).toBe(true)
    expect(r?.query).toContain('process.args in ("LoginHook", "LogoutHook")')
    expect(r?.index).toEqual(['auditbeat-*', 'logs-endpoint.events.*'])
    expect([r?.severity, r?.riskScore, r?.interval, r?.from, r?.maxSignals, r?.version]).toEqual(['medium', 47, '5m', 'now-9m', 100, 7])
    expect(r?.references).toEqual(['https://www.virusbulletin.com/uploads/pdf/conference_slides/2014/Wardle-VB2014.pdf', 'https://www.manpagez.com/man/1/defaults/'])
    expect(r?.tags).toContain('Persistence')
    expect(r?.threat?.[0]?.tactic.id).toBe('TA0003')
    expect(r?.threat?.[0]?.technique?.[0]?.id).toBe('T1037')
    expect(r?.description).toMatch(/^Identifies use of the Defaults command/)
  })

  it('reads the rendered plain-text page of the current Login/Logout Hook rule', () => {
    const { rules, format } = importRule(seed('001'))
    expect(format).toBe('markdown')
    const r = rules[0]
    expect(r?.name).toBe('Persistence via Login or Logout Hook')
    expect(r?.query.startsWith('process where host.os.type == "macos"')).toBe(true)
    expect(r?.query).toContain('process.args : ("LoginHook", "LogoutHook")')
    expect(r?.query).not.toMatch(/^edit$|^Framework:/m)
    expect(r?.index).toEqual(['logs-endpoint.events.process*'])
    expect([r?.riskScore, r?.version]).toEqual([47, 109])
    expect(r?.tags).toContain('OS: macOS')
    expect(r?.note).toMatch(/^Triage and analysis/)
  })

  it('reads the line-numbered TOML of the LaunchDaemon sequence rule', () => {
    const { rules, diagnostics } = importRule(seed('002'))
    expect(diagnostics).toEqual([])
    const r = rules[0]
    expect(r?.name).toBe('LaunchDaemon Creation or Modification and Immediate Loading')
    expect(r?.ruleId).toBe('9d19ece6-c20e-481a-90c5-ccca596537de')
    expect(r?.query.trim().split('\n')[0]).toBe('sequence by host.id with maxspan=1m')
    expect([r?.severity, r?.riskScore, r?.from]).toEqual(['low', 21, 'now-9m'])
    expect(r?.threat?.[0]?.technique?.[0]?.id).toBe('T1543')
    expect((r?.extra['metadata'] as Record<string, unknown>)['maturity']).toBe('production')
  })

  it('reads the KQL Periodic Tasks page with its sub-technique', () => {
    const r = importRule(seed('003')).rules[0]
    expect([r?.type, r?.language, r?.severity, r?.riskScore]).toEqual(['query', 'kuery', 'low', 21])
    expect(r?.query.startsWith('event.category:file and host.os.type:macos')).toBe(true)
    expect(r?.query).toContain('/private/etc/periodic.conf)')
    expect(r?.threat?.[0]?.technique?.[0]?.subtechnique?.[0]?.id).toBe('T1053.003')
    expect(r?.references).toHaveLength(3)
  })

  it('reads the KQL DirectoryService plugin page', () => {
    const r = importRule(seed('004')).rules[0]
    expect(r?.name).toBe('Persistence via DirectoryService Plugin Modification')
    expect(r?.query).toBe('event.category:file and host.os.type:macos and not event.type:deletion and\n  file.path:/Library/DirectoryServices/PlugIns/*.dsplug')
    expect(r?.threat?.[0]?.technique?.[0]?.id).toBe('T1547')
    expect(r?.version).toBe(107)
  })
})
