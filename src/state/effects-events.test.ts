import { describe, expect, it } from 'vitest'
import type { Outcome, StreamOptions } from '../worker/client'
import type { EventsLoaded, ResultMap } from '../worker/protocol'
import { connectEvents, joinFiles, nameOf, type EventsEngine } from './effects-events'
import { createPlaygroundStore } from './store'

/** An engine whose stream the test drives: it records calls and settles when told to. */
class FakeEngine implements EventsEngine {
  readonly calls: string[] = []
  streams: { blob: Blob; options: StreamOptions; settle: (o: Outcome<EventsLoaded>) => void }[] = []
  setEvents(text: string): Promise<Outcome<ResultMap['setEvents']>> {
    this.calls.push(`setEvents:${text}`)
    return Promise.resolve({ status: 'ok', result: { version: 9, eventCount: 1, problems: [], schemaDiagnostics: [] } })
  }
  streamEvents(blob: Blob, options: StreamOptions = {}): Promise<Outcome<EventsLoaded>> {
    this.calls.push(`stream:${options.name ?? ''}:${blob.size}`)
    return new Promise((settle) => {
      this.streams.push({ blob, options, settle })
      options.signal?.addEventListener('abort', () => settle({ status: 'failed', failure: { code: 'cancelled', message: 'cancelled' } }))
    })
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))
const loaded = (eventCount: number): EventsLoaded => ({ version: 2, eventCount, problems: [{ line: 3, message: 'bad' }], schemaDiagnostics: [] })

function setup() {
  const store = createPlaygroundStore({ query: 'any where true', eventsText: '{"typed":true}' })
  const engine = new FakeEngine()
  const stop = connectEvents(store, engine, { editableBytes: 10 })
  return { store, engine, stop }
}

describe('connectEvents', () => {
  it('puts small files into the editor as text, several joined line by line', async () => {
    const { store, engine } = setup()
    store.getState().loadEventsFiles([new File(['{"a":1}'], 'a.json'), new File(['{}'], 'b.json')])
    await tick()
    expect(store.getState()).toMatchObject({ eventsText: '{"a":1}\n{}', eventsSource: 'a.json + b.json', eventsFile: null })
    expect(engine.calls).toEqual([])
  })

  it('streams a large file with progress, keeps the typed text, and asks for a run when it is current', async () => {
    const { store, engine } = setup()
    const runs = store.getState().runNowRequests
    store.getState().loadEventsFiles([new File(['{"big":"yes, more than ten bytes"}'], 'big.ndjson')])
    await tick()
    expect(engine.calls).toEqual(['stream:big.ndjson:34'])
    expect(store.getState().eventsLoad).toMatchObject({ name: 'big.ndjson', bytes: 0 })
    engine.streams[0]?.options.onProgress?.({ datasetVersion: 2, bytes: 16, size: 34, events: 0, problems: 0 })
    expect(store.getState().eventsLoad).toMatchObject({ bytes: 16, size: 34 })
    engine.streams[0]?.settle({ status: 'ok', result: loaded(1) })
    await tick()
    expect(store.getState()).toMatchObject({ eventsLoad: null, eventsFile: { name: 'big.ndjson', size: 34 }, eventsInfo: { eventCount: 1 }, eventsText: '{"typed":true}' })
    expect(store.getState().runNowRequests).toBe(runs + 1)
    // the load bar stays (running the rule) until that run reports
    expect(store.getState().eventsSettling).toEqual({ name: 'big.ndjson', size: 34, events: 1 })
    store.getState().editQuery('process where true')
    expect(store.getState().eventsSettling).not.toBeNull()
    store.getState().clearResults()
    expect(store.getState().eventsSettling).toBeNull()
  })

  it('cancel stops the load, says so, and leaves the current events alone', async () => {
    const { store, engine } = setup()
    store.getState().loadEventsFiles([new File(['x'.repeat(50)], 'huge.ndjson')])
    await tick()
    store.getState().cancelEventsLoad()
    await tick()
    expect(engine.streams[0]?.options.signal?.aborted).toBe(true)
    expect(store.getState()).toMatchObject({ eventsLoad: null, eventsFile: null, eventsLoadNote: expect.stringContaining('cancelled') })
  })

  it('going back from a file to the text sends the text once; query edits send nothing', async () => {
    const { store, engine } = setup()
    store.getState().loadEventsFiles([new File(['y'.repeat(50)], 'f.ndjson')])
    await tick()
    engine.streams[0]?.settle({ status: 'ok', result: loaded(5) })
    await tick()
    store.getState().editQuery('process where true')
    store.getState().editQuery('process where false')
    store.getState().useEventsText()
    await tick()
    expect(engine.calls).toEqual(['stream:f.ndjson:50', 'setEvents:{"typed":true}'])
    expect(store.getState().eventsFile).toBeNull()
  })

  it('a newer load replaces one in progress', async () => {
    const { store, engine } = setup()
    store.getState().loadEventsFiles([new File(['1'.repeat(20)], 'one')])
    await tick()
    store.getState().loadEventsFiles([new File(['2'.repeat(30)], 'two')])
    await tick()
    expect(engine.streams[0]?.options.signal?.aborted).toBe(true)
    engine.streams[1]?.settle({ status: 'ok', result: loaded(2) })
    await tick()
    expect(store.getState().eventsFile?.name).toBe('two')
  })
})

describe('file helpers', () => {
  it('names and joins files with a line break between them', async () => {
    const files = [new File(['{"a":1}'], 'a'), new File(['{"b":2}'], 'b')]
    expect(nameOf(files)).toBe('a + b')
    expect(await joinFiles(files).text()).toBe('{"a":1}\n{"b":2}')
    expect(joinFiles([files[0] as File])).toBe(files[0])
  })
})
