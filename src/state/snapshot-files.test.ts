import { describe, expect, it } from 'vitest'
import { snapshotOf } from './document-slice'
import { createPlaygroundStore } from './store'

/**
 * The snapshot the autosave stores carries the streamed file(s) of the current events. The
 * autosave writes a file to IndexedDB again only when it is another object, so the snapshot must
 * hand out the same File while the same load is current — for one file and for several joined.
 */
describe('snapshotOf: streamed files', () => {
  const loaded = { version: 1, eventCount: 2, problems: [], schemaDiagnostics: [] }

  it('joins several loaded files once, so a query edit does not rewrite them', async () => {
    const store = createPlaygroundStore({ query: 'any where true' })
    const files = [new File(['{"a":1}'], 'a.ndjson'), new File(['{"b":2}'], 'b.ndjson')]
    store.getState().loadEventsFiles(files)
    store.getState().finishEventsLoad({ name: 'a.ndjson + b.ndjson', size: 14 }, loaded)
    const first = snapshotOf(store.getState()).eventsFile
    store.getState().editQuery('process where true')
    const second = snapshotOf(store.getState()).eventsFile
    expect(first).not.toBeNull()
    expect(second).toBe(first)
    expect(await first?.text()).toBe('{"a":1}\n{"b":2}')
  })

  it('a new load of the same files is a new file to save', () => {
    const store = createPlaygroundStore({ query: 'any where true' })
    const files = [new File(['{"a":1}'], 'a.ndjson'), new File(['{"b":2}'], 'b.ndjson')]
    store.getState().loadEventsFiles(files)
    store.getState().finishEventsLoad({ name: 'a.ndjson + b.ndjson', size: 14 }, loaded)
    const first = snapshotOf(store.getState()).eventsFile
    store.getState().loadEventsFiles([...files])
    store.getState().finishEventsLoad({ name: 'a.ndjson + b.ndjson', size: 14 }, loaded)
    expect(snapshotOf(store.getState()).eventsFile).not.toBe(first)
  })
})
