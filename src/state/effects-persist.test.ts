import { describe, expect, it } from 'vitest'
import { connectPersistence, loadSavedState, STORAGE_KEYS, type BlobStorage, type TextStorage } from './effects-persist'
import { createPlaygroundStore, type InitialState } from './store'
import { FakeBlobs, FakeStorage } from './fake-storage'
import { ManualTimers } from './manual-timers'

const tick = () => new Promise((r) => setTimeout(r, 0))

function setup(initial: InitialState = {}, inlineLimit = 100) {
  const storage = new FakeStorage()
  const blobs = new FakeBlobs()
  const timers = new ManualTimers()
  const store = createPlaygroundStore({ documentId: 'doc-1', ...initial })
  const persistence = connectPersistence(store, { storage, blobs, timers, inlineLimit })
  return { store, storage, blobs, timers, persistence }
}

/** A page reload: a new store from what storage holds. */
async function reload(storage: TextStorage, blobs: BlobStorage | null) {
  const saved = await loadSavedState(storage, blobs)
  return { store: createPlaygroundStore(saved.initial ?? {}), problem: saved.problem }
}

describe('autosave', () => {
  it('saves the whole document after the debounce and restores it on reload', async () => {
    const { store, storage, blobs, timers } = setup()
    store.getState().editQuery('process.name : "defaults"')
    store.getState().editEvents('{"a":1}', 'a.json')
    store.getState().editSettings({ tiebreakerField: 'event.sequence' })
    store.getState().editKqlSettings({ mappings: { 'source.port': 'long' }, now: '2026-11-02T00:00:00Z' })
    store.getState().setPaneLayout('main', { query: 40, events: 20, results: 40 })
    expect(storage.items.size).toBe(0) // nothing before the debounce
    timers.flush()

    const { store: again, problem } = await reload(storage, blobs)
    expect(problem).toBeNull()
    expect(again.getState()).toMatchObject({
      documentId: 'doc-1',
      query: 'process.name : "defaults"',
      language: 'kql',
      eventsText: '{"a":1}',
      eventsSource: 'a.json',
      settings: { tiebreakerField: 'event.sequence' },
      kqlSettings: { mappings: { 'source.port': 'long' }, now: '2026-11-02T00:00:00Z' },
      paneLayouts: { main: { query: 40, events: 20, results: 40 } },
      status: 'running', // a reload mid-run simply runs again
    })
  })

  it('saves an exception item or a lost mark on its own (no other edit needed) and restores both', async () => {
    const { store, storage, blobs, timers } = setup({ query: 'process where true' })
    timers.flush()
    const item = { name: 'JAMF', entries: [{ field: 'process.parent.name', operator: 'included' as const, type: 'match' as const, value: 'jamf' }] }
    store.getState().setExceptions([item])
    timers.flush()
    expect(storage.getItem(STORAGE_KEYS.current)).toContain('"JAMF"')
    const lost = { eventIndex: 4, expect: 'match' as const, note: 'the hook', fingerprint: 'f-123' }
    store.getState().followExpectations({ expectations: [], lost: [lost], eventsVersion: 1 })
    timers.flush()
    expect(storage.getItem(STORAGE_KEYS.current)).toContain('"f-123"')

    const { store: again } = await reload(storage, blobs)
    expect(again.getState().exceptions).toEqual([item])
    expect(again.getState().lostExpectations).toEqual([lost])
  })

  it('flush saves at once (page hide), and an unchanged document is not rewritten', () => {
    const { store, storage, persistence } = setup()
    store.getState().editQuery('any where true')
    persistence.flush()
    expect(storage.getItem(STORAGE_KEYS.current)).toContain('any where true')
    const writes = storage.writes
    store.getState().selectEvent(3) // view state: not saved
    persistence.flush()
    expect(storage.writes).toBe(writes)
  })

  it('puts large events in the blob store under the document id, written once', async () => {
    const { store, storage, blobs, timers } = setup()
    const big = `{"x":"${'y'.repeat(200)}"}`
    store.getState().editEvents(big, 'big.json')
    timers.flush()
    expect(storage.getItem(STORAGE_KEYS.current)).not.toContain('yyyy')
    expect(blobs.items.get('events:doc-1')).toBe(big)
    store.getState().editQuery('any where true')
    timers.flush()
    expect(blobs.puts).toBe(1) // a query edit does not rewrite the events
    await tick()
    const { store: again } = await reload(storage, blobs)
    expect(again.getState()).toMatchObject({ eventsText: big, eventsSource: 'big.json', query: 'any where true' })
  })

  it('keeps the document New set aside across a reload, and drops blobs nobody points at', async () => {
    const { store, storage, blobs, timers } = setup({ query: 'process where true' })
    const big = `[${'{"a":1},'.repeat(40)}{}]`
    store.getState().editEvents(big)
    timers.flush()
    store.getState().newDocument()
    const secondId = store.getState().documentId
    store.getState().editQuery('any where true')
    timers.flush()
    const { store: again } = await reload(storage, blobs)
    expect(again.getState()).toMatchObject({ documentId: secondId, query: 'any where true', eventsText: '' })
    again.getState().restorePreviousDocument()
    expect(again.getState()).toMatchObject({ documentId: 'doc-1', query: 'process where true', eventsText: big })

    // A second New pushes doc-1 out for good: its events blob goes too.
    store.getState().newDocument()
    timers.flush()
    await tick()
    expect([...blobs.items.keys()]).toEqual([])
  })

  it('keeps a streamed events file whole in the blob store and hands it back on reload', async () => {
    const { store, storage, blobs, timers } = setup({ query: 'any where true' })
    const file = new File(['{"big":1}\n{"big":2}'], 'big.ndjson')
    store.getState().loadEventsFiles([file])
    store.getState().finishEventsLoad({ name: 'big.ndjson', size: file.size }, { version: 1, eventCount: 2, problems: [], schemaDiagnostics: [] })
    // saved at once, not after the debounce: the blob write must not wait for a page-hide flush
    expect(blobs.items.get('events-file:doc-1')).toBe(file)
    const saved = await loadSavedState(storage, blobs)
    expect(saved.eventsFile?.name).toBe('big.ndjson')
    expect(await saved.eventsFile?.text()).toBe('{"big":1}\n{"big":2}')

    // Back to typed events: the file is no longer part of the document, and its blob goes.
    store.getState().editEvents('{"small":1}')
    timers.flush()
    await tick()
    expect(blobs.items.has('events-file:doc-1')).toBe(false)
    expect((await loadSavedState(storage, blobs)).eventsFile).toBeNull()
  })

  it('reports a full localStorage in a banner, moves events to the blob store, and clears the banner once saving works', () => {
    const { store, storage, blobs, timers } = setup({}, 10_000)
    storage.quota = 500
    const events = '{"a":"' + 'b'.repeat(600) + '"}'
    store.getState().editEvents(events)
    timers.flush()
    // Inline did not fit; the events went to IndexedDB and the small document was saved.
    expect(store.getState().storageProblem).toBeNull()
    expect(blobs.items.get('events:doc-1')).toBe(events)

    storage.quota = 10
    store.getState().editQuery('process where true')
    timers.flush()
    expect(store.getState().storageProblem).toMatch(/^Autosave failed: .*storage .* is full/)

    storage.quota = Infinity
    store.getState().editQuery('process where false')
    timers.flush()
    expect(store.getState().storageProblem).toBeNull()
  })

  it('reports a failing IndexedDB write, never silently', async () => {
    const { store, blobs, timers } = setup()
    blobs.failing = true
    store.getState().editEvents('x'.repeat(500))
    timers.flush()
    await tick()
    expect(store.getState().storageProblem).toMatch(/^Autosave failed/)
  })

  it('reports large events when there is no IndexedDB at all', () => {
    const storage = new FakeStorage()
    const timers = new ManualTimers()
    const store = createPlaygroundStore({ documentId: 'doc-1' })
    connectPersistence(store, { storage, blobs: null, timers, inlineLimit: 10 })
    store.getState().editEvents('x'.repeat(50))
    timers.flush()
    expect(store.getState().storageProblem).toMatch(/IndexedDB/)
  })
})

