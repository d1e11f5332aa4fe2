import { describe, expect, it } from 'vitest'
import { compileGetter } from './field-getter'
import { beginScan, endScan, MAX_COLUMNS, prepareEvents, scan } from './prepared-events'

// reads every event through the getter as a runner does: inside a scan, event by event
function scanRead(events: readonly unknown[], get: (e: unknown) => unknown): unknown[] {
  const out: unknown[] = []
  beginScan(events)
  try {
    events.forEach((ev, i) => {
      scan.event = ev
      scan.index = i
      out.push(get(ev))
    })
  } finally {
    endScan()
  }
  return out
}

describe('prepared events', () => {
  const events: unknown[] = [
    { host: { os: { type: 'macos' } } },
    { 'host.os.type': 'linux', host: { os: { type: 'windows' } } },
    { host: [{ os: { type: 'a' } }, { os: { type: ['b', null] } }] },
    'not an object',
    null,
    { host: { os: { type: null } } },
  ]
  const plain = events.map((e) => compileGetter('host.os.type')(e))

  it('answers inside a scan exactly what the walk answers, first and later runs', () => {
    expect(scanRead(events, compileGetter('host.os.type'))).toEqual(plain)
    // a later run, and a getter compiled again (an edited query), reuse the cells
    expect(scanRead(events, compileGetter('host.os.type'))).toEqual(plain)
    expect(prepareEvents(events).columnCount).toBe(1)
  })

  it('keeps getters with different null_values apart', () => {
    const withNull = compileGetter('host.os.type', { nullValue: 'none' })
    expect(scanRead(events, compileGetter('host.os.type'))).toEqual(plain)
    expect(scanRead(events, withNull)[5]).toBe('none')
    expect(scanRead(events, compileGetter('host.os.type'))[5]).toBeUndefined()
  })

  it('walks any object other than the event being scanned', () => {
    const get = compileGetter('host.os.type')
    beginScan(events)
    scan.event = events[0]
    scan.index = 0
    expect(get({ host: { os: { type: 'other' } } })).toBe('other')
    endScan()
  })

  it('starts afresh when the array is edited in place', () => {
    const list: unknown[] = [{ a: 1 }, { a: 2 }]
    const get = compileGetter('a')
    expect(scanRead(list, get)).toEqual([1, 2])
    list[1] = { a: 3 }
    expect(scanRead(list, get)).toEqual([1, 3])
    list.push({ a: 4 })
    expect(scanRead(list, get)).toEqual([1, 3, 4])
  })

  it('walks the events once an event set has MAX_COLUMNS columns', () => {
    const list: unknown[] = [{ a: 1, b: 2 }]
    for (let k = 0; k < MAX_COLUMNS; k++) scanRead(list, compileGetter(`f${k}`))
    expect(prepareEvents(list).columnCount).toBe(MAX_COLUMNS)
    expect(scanRead(list, compileGetter('b'))).toEqual([2])
    expect(prepareEvents(list).columnCount).toBe(MAX_COLUMNS)
  })
})
