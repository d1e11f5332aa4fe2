import { describe, expect, it } from 'vitest'
import { eventsCount, fileSummary, formatBytes, percentOf } from './events-summary'

describe('events summary text', () => {
  it('formats sizes, counts and percentages', () => {
    expect([formatBytes(999), formatBytes(1500), formatBytes(52_428_800)]).toEqual(['999 B', '1.5 kB', '52.4 MB'])
    expect([eventsCount(1), eventsCount(40000)]).toEqual(['1 event', '40,000 events'])
    expect([percentOf(0, 0), percentOf(50, 200), percentOf(300, 200)]).toEqual([0, 25, 100])
  })

  it('summarises a loaded file with its counts and total problems', () => {
    const text = fileSummary('big.ndjson', 50_000_000, { version: 2, eventCount: 1234, problems: [], problemCount: 2, schemaDiagnostics: [] })
    expect(text).toContain('big.ndjson (50.0 MB)')
    expect(text).toContain('1,234 events read, 2 lines could not be read')
  })
})
