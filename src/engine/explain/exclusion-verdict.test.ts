import { describe, expect, it } from 'vitest'
import { runEql } from '../eql/run-eql'
import { runKql } from '../kql/run-kql'
import { buildSchema } from '../schema/build-schema'
import { compileExplainEql, type EqlExplainer } from './eql-explain'
import { excludedEvents, exclusionsOf } from './exclusion-verdict'
import { compileExplainKql, type KqlExplainer } from './kql-explain'
import { nearMissesAndExclusions } from './misses-and-exclusions'
import { nearMisses } from './near-misses'

/**
 * "Matched but excluded by the query": every positive condition holds and a negated one fails.
 * Each case also checks the verdict against the matcher: an excluded event is one the query
 * rejects and the query without its exclusions accepts.
 */
const JAMF = '/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh'
const ev = (name: string, args: string[], extra: Record<string, unknown> = {}) => ({
  '@timestamp': '2026-11-02T09:14:03Z',
  event: { category: 'process' },
  process: { name, args },
  ...extra,
})
const events = [
  ev('defaults', ['write', 'LoginHook', '/tmp/x.sh']), // 0 matches
  ev('defaults', ['write', 'LoginHook', JAMF]), // 1 excluded by the JAMF list
  ev('defaults', ['read', 'LoginHook', JAMF]), // 2 fails a positive clause: no match
  ev('jamf', ['write', 'LoginHook', '/tmp/x.sh']), // 3 excluded by the name exclusion
  ev('jamf', ['write', 'LoginHook', JAMF]), // 4 excluded by both
  { '@timestamp': '2026-11-02T09:14:03Z', event: { category: 'process' }, process: { args: ['write', 'LoginHook'] } }, // 5 no name
  { event: { category: 'process' }, process: { name: 'defaults', args: ['write', 'LoginHook', JAMF] } }, // 6 no timestamp
]
const mappings = { properties: { 'process.name': { type: 'keyword' }, 'process.args': { type: 'keyword' }, 'event.category': { type: 'keyword' }, '@timestamp': { type: 'date' } } }
const schema = buildSchema({ ecs: false, mappings, events }).schema

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
const indexes = (x: EqlExplainer | KqlExplainer) => excludedEvents(x, events).map((e) => e.index)
const clauses = (x: EqlExplainer | KqlExplainer, i: number) => exclusionsOf(x, events[i]).map((e) => e.clause.text)

/** The matcher's answer for event i, for an EQL or KQL query text. */
function matches(language: 'eql' | 'kql', query: string, i: number): boolean {
  const one = [events[i]]
  const run = language === 'eql' ? runEql(eql(query).program, one) : runKql(kql(query).program, one)
  return run.result !== null && run.result.kind === 'events' && run.result.events.length === 1
}

