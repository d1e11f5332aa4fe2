import { describe, expect, it } from 'vitest'
import { firstVisitState } from '../../examples/first-visit'
import { connectPersistence, loadSavedState, type TextStorage } from '../../state/effects-persist'
import { createPlaygroundStore, type InitialState } from '../../state/store'
import { acknowledgeNote, acknowledgedNotes, closeGuide, openGuide, resetAcknowledged } from './guide-notes'
import { ManualTimers } from '../../state/manual-timers'

/** localStorage as a Map. */
class MemoryStorage implements TextStorage {
  readonly items = new Map<string, string>()
  getItem = (key: string): string | null => this.items.get(key) ?? null
  setItem = (key: string, value: string): void => void this.items.set(key, value)
  removeItem = (key: string): void => void this.items.delete(key)
}

/** Timers that run only when told, so the save debounce is under the test's control. */
/** What main.tsx does on a load: the saved document, or the first visit when nothing was saved. */
async function load(storage: TextStorage): Promise<InitialState> {
  return (await loadSavedState(storage, null)).initial ?? firstVisitState()
}

describe('the first-visit guide', () => {
  it('shows again on a reload while it was not dismissed', async () => {
    const storage = new MemoryStorage()
    const timers = new ManualTimers()
    const store = createPlaygroundStore(await load(storage))
    connectPersistence(store, { storage, blobs: null, timers }).flush()
    expect((await load(storage)).guideOpen).toBe(true)
  })

  it('stays dismissed after a reload, although the example itself was never edited', async () => {
    const storage = new MemoryStorage()
    const timers = new ManualTimers()
    const store = createPlaygroundStore(await load(storage))
    const persistence = connectPersistence(store, { storage, blobs: null, timers })
    const before = store.getState()
    closeGuide(store)
    expect(store.getState().guideOpen).toBe(false)
    // the document is unchanged in content
    expect(store.getState().expectations).toEqual(before.expectations)
    expect(store.getState().query).toBe(before.query)
    persistence.flush()
    const next = await load(storage)
    expect(next.guideOpen ?? false).toBe(false)
    expect(next.query).toBe(before.query)
    expect(next.title).toBe(before.title)
  })

  it('counts acknowledged notes until the last one, and reopening shows them all', () => {
    const store = createPlaygroundStore(firstVisitState())
    resetAcknowledged()
    expect(acknowledgeNote('events')).toBe(false)
    expect(acknowledgeNote('query')).toBe(false)
    expect(acknowledgeNote('results')).toBe(true)
    closeGuide(store)
    expect(acknowledgedNotes().size).toBe(0)
    acknowledgeNote('query')
    openGuide(store)
    expect(store.getState().guideOpen).toBe(true)
    expect(acknowledgedNotes().size).toBe(0)
  })
})
