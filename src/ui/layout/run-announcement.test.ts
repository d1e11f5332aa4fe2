import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../engine'
import type { ReportResult } from '../../worker/protocol'
import { eventsAnnouncement, joinAnnouncements, runAnnouncement, type RunOutcome } from './run-announcement'

const error = (message: string): Diagnostic => ({ code: 'EQL1001', severity: 'error', message, span: { start: 0, end: 1 } })
const warning: Diagnostic = { code: 'EQL2100', severity: 'warning', message: 'inferred fields', span: { start: 0, end: 1 } }

function settled(result: ReportResult | null, eventCount = 120, diagnostics: readonly Diagnostic[] = []): RunOutcome {
  return { status: 'idle', failure: null, report: { eventCount, diagnostics, result } }
}
const group = { joinKeys: [], events: [] }

describe('runAnnouncement', () => {
  it('says how many events match, of how many', () => {
    expect(runAnnouncement(settled({ kind: 'events', count: 3 }))).toBe('3 of 120 events match')
    expect(runAnnouncement(settled({ kind: 'events', count: 1 }, 1))).toBe('1 of 1 event matches')
    expect(runAnnouncement(settled({ kind: 'events', count: 1234 }, 5000))).toBe('1,234 of 5,000 events match')
    expect(runAnnouncement(settled({ kind: 'events', count: 0 }))).toBe('No events match (of 120 events)')
    expect(runAnnouncement(settled({ kind: 'events', count: 0 }, 0))).toBe('No events loaded')
  })

  it('counts sequences and samples as groups', () => {
    expect(runAnnouncement(settled({ kind: 'sequences', sequences: [group, group] }, 12))).toBe('2 sequences match in 12 events')
    expect(runAnnouncement(settled({ kind: 'sequences', sequences: [group] }, 12))).toBe('1 sequence matches in 12 events')
    expect(runAnnouncement(settled({ kind: 'sequences', sequences: [] }, 12))).toBe('No sequences match in 12 events')
    expect(runAnnouncement(settled({ kind: 'samples', samples: [group] }, 3))).toBe('1 sample matches in 3 events')
  })

  it('says nothing while a run is in flight or when there is no run', () => {
    expect(runAnnouncement({ status: 'running', failure: null, report: settled({ kind: 'events', count: 3 }).report })).toBeNull()
    expect(runAnnouncement({ status: 'idle', failure: null, report: null })).toBeNull()
  })

  it('names the first query error and how many more, ignoring warnings', () => {
    const one = settled(null, 5, [warning, error("mismatched input '=' expecting {'==', ':'}")])
    expect(runAnnouncement({ ...one, status: 'error' })).toBe("Query error: mismatched input '=' expecting {'==', ':'}")
    const three = settled(null, 5, [error('first'), error('second'), error('third')])
    expect(runAnnouncement({ ...three, status: 'error' })).toBe('Query error: first (and 2 more errors)')
    const two = settled(null, 5, [error('first'), error('second')])
    expect(runAnnouncement(two)).toBe('Query error: first (and 1 more error)')
  })

  it('cuts a long message to one short line', () => {
    const said = runAnnouncement(settled(null, 5, [error(`a\n${'x'.repeat(500)}`)]))
    expect(said).toMatch(/^Query error: a x+…$/)
    expect(said!.length).toBeLessThan(200)
  })

  it('leaves a run that could not be served to the results pane alert', () => {
    expect(runAnnouncement({ status: 'error', report: null, failure: { code: 'timeout', message: 'The run took longer than 3 s and was stopped.' } })).toBeNull()
  })
})

describe('eventsAnnouncement', () => {
  it('says how many events were loaded and how many problems there were', () => {
    expect(eventsAnnouncement({ eventCount: 5000, problems: [{}, {}] })).toBe('Loaded 5,000 events, 2 problems')
    expect(eventsAnnouncement({ eventCount: 1, problems: [] })).toBe('Loaded 1 event')
    // the list is capped; the count is not
    expect(eventsAnnouncement({ eventCount: 10, problems: [{}], problemCount: 1500 })).toBe('Loaded 10 events, 1,500 problems')
  })

  it('joins the parts as sentences, skipping the empty ones', () => {
    expect(joinAnnouncements(['Loaded 5 events', null, '3 of 5 events match'])).toBe('Loaded 5 events. 3 of 5 events match')
    expect(joinAnnouncements([null, 'Query error: x'])).toBe('Query error: x')
  })
})
