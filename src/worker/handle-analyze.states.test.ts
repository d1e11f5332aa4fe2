import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql, type ExceptionItem } from '../engine'
import { LOGIN_HOOK_CURRENT } from '../examples/login-hook-current'
import { analysisOfReport, exceptedByIndex, excludedByIndex, excludedCounts, excludedText, matchDataOf, matchStateOf } from '../ui/results/report-view'
import { createHandler } from './handle'
import { PROTOCOL_VERSION, type Analysis, type RunReport } from './protocol'

/**
 * Match states end to end in Node: a real run (with exception items) and a real analysis of the
 * same query through the dispatcher, read by the results' row-state function. The first-visit
 * example: its JAMF events are excluded by the query, an exception item takes out one match.
 */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql }
const text = LOGIN_HOOK_CURRENT.events.map((e) => JSON.stringify(e.event)).join('\n')
const labelled = LOGIN_HOOK_CURRENT.events.flatMap((e, i) => (e.expect === 'match' ? [i] : []))

function setup(eventsText = text) {
  const handle = createHandler(engine)
  handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: eventsText })
  let id = 2
  const run = (query: string, exceptions: readonly ExceptionItem[] = []): RunReport => {
    const reply = handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'run', language: 'eql', query, eventsVersion: 1, settings: {}, displayLimit: 100, exceptions })
    if (!reply.ok || reply.kind !== 'run') throw new Error(`run failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
  const analyze = (query: string): Analysis => {
    const reply = handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'analyze', language: 'eql', query, eventsVersion: 1, settings: {} })
    if (!reply.ok || reply.kind !== 'analyze') throw new Error(`analyze failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
  return { run, analyze }
}

/** Every event's state as the rows compute it (one Map read per row). */
function states(report: RunReport, analysis: Analysis, count: number): string[] {
  const a = analysisOfReport(report, analysis)
  const excluded = a === null ? undefined : excludedByIndex(a)
  const excepted = report.excepted === undefined ? undefined : exceptedByIndex(report.excepted)
  const matched = new Set(matchDataOf(report).matchedIndexes)
  return Array.from({ length: count }, (_, i) => matchStateOf(matched.has(i), excluded?.get(i), excepted?.get(i)))
}

const pidOf = (i: number): number => (LOGIN_HOOK_CURRENT.events[i]?.event as { process: { pid: number } }).process.pid

describe('match states from a run with exceptions and an analysis', () => {
  it('matched, no match, excluded by the query (the JAMF list), excluded by an exception', () => {
    const { run, analyze } = setup()
    const target = labelled[1] ?? -1
    const item: ExceptionItem = { name: 'design Mac', entries: [{ field: 'process.pid', type: 'match', operator: 'included', value: String(pidOf(target)) }] }
    const report = run(LOGIN_HOOK_CURRENT.query, [item])
    const analysis = analyze(LOGIN_HOOK_CURRENT.query)
    expect(report.excepted).toEqual([{ index: target, item: 0 }])
    const jamf = LOGIN_HOOK_CURRENT.events.flatMap((e, i) => (JSON.stringify(e.event).includes('JAMF/ManagementFrameworkScripts') && e.expect === 'no-match' ? [i] : []))
    expect(jamf.length).toBeGreaterThan(0)
    const expected = LOGIN_HOOK_CURRENT.events.map((_, i) =>
      i === target ? 'excluded-by-exception' : labelled.includes(i) ? 'matched' : jamf.includes(i) ? 'excluded-by-query' : 'no-match',
    )
    expect(states(report, analysis, LOGIN_HOOK_CURRENT.events.length)).toEqual(expected)
    expect(excludedText(excludedCounts(report, analysis))).toBe(`${jamf.length + 1} excluded (${jamf.length} by the query, 1 by an exception)`)
  })

  it('a sequence whose other event was excepted: that event lost its sequence (item -1)', () => {
    const ev = (ts: string, name: string, pid: number) => ({ '@timestamp': ts, event: { category: 'process' }, process: { name, pid }, host: { id: 'h' } })
    const events = [ev('2026-01-01T00:00:00Z', 'a', 1), ev('2026-01-01T00:00:01Z', 'b', 2), ev('2026-01-01T00:00:02Z', 'c', 3)]
    const { run, analyze } = setup(events.map((e) => JSON.stringify(e)).join('\n'))
    const q = 'sequence by host.id [process where process.name == "a"] [process where process.name == "b"]'
    const item: ExceptionItem = { name: '', entries: [{ field: 'process.name', type: 'match', operator: 'included', value: 'b' }] }
    const report = run(q, [item])
    expect(states(report, analyze(q), 3)).toEqual(['excluded-by-exception', 'excluded-by-exception', 'no-match'])
    expect(exceptedByIndex(report.excepted ?? []).get(0)).toBe(-1)
    expect(exceptedByIndex(report.excepted ?? []).get(1)).toBe(0)
  })
})
