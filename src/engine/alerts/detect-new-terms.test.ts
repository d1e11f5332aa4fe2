import { describe, expect, it } from 'vitest'
import { detectNewTerms } from './detect-new-terms'
import type { NewTermsDetails } from './types'

const DAY = 86_400_000
const RUN = Date.parse('2024-06-10T12:00:00.000Z')
const execution = { runAt: RUN, windowFrom: RUN - 6 * 60_000, historyFrom: RUN - 7 * DAY }
type Ev = { host?: unknown; user?: unknown; t: number }
const make = (list: Ev[]) => ({
  events: list.map((e) => ({ host: { name: e.host }, user: { name: e.user } })),
  times: Float64Array.from(list.map((e) => e.t)),
  all: list.map((_, i) => i),
})
const terms = (d: { details?: unknown }) => (d.details as NewTermsDetails).newTerms
const one = { fields: ['user.name'], historyWindowStart: 'now-7d' }
const two = { fields: ['host.name', 'user.name'], historyWindowStart: 'now-7d' }

describe('detectNewTerms', () => {
  it('a term seen in the history is not new; one seen only in the window is, once, at its earliest event', () => {
    const { events, times, all } = make([
      { user: 'old', t: RUN - 2 * DAY },
      { user: 'old', t: RUN - 60_000 },
      { user: 'fresh', t: RUN - 30_000 },
      { user: 'fresh', t: RUN - 120_000 },
    ])
    const got = detectNewTerms(one, all, events, times, execution)
    expect(got.map((d) => [terms(d), d.eventIndexes, d.time])).toEqual([[['fresh'], [3], RUN - 120_000]])
    expect(got[0]?.key).toMatch(/^n:3:/)
  })

  it('only matched events count, in the history as in the window', () => {
    const { events, times } = make([
      { user: 'old', t: RUN - 2 * DAY },
      { user: 'old', t: RUN - 60_000 },
    ])
    expect(detectNewTerms(one, [1], events, times, execution).map(terms)).toEqual([['old']])
  })

  it('two fields: the combination is the term', () => {
    const { events, times, all } = make([
      { host: 'h1', user: 'mia', t: RUN - DAY },
      { host: 'h1', user: 'mia', t: RUN - 60_000 },
      { host: 'h2', user: 'mia', t: RUN - 50_000 },
      { host: 'h2', t: RUN - 40_000 },
    ])
    expect(detectNewTerms(two, all, events, times, execution).map(terms)).toEqual([['h2', 'mia']])
  })

  it('array values: every combination, each judged on its own', () => {
    const { events, times, all } = make([
      { host: 'h1', user: 'mia', t: RUN - DAY },
      { host: ['h1', 'h2'], user: ['mia', 'noa'], t: RUN - 60_000 },
    ])
    expect(detectNewTerms(two, all, events, times, execution).map(terms)).toEqual([
      ['h1', 'noa'],
      ['h2', 'mia'],
      ['h2', 'noa'],
    ])
  })

  it('an event exactly at the history start is history; before it, it is not', () => {
    const { events, times, all } = make([
      { user: 'edge', t: execution.historyFrom },
      { user: 'edge', t: RUN - 60_000 },
    ])
    expect(detectNewTerms(one, all, events, times, execution)).toEqual([])
    const before = make([
      { user: 'edge', t: execution.historyFrom - 1 },
      { user: 'edge', t: RUN - 60_000 },
    ])
    expect(detectNewTerms(one, before.all, before.events, before.times, execution).map(terms)).toEqual([['edge']])
  })

  it('without historyFrom, history_window_start is evaluated at the run', () => {
    const { events, times, all } = make([
      { user: 'seen', t: RUN - 7 * DAY },
      { user: 'old', t: RUN - 8 * DAY },
      { user: 'seen', t: RUN - 60_000 },
      { user: 'old', t: RUN - 50_000 },
    ])
    const { runAt, windowFrom } = execution
    expect(detectNewTerms(one, all, events, times, { runAt, windowFrom }).map(terms)).toEqual([['old']])
    expect(detectNewTerms({ ...one, historyWindowStart: 'now-9d' }, all, events, times, { runAt, windowFrom })).toEqual([])
  })

  it('an event exactly at the window start is in the window, not the history; the window end is inclusive', () => {
    const { events, times, all } = make([
      { user: 'w', t: execution.windowFrom },
      { user: 'w', t: RUN },
      { user: 'late', t: RUN + 1 },
    ])
    const got = detectNewTerms(one, all, events, times, execution)
    expect(got.map((d) => [terms(d), d.eventIndexes])).toEqual([[['w'], [0]]])
  })
})
