import type { RunReport } from '../worker/protocol'

/**
 * A finished run's report for effect tests (analysis, compare, alerts follow the run): an EQL run
 * of `query` over dataset 1 with no matches unless `over` says otherwise. Test helper, like
 * manual-timers.ts.
 */
export const fakeRunReport = (query: string, over: Partial<RunReport> = {}): RunReport => ({
  query,
  language: 'eql',
  eventsVersion: 1,
  eventCount: 2,
  diagnostics: [],
  result: { kind: 'events', count: 0 },
  matchedIndexes: [],
  runId: 0,
  eventHits: [],
  events: [],
  histogram: null,
  elapsedMs: 1,
  ...over,
})
