import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, isMissing, runEql, runKql, type Diagnostic, type RunOutput } from '../engine/index'
import { EXAMPLES, exampleById, type Example } from './index'

/** Compiles and runs an example over its own events, as the playground would. */
function run(ex: Example): { diagnostics: readonly Diagnostic[]; output: RunOutput | null } {
  const events = ex.events.map((e) => e.event)
  const { schema } = buildSchema({ ecs: true, events })
  if (ex.language === 'eql') {
    const c = compileEql(ex.query, { schema })
    return { diagnostics: c.diagnostics, output: c.program === null ? null : runEql(c.program, events) }
  }
  const c = compileKql(ex.query, { schema })
  return { diagnostics: c.diagnostics, output: c.program === null ? null : runKql(c.program, events) }
}

/** The indices of the events the run reported: the events themselves, or those of the sequences. */
function matchedIndices(output: RunOutput): number[] {
  const r = output.result
  if (r === null) return []
  const found = new Set<number>()
  if (r.kind === 'events') for (const m of r.events) found.add(m.index)
  else for (const s of r.kind === 'sequences' ? r.sequences : r.samples)
    for (const e of s.events) if (!isMissing(e)) found.add(e.index)
  return [...found].sort((a, b) => a - b)
}

describe('examples library', () => {
  it('has unique ids that exampleById finds', () => {
    const ids = EXAMPLES.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(exampleById(id)?.id).toBe(id)
    expect(exampleById('no-such-example')).toBeUndefined()
  })

  it('covers every seed rule, in the seed and the current versions', () => {
    expect(EXAMPLES.map((e) => `${e.language}:${e.rule.name}`)).toEqual(expect.arrayContaining([
      'eql:Persistence via Login or Logout Hook',
      'eql:LaunchDaemon Creation or Modification and Immediate Loading',
      'eql:Launch Service Creation and Immediate Loading',
      'kql:Potential Persistence via Periodic Tasks',
      'eql:Potential Persistence via Periodic Tasks',
      'kql:Persistence via DirectoryService Plugin Modification',
      'eql:Persistence via DirectoryService Plugin Modification',
    ]))
    expect(EXAMPLES.filter((e) => e.rule.name === 'Persistence via Login or Logout Hook')).toHaveLength(2)
  })

  describe.each(EXAMPLES.map((e) => [e.id, e] as const))('%s', (_id, ex) => {
    it('has its metadata filled', () => {
      const r = ex.rule
      expect(ex.title.length).toBeGreaterThan(0)
      expect(r.name.length * r.description.length).toBeGreaterThan(0)
      expect(r.riskScore).toBeGreaterThan(0)
      expect(r.riskScore).toBeLessThanOrEqual(100)
      expect(r.mitre.length).toBeGreaterThan(0)
      for (const m of r.mitre) expect(m.id).toMatch(/^T\d{4}(\.\d{3})?$/)
      expect(r.interval).toMatch(/^\d+[smh]$/)
      expect(r.from).toMatch(/^now-\d+[smh]$/)
      expect(r.maxSignals).toBeGreaterThan(0)
      expect(r.index.length).toBeGreaterThan(0)
      expect(r.references.length).toBeGreaterThan(0)
      for (const u of r.references) expect(u).toMatch(/^https:\/\//)
    })

    it('has 8-20 events, at least one match and one no-match, each with a one-line reason', () => {
      expect(ex.events.length).toBeGreaterThanOrEqual(8)
      expect(ex.events.length).toBeLessThanOrEqual(20)
      expect(ex.events.some((e) => e.expect === 'match')).toBe(true)
      expect(ex.events.some((e) => e.expect === 'no-match')).toBe(true)
      for (const e of ex.events) {
        expect(e.reason.trim().length).toBeGreaterThan(0)
        expect(e.reason).not.toContain('\n')
      }
    })

    it('compiles without errors and matches exactly the events labelled match', () => {
      const { diagnostics, output } = run(ex)
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      expect(output).not.toBeNull()
      if (output === null) return
      expect(output.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      const expected = ex.events.flatMap((e, i) => (e.expect === 'match' ? [i] : []))
      // Compare with reasons so a failure names the event whose label is wrong.
      const label = (i: number): string => `${i}: ${ex.events[i]?.reason ?? '?'}`
      expect(matchedIndices(output).map(label)).toEqual(expected.map(label))
    })
  })
})
