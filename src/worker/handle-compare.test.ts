import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql, type RunResult } from '../engine'
import { LOGIN_HOOK_CURRENT } from '../examples/login-hook-current'
import { LOGIN_HOOK_V7 } from '../examples/login-hook-v7'
import { LAUNCH_DAEMON_DEPRECATED } from '../examples/launch-daemon-deprecated'
import { LAUNCH_SERVICE_CURRENT } from '../examples/launch-service-current'
import { PERIODIC_TASKS_EQL, PERIODIC_TASKS_KQL } from '../examples/periodic-tasks'
import type { Example } from '../examples/example'
import { createHandler } from './handle'
import { compare, symmetricDifference } from './handle-compare'
import { PROTOCOL_VERSION, type CompareReport, type QueryLanguage } from './protocol'
import type { CompareSide } from './protocol-compare'
import { matchedEvents } from './run-report'

/** `compare` through the dispatcher over the real engine, as the worker serves it. */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql }

const textOf = (ex: Example) => ex.events.map((e) => JSON.stringify(e.event)).join('\n')
const side = (ex: Pick<Example, 'language' | 'query'>): CompareSide => ({ language: ex.language, query: ex.query, settings: {} })

function setup(eventsText: string) {
  const handle = createHandler(engine)
  handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: eventsText })
  let id = 2
  return (a: CompareSide, b: CompareSide, extra: { limit?: number } = {}): CompareReport => {
    const reply = handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'compare', eventsVersion: 1, a, b, ...extra })
    if (!reply.ok || reply.kind !== 'compare') throw new Error(`compare failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
}

/** What a plain run of the engine matches (as the results pane counts: every event of a match). */
function matchedByEngine(language: QueryLanguage, query: string, events: readonly unknown[]): number[] {
  const { schema } = buildSchema({ ecs: true, events })
  let result: RunResult | null
  if (language === 'kql') {
    const c = compileKql(query, { schema })
    result = c.program ? runKql(c.program, events).result : null
  } else {
    const c = compileEql(query, { schema, settings: eqlSettings({}) })
    result = c.program ? runEql(c.program, events).result : null
  }
  if (result === null) throw new Error(`${query} does not run`)
  return matchedEvents(result).map((m) => m.index).sort((x, y) => x - y)
}

/** The disagreements, computed here from two plain engine runs. */
function expectedDisagreements(a: Example, b: Example, events: readonly unknown[]) {
  const inA = new Set(matchedByEngine(a.language, a.query, events))
  const inB = new Set(matchedByEngine(b.language, b.query, events))
  return events.flatMap((_, i) => (inA.has(i) === inB.has(i) ? [] : [{ eventIndex: i, matchedBy: inA.has(i) ? 'a' : 'b' }]))
}

describe('compare request', () => {
  it('lists the events the two Login/Logout Hook versions disagree on, each side with the clause that decided', () => {
    const text = textOf(LOGIN_HOOK_CURRENT)
    const events = parseEventsText(text).events
    const r = setup(text)(side(LOGIN_HOOK_CURRENT), side(LOGIN_HOOK_V7))
    const expected = expectedDisagreements(LOGIN_HOOK_CURRENT, LOGIN_HOOK_V7, events)
    expect(expected.length).toBeGreaterThan(0)
    expect(r.comparable).toBe(true)
    expect(r.stopped).toBe(false)
    expect(r.a.matched).toEqual(matchedByEngine('eql', LOGIN_HOOK_CURRENT.query, events))
    expect(r.b.matched).toEqual(matchedByEngine('eql', LOGIN_HOOK_V7.query, events))
    expect(r.disagreements.map(({ eventIndex, matchedBy }) => ({ eventIndex, matchedBy }))).toEqual(expected)
    expect(r.disagreementTotal).toBe(expected.length)
    for (const d of r.disagreements) {
      const [yes, no] = d.matchedBy === 'a' ? [d.a, d.b] : [d.b, d.a]
      const noQuery = d.matchedBy === 'a' ? LOGIN_HOOK_V7.query : LOGIN_HOOK_CURRENT.query
      expect(yes.match).toBe(true)
      expect(no.match).toBe(false)
      // the clause that rejected the event is named by its text and span in that side's query
      const clause = no.clause
      expect(clause).not.toBeNull()
      if (clause) expect(noQuery.slice(clause.span.start, clause.span.end)).toBe(clause.text)
      expect(no.summary).toContain(clause?.text ?? '?')
      expect(d.summary).toContain('defaults')
    }
  })

  it('names the case-sensitive `in` of the older version for lower-case loginhook', () => {
    const text = textOf(LOGIN_HOOK_V7)
    const events = parseEventsText(text).events
    const lower = events.findIndex((e) => JSON.stringify(e).includes('"loginhook"'))
    expect(lower).toBeGreaterThanOrEqual(0)
    const r = setup(text)(side(LOGIN_HOOK_CURRENT), side(LOGIN_HOOK_V7))
    const d = r.disagreements.find((x) => x.eventIndex === lower)
    expect(d?.matchedBy).toBe('a')
    expect(d?.b.clause?.text).toContain('process.args in ("LoginHook", "LogoutHook")')
    expect(d?.b.clause?.seen[0]).toMatchObject({ field: 'process.args' })
    expect(d?.b.clause?.seen[0]?.values).toContain('loginhook')
  })

  it('says where the KQL and EQL Periodic Tasks versions differ, and nothing else', () => {
    const text = textOf(PERIODIC_TASKS_KQL)
    const events = parseEventsText(text).events
    const r = setup(text)(side(PERIODIC_TASKS_KQL), side(PERIODIC_TASKS_EQL))
    const expected = expectedDisagreements(PERIODIC_TASKS_KQL, PERIODIC_TASKS_EQL, events)
    expect(r.disagreements.map(({ eventIndex, matchedBy }) => ({ eventIndex, matchedBy }))).toEqual(expected)
    // the EQL version asks for modifications only: that clause rejects each event the KQL one keeps
    for (const d of r.disagreements.filter((x) => x.matchedBy === 'a')) expect(d.b.clause?.text).toBe('event.action == "modification"')
  })

  it('finds no disagreement between a version and itself', () => {
    const r = setup(textOf(PERIODIC_TASKS_KQL))(side(PERIODIC_TASKS_KQL), side(PERIODIC_TASKS_KQL))
    expect(r.comparable).toBe(true)
    expect(r.a.matched.length).toBeGreaterThan(0)
    expect(r.disagreementTotal).toBe(0)
    expect(r.disagreements).toEqual([])
  })

  it('explains sequence sides by stage: in a matched sequence on one side, not on the other', () => {
    const text = textOf(LAUNCH_DAEMON_DEPRECATED)
    const events = parseEventsText(text).events
    const r = setup(text)(side(LAUNCH_DAEMON_DEPRECATED), side(LAUNCH_SERVICE_CURRENT))
    expect(r.a.resultKind).toBe('sequences')
    const expected = expectedDisagreements(LAUNCH_DAEMON_DEPRECATED, LAUNCH_SERVICE_CURRENT, events)
    expect(r.disagreements.map(({ eventIndex, matchedBy }) => ({ eventIndex, matchedBy }))).toEqual(expected)
    for (const d of r.disagreements) {
      const yes = d.matchedBy === 'a' ? d.a : d.b
      const no = d.matchedBy === 'a' ? d.b : d.a
      expect(yes.summary).toMatch(/^in a matched sequence, stage \d/)
      expect(yes.stage).toBeGreaterThanOrEqual(0)
      expect(no.summary.length).toBeGreaterThan(0)
    }
  })

  it('answers the diagnostics of a side that does not compile, and no disagreements', () => {
    const r = setup(textOf(LOGIN_HOOK_CURRENT))(side(LOGIN_HOOK_CURRENT), { language: 'eql', query: 'process where (', settings: {} })
    expect(r.a.ran).toBe(true)
    expect(r.b.ran).toBe(false)
    expect(r.b.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    expect(r.comparable).toBe(false)
    expect(r.disagreements).toEqual([])
  })

  it('answers a side sent without its query or settings as not run, without an engine failure', () => {
    const handle = createHandler(engine)
    handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: textOf(LOGIN_HOOK_CURRENT) })
    const reply = handle({ id: 2, protocol: PROTOCOL_VERSION, kind: 'compare', eventsVersion: 1, a: side(LOGIN_HOOK_CURRENT), b: { language: 'eql' } })
    expect(reply).toMatchObject({ ok: true, result: { comparable: false, a: { ran: true }, b: { ran: false } } })
  })

  it('caps the explained list but counts every disagreement', () => {
    const r = setup(textOf(PERIODIC_TASKS_KQL))(side(PERIODIC_TASKS_KQL), side(PERIODIC_TASKS_EQL), { limit: 1 })
    expect(r.disagreements).toHaveLength(1)
    expect(r.disagreementTotal).toBeGreaterThan(1)
    expect(r.stopped).toBe(false)
  })

  it('stops at the budget and says so', () => {
    const events = parseEventsText(textOf(LOGIN_HOOK_CURRENT)).events
    const { schema } = buildSchema({ ecs: true, events })
    let t = 0
    // every reading of the clock advances it: the budget is spent during the first run
    const r = compare({ kind: 'compare', eventsVersion: 1, a: side(LOGIN_HOOK_CURRENT), b: side(LOGIN_HOOK_V7), budgetMs: 0 }, { events, eventsVersion: 1, schemaFor: () => schema, now: () => (t += 5) })
    expect(r.stopped).toBe(true)
    expect(r.comparable).toBe(false)
  })

  it('applies a side\'s exception items as a run does, and names the item that took an event out', () => {
    const text = textOf(LOGIN_HOOK_CURRENT)
    const events = parseEventsText(text).events
    const plain = matchedByEngine('eql', LOGIN_HOOK_CURRENT.query, events)
    const target = plain[0] ?? -1
    const pid = (events[target] as { process: { pid: number } }).process.pid
    const item = { name: 'the first match', entries: [{ field: 'process.pid', type: 'match' as const, operator: 'included' as const, value: String(pid) }] }
    const r = setup(text)({ ...side(LOGIN_HOOK_CURRENT), exceptions: [item] }, side(LOGIN_HOOK_CURRENT))
    expect(r.a.matched).toEqual(plain.filter((i) => i !== target))
    expect(r.a.excepted).toEqual([{ index: target, item: 0 }])
    expect(r.disagreements).toHaveLength(1)
    expect(r.disagreements[0]).toMatchObject({ eventIndex: target, matchedBy: 'b', a: { match: false, excepted: 0 } })
    expect(r.disagreements[0]?.a.summary).toContain('the first match')
  })

  it('merges two ascending lists into the events only one has', () => {
    expect(symmetricDifference([1, 3, 5], [3, 4, 5, 9])).toEqual([{ index: 1, side: 'a' }, { index: 4, side: 'b' }, { index: 9, side: 'b' }])
    expect(symmetricDifference([], [])).toEqual([])
  })
})
