import { describe, expect, it } from 'vitest'
import { connectPersistence, loadSavedState, STORAGE_KEYS } from './effects-persist'
import { FakeBlobs, FakeStorage } from './fake-storage'
import { ManualTimers } from './manual-timers'
import { createPlaygroundStore } from './store'
import { appKeysIn } from './stored-data'

const tick = () => new Promise((r) => setTimeout(r, 0))

/** A page with autosave, events big enough (over the inline limit of 100) to sit in the blob store. */
function page(storage = new FakeStorage(), blobs = new FakeBlobs()) {
  const timers = new ManualTimers()
  const store = createPlaygroundStore({ documentId: 'doc-1' })
  let cleared = 0
  const persistence = connectPersistence(store, { storage, blobs, timers, inlineLimit: 100, onCleared: () => cleared++ })
  return { store, storage, blobs, timers, persistence, cleared: () => cleared }
}

const BIG = `{"secret":"${'s'.repeat(300)}"}`

/** A page with a saved document, a large events blob, a previous document and pane sizes. */
async function savedPage() {
  const p = page()
  p.store.getState().editEvents(BIG, 'host.ndjson')
  p.store.getState().editQuery('process where user.name == "alice"')
  p.store.getState().setPaneLayout('main', { query: 30, events: 30, results: 40 })
  p.timers.flush()
  p.store.getState().newDocument()
  p.timers.flush()
  await tick()
  expect(p.storage.getItem(STORAGE_KEYS.previous)).toContain('alice')
  expect(p.blobs.items.size).toBe(1)
  return p
}

describe('Keep my work in this browser', () => {
  it('off removes every saved thing but the choice, and saves nothing more', async () => {
    const p = await savedPage()
    p.storage.setItem('other-site-key', 'not ours') // same origin, another app: left alone
    p.store.getState().setKeepWork(false)
    expect(Object.fromEntries(p.storage.items)).toEqual({ [STORAGE_KEYS.keepWork]: 'off', 'other-site-key': 'not ours' })
    await tick()
    expect(p.blobs.destroyed).toBe(1)
    expect(p.blobs.items.size).toBe(0)

    p.store.getState().editQuery('process where user.name == "bob"')
    p.store.getState().editEvents(BIG + '\n' + BIG)
    p.timers.flush()
    p.persistence.flush()
    await tick()
    expect(appKeysIn(p.storage)).toEqual([STORAGE_KEYS.keepWork])
    expect(p.blobs.puts).toBe(1) // only the one before "off"
  })

  it('stays off on the next visit: nothing is restored and the store starts with keepWork false', async () => {
    const p = await savedPage()
    p.store.getState().setKeepWork(false)
    const saved = await loadSavedState(p.storage, p.blobs)
    expect(saved).toEqual({ initial: null, eventsFile: null, problem: null })
    const next = page(p.storage, p.blobs)
    expect(next.store.getState().keepWork).toBe(false)
    next.store.getState().editQuery('any where true')
    next.timers.flush()
    expect(appKeysIn(p.storage)).toEqual([STORAGE_KEYS.keepWork])
  })

  it('on again saves the document at once (events, previous document, pane sizes) and forgets the choice', async () => {
    const p = await savedPage()
    p.store.getState().setKeepWork(false)
    await tick()
    p.store.getState().editQuery('process where user.name == "carol"')
    p.store.getState().setKeepWork(true)
    expect(p.storage.getItem(STORAGE_KEYS.keepWork)).toBeNull()
    await tick()
    const saved = await loadSavedState(p.storage, p.blobs)
    expect(saved.initial).toMatchObject({ query: 'process where user.name == "carol"', paneLayouts: { main: { query: 30, events: 30, results: 40 } } })
    expect(saved.initial?.previousDocument).toMatchObject({ query: 'process where user.name == "alice"', eventsText: BIG })
  })

  it('off clears a quota banner: there is nothing left to save', async () => {
    const p = page()
    p.storage.quota = 10
    p.store.getState().editQuery('process where true')
    p.timers.flush()
    expect(p.store.getState().storageProblem).toMatch(/full/)
    p.store.getState().setKeepWork(false)
    expect(p.store.getState().storageProblem).toBeNull()
  })
})

describe('Clear everything stored', () => {
  it('removes every key of ours and the blob database, then says done and hands over to the reload', async () => {
    const p = await savedPage()
    p.storage.setItem('rule-playground:some-later-feature', 'x') // a key a later feature adds is ours too
    p.storage.setItem('other-site-key', 'not ours')
    p.store.getState().requestClearStorage()
    expect(p.store.getState().clearStatus).toEqual({ kind: 'clearing' })
    await tick()
    expect([...p.storage.items.keys()]).toEqual(['other-site-key'])
    expect(p.blobs.destroyed).toBe(1)
    expect(p.store.getState().clearStatus).toEqual({ kind: 'done' })
    expect(p.cleared()).toBe(1)
    // the page reloads now: its page-hide flush and any late edit must not save the old document again
    p.store.getState().editQuery('process where user.name == "alice"')
    p.persistence.flush()
    p.timers.flush()
    expect(appKeysIn(p.storage)).toEqual([])
    expect(await loadSavedState(p.storage, p.blobs)).toEqual({ initial: null, eventsFile: null, problem: null })
  })

  it('keeps the "off" choice when autosave was off', async () => {
    const p = await savedPage()
    p.store.getState().setKeepWork(false)
    p.store.getState().requestClearStorage()
    await tick()
    expect(Object.fromEntries(p.storage.items)).toEqual({ [STORAGE_KEYS.keepWork]: 'off' })
  })

  it('says so when the storage refuses, and saving goes on so the page is not left unsaved', async () => {
    const p = await savedPage()
    p.blobs.destroy = () => Promise.reject(new Error('blocked'))
    p.store.getState().requestClearStorage()
    await tick()
    expect(p.store.getState().clearStatus).toEqual({ kind: 'failed', message: expect.stringMatching(/^Clearing failed \(blocked\)/) })
    expect(p.cleared()).toBe(0)
    p.store.getState().editQuery('any where true')
    p.timers.flush()
    expect(p.storage.getItem(STORAGE_KEYS.current)).toContain('any where true')
  })
})