describe('loadSavedState', () => {
  it('is empty for a first visit and ignores what is not ours', async () => {
    const storage = new FakeStorage()
    expect(await loadSavedState(storage, null)).toEqual({ initial: null, eventsFile: null, problem: null })
    storage.items.set(STORAGE_KEYS.current, '{not json')
    storage.items.set(STORAGE_KEYS.previous, JSON.stringify({ version: 99, documentId: 'x' }))
    expect(await loadSavedState(storage, null)).toEqual({ initial: null, eventsFile: null, problem: null })
  })

  it('says so when saved events are gone from the blob store, and keeps the rest', async () => {
    const storage = new FakeStorage()
    storage.items.set(
      STORAGE_KEYS.current,
      JSON.stringify({ version: 1, documentId: 'd', query: 'q', language: 'eql', events: { where: 'blob', key: 'events:d', length: 9 } }),
    )
    const saved = await loadSavedState(storage, new FakeBlobs())
    expect(saved.problem).toMatch(/could not be read back/)
    expect(saved.initial).toMatchObject({ documentId: 'd', query: 'q', eventsText: '' })
  })

  it('reports storage that cannot be read at all', async () => {
    const storage = new FakeStorage()
    storage.getItem = () => {
      throw new Error('The operation is insecure.')
    }
    const saved = await loadSavedState(storage, null)
    expect(saved.problem).toMatch(/insecure/)
  })
})
