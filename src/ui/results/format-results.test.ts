import { describe, expect, it } from 'vitest'
import { errorHeadline, formatDuration, formatOffset, matchCountText, timestampMs, windowText } from './format-results'

describe('matchCountText', () => {
  it('starts with the number of matches and groups digits', () => {
    expect(matchCountText('events', 3, 1204, 12.4)).toBe('3 matches of 1,204 events · 12 ms')
    expect(matchCountText('events', 1, 1, 0)).toBe('1 match of 1 event · 0 ms')
    expect(matchCountText('sequences', 1, 3, 2)).toBe('1 sequence of 3 events · 2 ms')
    expect(matchCountText('samples', 0, 200000, 1500)).toBe('0 samples of 200,000 events · 1.5 s')
  })
})

describe('durations and windows', () => {
  it('uses the largest unit with at most one decimal', () => {
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(12_500)).toBe('12.5 s')
    expect(formatDuration(180_000)).toBe('3 m')
    expect(formatDuration(5_400_000)).toBe('1.5 h')
    expect(formatDuration(2 * 86_400_000)).toBe('2 d')
    expect(formatOffset(0)).toBe('+0 ms')
    expect(formatOffset(42_000)).toBe('+42 s')
  })

  it('says how much of maxspan a sequence used, in the maxspan unit', () => {
    expect(windowText(180_000, 300_000)).toBe('3 of 5 m used')
    expect(windowText(90_000, 300_000)).toBe('1.5 of 5 m used')
    expect(windowText(500, 2000)).toBe('500 ms of 2 s used')
    expect(windowText(6_400, 60_000)).toBe('6.4 s of 1 m used')
    expect(windowText(0, 60_000)).toBe('0 ms of 1 m used')
    expect(windowText(null, 300_000)).toBe('maxspan 5 m')
  })

  it('reads ISO strings and epoch millis as timestamps', () => {
    expect(timestampMs('2026-11-23T10:00:00Z')).toBe(Date.UTC(2026, 10, 23, 10))
    expect(timestampMs('1700000000000')).toBe(1_700_000_000_000)
    expect(timestampMs(5)).toBe(5)
    expect(timestampMs('yesterday')).toBeNull()
    expect(timestampMs(undefined)).toBeNull()
  })
})

describe('errorHeadline', () => {
  it('says why there are no results, from the codes', () => {
    expect(errorHeadline(['EQL1002'])).toBe('The query does not parse (1 error); no results are shown.')
    expect(errorHeadline(['EQL2001', 'KQL1001'])).toBe('The query does not parse (2 errors); no results are shown.')
    expect(errorHeadline(['KQL2003'])).toBe('Elasticsearch would reject this search (1 error); no results are shown.')
    expect(errorHeadline(['EQL3001'])).toBe('The run was stopped (1 error); no results are shown.')
    expect(errorHeadline([])).toBe('The run produced no result.')
  })
})
