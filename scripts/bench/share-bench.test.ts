import { describe, expect, it } from 'vitest'
import { LOGIN_HOOK_CURRENT } from '../../src/examples/login-hook-current'
import { generateEvents } from './generate-events'
import { SHARE_EVENTS, shareFigures, shareSource } from './share-bench'

describe('the share link figures', () => {
  const source = shareSource(generateEvents({ size: SHARE_EVENTS }).events)

  it('time a realistic document: the Login/Logout Hook example, 500 events, outcomes and exception items', () => {
    expect(source.query).toBe(LOGIN_HOOK_CURRENT.query)
    expect(source.eventsText.split('\n')).toHaveLength(SHARE_EVENTS)
    expect(source.expectations?.length).toBeGreaterThan(LOGIN_HOOK_CURRENT.events.length)
    expect(source.exceptions.length).toBe(2)
    expect(source.title).toBe(LOGIN_HOOK_CURRENT.title)
  })

  it('refuses too few generated events rather than timing a smaller document', () => {
    expect(() => shareSource(generateEvents({ size: 10 }).events)).toThrow(/needs 500 events/)
  })

  it('give encode, decode and the dialog each against 50 ms at the 500-event size, after a checked round trip', async () => {
    const figures = await shareFigures(source, 2)
    const judged = figures.rows.filter((r) => r.target !== null)
    expect(judged.map((r) => r.name)).toEqual([
      'share link, 500 events: encode, median of 2',
      'share link, 500 events: encode, max of 2 (1st cold)',
      "share link, 500 events: share dialog's encode, median",
      'share link, 500 events: decode, median of 2',
      'share link, 500 events: decode, max of 2 (1st cold)',
    ])
    for (const r of judged) expect(r).toMatchObject({ unit: 'ms', target: { at: 'most', bound: 50 }, scale: { events: 500, full: 500 } })
    expect(figures.linkChars).toBeGreaterThan(1000)
  })
})
