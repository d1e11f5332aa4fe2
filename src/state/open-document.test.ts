import { describe, expect, it } from 'vitest'
import { createPlaygroundStore } from './store'

/** openDocument: what an example, a link or an import replaces, and what it keeps. */
describe('openDocument', () => {
  const start = () =>
    createPlaygroundStore({
      query: 'process where true',
      eventsText: '{"id":1}\n{"id":2}',
      expectations: [{ eventIndex: 1, expect: 'match' }],
      title: 'mine',
    })

  it('replaces the whole document and keeps the old one restorable', () => {
    const store = start()
    store.getState().openDocument({ query: 'a : 1', language: 'kql', eventsText: '{"a":1}', title: 'Example', task: 'Look.' })
    const s = store.getState()
    expect(s).toMatchObject({ query: 'a : 1', language: 'kql', eventsText: '{"a":1}', title: 'Example', task: 'Look.', expectations: [], rule: null })
    expect(s.previousDocument).toMatchObject({ query: 'process where true', title: 'mine', expectations: [{ eventIndex: 1, expect: 'match' }] })
    s.restorePreviousDocument()
    expect(store.getState()).toMatchObject({ query: 'process where true', eventsText: '{"id":1}\n{"id":2}', title: 'mine' })
  })

  it('without events keeps the events at hand, not the old expected outcomes', () => {
    const store = start()
    const before = store.getState()
    store.getState().openDocument({ query: 'file where true', language: 'eql', title: 'Imported' })
    const s = store.getState()
    expect(s.eventsText).toBe(before.eventsText)
    expect(s.eventsInfo).toBe(before.eventsInfo)
    expect(s.expectations).toEqual([])
    expect(s.previousDocument?.expectations).toEqual([{ eventIndex: 1, expect: 'match' }])
    expect(s).toMatchObject({ query: 'file where true', title: 'Imported' })
    expect(s.documentId).not.toBe(before.documentId)
  })

  it('takes the expected outcomes the document brings', () => {
    const store = start()
    store.getState().openDocument({ query: 'q', language: 'eql', expectations: [{ eventIndex: 0, expect: 'no-match' }] })
    expect(store.getState().expectations).toEqual([{ eventIndex: 0, expect: 'no-match' }])
  })
})
