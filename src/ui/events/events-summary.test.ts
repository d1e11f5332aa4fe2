import { describe, expect, it } from 'vitest'
import { eventsCount, fileSummary, formatBytes, loadPhaseOf, loadText, percentOf } from './events-summary'

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

describe('load phases', () => {
  const load = { name: 'big.ndjson', size: 100_000_000, bytes: 25_000_000, events: 50_000, problems: 1 }

  it('reading: bytes, events and bad lines, with a percentage', () => {
    const p = loadPhaseOf(load, null)
    expect(p).toMatchObject({ phase: 'reading', percent: 25, valueText: '25%, 50,000 events' })
    expect(p && loadText(p)).toBe('25.0 MB of 100.0 MB · 50,000 events · 1 bad line')
  })

  it('indexing once every byte is read, then running the rule once the events are current', () => {
    const indexing = loadPhaseOf({ ...load, bytes: load.size, events: 200_000 }, null)
    expect(indexing).toMatchObject({ phase: 'indexing', percent: 100 })
    expect(indexing && loadText(indexing)).toBe('Indexing 200,000 events… · 1 bad line')
    const running = loadPhaseOf(null, { name: 'big.ndjson', size: load.size, events: 200_000 })
    expect(running).toMatchObject({ phase: 'running', percent: 100 })
    expect(running && loadText(running)).toBe('Running the rule over 200,000 events…')
  })

  it('nothing to show without a load; an unknown size never counts as indexing', () => {
    expect(loadPhaseOf(null, null)).toBeNull()
    expect(loadPhaseOf({ ...load, size: 0, bytes: 10 }, null)?.phase).toBe('reading')
  })
})
