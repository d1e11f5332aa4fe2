import { describe, expect, it } from 'vitest'
import { ManualTimers } from '../../state/manual-timers'
import { createAnnounceQueue } from './announce-queue'

function setup() {
  const said: string[] = []
  const timers = new ManualTimers()
  const queue = createAnnounceQueue((t) => said.push(t), timers, 500)
  return { said, timers, queue }
}
const events = { eventCount: 120, problems: [] }

describe('createAnnounceQueue', () => {
  it('says an outcome only after the quiet time', () => {
    const { said, timers, queue } = setup()
    queue.update('3 of 120 events match', null)
    expect(said).toEqual([])
    expect(timers.lastMs).toBe(500)
    timers.flush()
    expect(said).toEqual(['3 of 120 events match'])
  })

  it('drops outcomes a newer run replaced before the quiet time ended (typing)', () => {
    const { said, timers, queue } = setup()
    queue.update('Query error: a', null)
    queue.update(null, null) // the next keystroke's run is in flight
    expect(timers.pending).toBeNull()
    queue.update('Query error: b', null)
    queue.update('2 of 120 events match', null)
    timers.flush()
    expect(said).toEqual(['2 of 120 events match'])
  })

  it('never says the same sentence twice in a row', () => {
    const { said, timers, queue } = setup()
    queue.update('1 of 120 events match', null)
    timers.flush()
    queue.update(null, null)
    queue.update('1 of 120 events match', null)
    timers.flush()
    queue.update('2 of 120 events match', null)
    timers.flush()
    expect(said).toEqual(['1 of 120 events match', '2 of 120 events match'])
  })

  it('says "Loaded …" once per event set, before the outcome over it', () => {
    const { said, timers, queue } = setup()
    queue.update('3 of 120 events match', events)
    timers.flush()
    queue.update('4 of 120 events match', events)
    timers.flush()
    const other = { eventCount: 5, problems: [{}, {}] }
    queue.update('No events match (of 5 events)', other)
    timers.flush()
    expect(said).toEqual(['Loaded 120 events. 3 of 120 events match', '4 of 120 events match', 'Loaded 5 events, 2 problems. No events match (of 5 events)'])
  })

  it('says nothing after it is disposed', () => {
    const { said, timers, queue } = setup()
    queue.update('3 of 120 events match', null)
    queue.dispose()
    timers.flush()
    expect(said).toEqual([])
  })
})
