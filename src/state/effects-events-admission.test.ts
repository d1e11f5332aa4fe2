import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Outcome } from '../worker/client'
import type { EventsLoaded, ResultMap } from '../worker/protocol'
import { connectEvents, type EventsEngine } from './effects-events'
import { createPlaygroundStore } from './store'

/**
 * The hook of file-admission.ts into the events effects: a refused file never reaches the editor
 * or the worker, and the events the user had (typed text, or a loaded file) stay current.
 */

/** An engine that records what it is sent; every stream succeeds at once. */
class RecordingEngine implements EventsEngine {
  readonly calls: string[] = []
  setEvents(text: string): Promise<Outcome<ResultMap['setEvents']>> {
    this.calls.push(`setEvents:${text}`)
    return Promise.resolve({ status: 'ok', result: { version: 9, eventCount: 1, problems: [], schemaDiagnostics: [] } })
  }
  streamEvents(blob: Blob, options: { name?: string } = {}): Promise<Outcome<EventsLoaded>> {
    this.calls.push(`stream:${options.name ?? ''}:${blob.size}`)
    return Promise.resolve({ status: 'ok', result: { version: 3, eventCount: 2, problems: [], schemaDiagnostics: [] } })
  }
}

/** Settles the effects' awaits (Blob reads resolve after a few macrotasks in Node). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}

function setup() {
  const store = createPlaygroundStore({ query: 'any where true', eventsText: '{"typed":true}' })
  const engine = new RecordingEngine()
  connectEvents(store, engine, { editableBytes: 64, admission: { maxBytes: 1000 } })
  return { store, engine }
}

describe('connectEvents with file admission', () => {
  it('refuses a gzip file: the typed text stays, nothing is sent, the note says to decompress', async () => {
    const { store, engine } = setup()
    store.getState().loadEventsFiles([new File([gzipSync('{"a":1}\n')], 'events.ndjson.gz')])
    await settle()
    expect(engine.calls).toEqual([])
    expect(store.getState()).toMatchObject({ eventsText: '{"typed":true}', eventsFile: null, eventsLoad: null })
    expect(store.getState().eventsLoadNote).toMatch(/gzip file.*decompress it first/)
  })

  it('refuses a file over the limit before streaming it, keeping a loaded file current', async () => {
    const { store, engine } = setup()
    store.getState().loadEventsFiles([new File(['{"a":1}\n'.repeat(20)], 'first.ndjson')])
    await settle()
    expect(store.getState().eventsFile?.name).toBe('first.ndjson')
    store.getState().loadEventsFiles([new File(['{"a":1}\n'.repeat(200)], 'big.ndjson')])
    await settle()
    expect(engine.calls).toEqual(['stream:first.ndjson:160'])
    expect(store.getState().eventsFile?.name).toBe('first.ndjson')
    expect(store.getState().eventsLoadNote).toMatch(/^big\.ndjson is 1\.6 kB; the playground loads up to 1\.0 kB/)
  })

  it('lets a text file through as before', async () => {
    const { store } = setup()
    store.getState().loadEventsFiles([new File(['{"b":2}'], 'b.json')])
    await settle()
    expect(store.getState()).toMatchObject({ eventsText: '{"b":2}', eventsSource: 'b.json', eventsLoadNote: null })
  })
  it('keeps the typed text when a small file can no longer be read after its first KBs', async () => {
    const { store, engine } = setup()
    // the admission's 4 KB peek succeeds; the whole read fails (the file moved in between)
    const vanishing = new File(['{"c":3}'], 'moved.json')
    Object.defineProperty(vanishing, 'text', { value: () => Promise.reject(new DOMException('The file could not be read', 'NotReadableError')) })
    store.getState().loadEventsFiles([vanishing])
    await settle()
    expect(engine.calls).toEqual([])
    expect(store.getState()).toMatchObject({ eventsText: '{"typed":true}', eventsFile: null })
    expect(store.getState().eventsLoadNote).toBe('moved.json could not be read (The file could not be read); the previous events are kept.')
  })
})