describe('exclusions in EQL', () => {
  const Q = 'process where process.args == "write" and not process.args : ("*/JAMF/*", "nothing") and process.name != "jamf"'

  it('names the `not` list and the element that matched, with the value the event had', () => {
    const x = eql(Q)
    expect(indexes(x)).toEqual([1, 3, 4])
    const [e] = exclusionsOf(x, events[1])
    expect(e).toMatchObject({ filter: 'query', stage: null, clause: { kind: 'not', text: 'not process.args : ("*/JAMF/*", "nothing")' } })
    expect(e?.leaf.text).toBe('"*/JAMF/*"')
    expect(Q.slice(e?.leaf.span.start, e?.leaf.span.end)).toBe('"*/JAMF/*"')
    expect(e?.field).toBe('process.args')
    expect(e?.values).toEqual([JAMF])
  })

  it('`!=` is an exclusion; an event failing several reports all of them, in source order', () => {
    const x = eql(Q)
    const [e] = exclusionsOf(x, events[3])
    expect(e).toMatchObject({ clause: { text: 'process.name != "jamf"' }, leaf: { text: '"jamf"' }, field: 'process.name', values: ['jamf'] })
    expect(clauses(x, 4)).toEqual(['not process.args : ("*/JAMF/*", "nothing")', 'process.name != "jamf"'])
  })

  it('an event that fails a positive clause is not excluded, whatever its negated clauses say', () => {
    const x = eql(Q)
    expect(exclusionsOf(x, events[2])).toEqual([])
    expect(exclusionsOf(x, events[0])).toEqual([]) // matched
    expect(matches('eql', Q, 0)).toBe(true)
    expect(matches('eql', Q, 2)).toBe(false)
  })

  it('a missing field: the engine holds `!=` and `not ... in` true (must_not), so nothing is excluded', () => {
    expect(exclusionsOf(eql('process where process.args == "write" and process.name != "jamf"'), events[5])).toEqual([])
    expect(matches('eql', 'process where process.args == "write" and process.name != "jamf"', 5)).toBe(true)
    expect(exclusionsOf(eql('process where process.args == "write" and process.name : "x" and process.name != "jamf"'), events[5])).toEqual([])
    // `not (x in ...)` holds for an event without x (must_not), so nothing is excluded: it matches
    expect(matches('eql', 'process where process.args == "write" and not process.name in ("jamf")', 5)).toBe(true)
  })

  it('`not in` names the list item equal to the value', () => {
    const x = eql('process where process.args == "write" and process.name not in ("launchd", "jamf")')
    expect(indexes(x)).toEqual([3, 4])
    expect(exclusionsOf(x, events[3])[0]).toMatchObject({ leaf: { text: '"jamf"' }, values: ['jamf'] })
  })

  it('nested `not (a or b)`: the disjunct that held', () => {
    const x = eql('process where process.args == "write" and not (process.name == "launchd" or process.args like~ "*jamf*")')
    expect(indexes(x)).toEqual([1, 4])
    const [e] = exclusionsOf(x, events[1])
    expect(e?.clause.text).toBe('not (process.name == "launchd" or process.args like~ "*jamf*")')
    expect(e).toMatchObject({ leaf: { text: 'process.args like~ "*jamf*"' }, values: [JAMF] })
  })

  it('an EQL event query returns nothing without a timestamp, so such an event is not excluded', () => {
    expect(indexes(eql(Q))).not.toContain(6)
    expect(exclusionsOf(eql(Q), events[6])).toEqual([])
  })

  it('the verdict agrees with the matcher: rejected with the exclusions, accepted without them', () => {
    const withOut = 'process where process.args == "write"'
    for (const i of indexes(eql(Q))) {
      expect(matches('eql', Q, i)).toBe(false)
      expect(matches('eql', withOut, i)).toBe(true)
    }
  })

  it('sequences: an event excluded from a stage says which stage', () => {
    const x = eql('sequence [process where process.args == "write" and not process.name == "jamf"] [process where process.args == "read"]')
    const out = excludedEvents(x, events)
    expect(out.map((e) => e.index)).toEqual([3, 4])
    expect(out[0]?.exclusions[0]).toMatchObject({ filter: 'stage 1', stage: 0, clause: { text: 'not process.name == "jamf"' } })
  })
})

describe('exclusions in KQL', () => {
  it('`not field:(a or b)` names the value of the list that matched', () => {
    const Q = 'process.args:write and not process.args:("/tmp/x.sh" or *Support/JAMF/*)'
    const x = kql(Q)
    expect(indexes(x)).toEqual([0, 1, 3, 4, 6]) // KQL needs no timestamp
    const [e] = exclusionsOf(x, events[1])
    expect(e?.clause.text).toBe('not process.args:("/tmp/x.sh" or *Support/JAMF/*)')
    expect(e?.leaf.text).toBe('*Support/JAMF/*')
    expect(e?.values).toEqual([JAMF])
    expect(exclusionsOf(x, events[0])[0]?.values).toEqual(['/tmp/x.sh'])
  })

  it('wildcards, several exclusions, and a positive failure', () => {
    const Q = 'process.args:write and not process.args:*JAMF* and not process.name:jamf'
    const x = kql(Q)
    expect(indexes(x)).toEqual([1, 3, 4, 6])
    expect(clauses(x, 4)).toEqual(['not process.args:*JAMF*', 'not process.name:jamf'])
    expect(exclusionsOf(x, events[1])[0]?.values).toEqual([JAMF])
    expect(exclusionsOf(x, events[2])).toEqual([]) // read, not write
    for (const i of indexes(x)) {
      expect(matches('kql', Q, i)).toBe(false)
      expect(matches('kql', 'process.args:write', i)).toBe(true)
    }
  })

  it('an event without the field is not excluded by `not field:...` (it holds)', () => {
    const x = kql('process.args:write and not process.name:jamf')
    expect(exclusionsOf(x, events[5])).toEqual([])
    expect(matches('kql', 'process.args:write and not process.name:jamf', 5)).toBe(true)
  })
})

describe('one scan for near misses and exclusions', () => {
  it('gives exactly what nearMisses and excludedEvents give alone', () => {
    const queries: [EqlExplainer | KqlExplainer][] = [
      [eql('process where process.args == "write" and not process.args : ("*/JAMF/*", "nothing") and process.name != "jamf"')],
      [kql('process.args:write and not process.args:*JAMF* and not process.name:jamf')],
      [eql('sequence [process where process.args == "write" and not process.name == "jamf"] [process where process.args == "read"]')],
    ]
    for (const [x] of queries) {
      const both = nearMissesAndExclusions(x, events)
      expect(both.nearMisses).toEqual(nearMisses(x, events))
      expect(both.excluded).toEqual(excludedEvents(x, events))
      expect(both.excluded.length).toBeGreaterThan(0)
    }
  })
})
