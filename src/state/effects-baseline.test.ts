import { describe, expect, it } from 'vitest'
import type { RunReport } from '../worker/protocol'
import { connectBaseline } from './effects-baseline'
import { fakeRunReport } from './fake-run-report'
import { createPlaygroundStore } from './store'

const report = (matchedIndexes: number[], over: Partial<RunReport> = {}): RunReport =>
  fakeRunReport('process where true', { eventCount: 4, matchedIndexes, ...over })

describe('baseline slice and effect', () => {
  it('pins only an idle run with a result and no error', () => {
    const store = createPlaygroundStore({})
    store.getState().pin(5)
    expect(store.getState().baseline).toBeNull() // still running
    store.getState().finishRun(report([1, 2], { diagnostics: [{ severity: 'error', code: 'x', message: 'bad', span: { start: 0, end: 1 } }] as unknown as RunReport['diagnostics'] }))
    store.getState().pin(5)
    expect(store.getState().baseline).toBeNull() // an error
    store.getState().finishRun(report([2, 1]))
    store.getState().pin(5)
    expect(store.getState().baseline).toMatchObject({ matched: [1, 2], eventsVersion: 1, pinnedAt: 5 })
    store.getState().unpin()
    expect(store.getState().baseline).toBeNull()
  })

  it('drops the pin when the events change, not when the query does', () => {
    const store = createPlaygroundStore({ eventsText: '{}' })
    const stop = connectBaseline(store)
    store.getState().finishRun(report([0]))
    store.getState().pin(1)
    store.getState().editQuery('process where false')
    expect(store.getState().baseline).not.toBeNull()
    store.getState().editEvents('{"a": 1}')
    expect(store.getState().baseline).toBeNull()
    stop()
  })
})
