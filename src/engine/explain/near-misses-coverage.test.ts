import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { clauseCoverage } from './coverage'
import { compileExplainEql, type EqlExplainer } from './eql-explain'
import { compileExplainKql, type KqlExplainer } from './kql-explain'
import { nearMisses } from './near-misses'

const events = [
  { id: 0, '@timestamp': 1, event: { category: 'process' }, process: { name: 'cmd.exe', pid: 1 }, user: { name: 'root' } }, // all hold
  { id: 1, '@timestamp': 2, event: { category: 'process' }, process: { name: 'cmd.exe', pid: 2 }, user: { name: 'bob' } }, // user fails
  { id: 2, '@timestamp': 3, event: { category: 'file' }, process: { name: 'cmd.exe', pid: 3 }, user: { name: 'root' } }, // category fails
  { id: 3, '@timestamp': 4, event: { category: 'process' }, process: { name: 'sh', pid: 4 }, user: { name: 'bob' } }, // two fail
  { id: 4, '@timestamp': 5, event: { category: 'process' }, process: { name: 'cmd.exe', pid: 5 } }, // user missing
]

const schema = buildSchema({ ecs: true, events }).schema

function eql(query: string): EqlExplainer {
  const { explainer, diagnostics } = compileExplainEql(query, { schema })
  if (explainer === null) throw new Error(JSON.stringify(diagnostics))
  return explainer
}

function kql(query: string): KqlExplainer {
  const { explainer, diagnostics } = compileExplainKql(query, { schema })
  if (explainer === null) throw new Error(JSON.stringify(diagnostics))
  return explainer
}

describe('nearMisses', () => {
  it('lists the events that fail exactly one conjunct (the category counts as one), with that clause', () => {
    const x = eql('process where process.name == "cmd.exe" and user.name == "root"')
    const misses = nearMisses(x, events)
    expect(misses.map((m) => [m.index, m.clause.text])).toEqual([
      [1, 'user.name == "root"'],
      [2, 'process'],
      [4, 'user.name == "root"'],
    ])
    expect(misses[0]).toMatchObject({ filter: 'query', stage: null, clause: { kind: 'comparison', span: { start: 44, end: 63 } } })
  })

  it('a failing or conjunct is listed with the leaf that decided it', () => {
    const x = eql('process where process.name == "cmd.exe" and (user.name == "root" or user.name == "alice")')
    const m = nearMisses(x, events).find((n) => n.index === 1)
    expect(m?.clause.kind).toBe('or')
    expect(m?.leaf.kind).toBe('or') // a false or: every alternative failed
    const y = eql('process where process.name == "cmd.exe" and not (user.name == "bob" or process.pid > 100)')
    const n = nearMisses(y, events).find((k) => k.index === 1)
    expect(n?.clause.kind).toBe('not')
    expect(n?.leaf.text).toBe('user.name == "bob"')
  })

  it('a filter with one conjunct has no near misses; KQL works alike', () => {
    expect(nearMisses(eql('any where user.name == "root"'), events)).toEqual([])
    const misses = nearMisses(kql('process.name:cmd.exe and user.name:root and not process.pid > 4'), events)
    expect(misses.map((m) => [m.index, m.clause.text])).toEqual([
      [1, 'user.name:root'],
    ])
  })

  it('sequences: per stage', () => {
    const x = eql('sequence by process.pid [process where process.name == "cmd.exe" and user.name == "root"] [file where true]')
    const misses = nearMisses(x, events)
    expect(misses.filter((m) => m.filter === 'stage 1').map((m) => m.index)).toEqual([1, 2, 4])
    expect(misses.filter((m) => m.filter === 'stage 2').map((m) => m.index)).toEqual([0, 1, 3, 4])
    expect(misses.every((m) => m.stage === (m.filter === 'stage 1' ? 0 : 1))).toBe(true)
  })
})

describe('clauseCoverage', () => {
  it('counts every clause true, false and null over the events, so dead clauses show', () => {
    const x = eql('process where process.name == "cmd.exe" and (user.name == "root" or user.name == "nobody")')
    const rows = clauseCoverage(x, events).map((r) => [r.text, r.depth, r.trueCount, r.falseCount, r.nullCount])
    expect(rows).toEqual([
      [x.source, 0, 1, 3, 1], // event 4: the condition is null (no user.name), no clause false
      ['process', 1, 4, 1, 0],
      ['process.name == "cmd.exe" and (user.name == "root" or user.name == "nobody")', 1, 2, 2, 1],
      ['process.name == "cmd.exe"', 2, 4, 1, 0],
      ['user.name == "root" or user.name == "nobody"', 2, 2, 2, 1],
      ['user.name == "root"', 3, 2, 2, 1],
      ['user.name == "nobody"', 3, 0, 4, 1], // dead
    ])
  })

  it('KQL, and the counts agree with a run', () => {
    const k = kql('process.name:cmd.exe and not user.name:bob')
    const rows = clauseCoverage(k, events)
    expect(rows.map((r) => [r.kind, r.trueCount])).toEqual([
      ['and', 3],
      ['term', 4],
      ['not', 3],
      ['term', 2],
    ])
    const matched = events.filter((e) => k.program.test(e)).length
    expect(rows[0]?.trueCount).toBe(matched)
  })
})

describe('stopping early', () => {
  it('shouldStop ends the scan; counts then cover the events scanned', () => {
    const many = Array.from({ length: 5000 }, (_, i) => events[i % events.length])
    const x = eql('process where user.name == "root"')
    const rows = clauseCoverage(x, many, { shouldStop: () => true })
    const root = rows[0]
    expect((root?.trueCount ?? 0) + (root?.falseCount ?? 0) + (root?.nullCount ?? 0)).toBe(1024)
    expect(nearMisses(x, many, { shouldStop: () => true }).every((m) => m.index < 1024)).toBe(true)
  })
})
