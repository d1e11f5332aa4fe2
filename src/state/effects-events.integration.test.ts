import { describe, expect, it } from 'vitest'
import { EngineClient } from '../worker/client'
import { LoopbackWorker } from '../worker/loopback-worker'
import type { Request } from '../worker/protocol'
import { connectEngine } from './effects'
import { connectEvents } from './effects-events'
import { createPlaygroundStore, type PlaygroundStore } from './store'

/**
 * The page's wiring in Node: store, run effects, event-file effects and the real client over the
 * real dispatcher. The claim tested is the issue's: events are sent once per dataset, and a query
 * edit never re-sends them (counted in the messages the worker received).
 */
function setup() {
  const workers: LoopbackWorker[] = []
  const client = new EngineClient((e) => {
    const w = new LoopbackWorker(e)
    workers.push(w)
    return w
  })
  const line = (i: number, name: string) => JSON.stringify({ '@timestamp': `2026-01-01T00:00:0${i}Z`, event: { category: 'process' }, process: { name } })
  const store = createPlaygroundStore({ query: 'process where process.name == "a"', eventsText: [line(0, 'a'), line(1, 'b')].join('\n') })
  connectEngine(store, client, { debounceMs: 0 })
  connectEvents(store, client, { editableBytes: 100 })
  const sent = (kind: Request['kind']) => workers.flatMap((w) => w.sent).filter((r) => r.kind === kind).length
  return { store, sent, line }
}

/** Resolves once the store's run status is `idle` again (a run answered). */
function idle(store: PlaygroundStore): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().status === 'idle' && store.getState().report) return resolve()
    const stop = store.subscribe((s) => {
      if (s.status === 'idle' && s.report) {
        stop()
        resolve()
      }
    })
  })
}

describe('events pipeline wiring', () => {
  it('query edits run without re-sending the events; a file is streamed once; back to text sends the text once', async () => {
    const { store, sent, line } = setup()
    await idle(store)
    expect(store.getState().report?.matchedIndexes).toEqual([0])
    for (const q of ['process where process.name == "b"', 'process where true', 'process where process.name == "a"']) {
      store.getState().editQuery(q)
      await idle(store)
    }
    expect(sent('setEvents')).toBe(1)
    expect(sent('run')).toBeGreaterThanOrEqual(4)

    const big = Array.from({ length: 20 }, (_, i) => line(i % 10, i === 7 ? 'a' : 'c')).join('\n')
    store.getState().loadEventsFiles([new File([big], 'big.ndjson')])
    await new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (s.eventsFile) {
          stop()
          resolve()
        }
      })
    })
    await idle(store)
    expect(store.getState().report).toMatchObject({ eventCount: 20, matchedIndexes: [7] })
    store.getState().editQuery('process where process.name == "c"')
    await idle(store)
    expect([sent('setEvents'), sent('beginEvents'), sent('endEvents')]).toEqual([1, 1, 1])

    store.getState().useEventsText()
    await idle(store)
    expect(store.getState().report).toMatchObject({ eventCount: 2 })
    expect(sent('setEvents')).toBe(2)
  })
})
