import { describe, expect, it } from 'vitest'
import type { RunReport } from '../worker/protocol'
import { fakeRunReport } from './fake-run-report'
import { createPlaygroundStore } from './store'

const report = (severity?: 'error' | 'warning'): RunReport =>
  fakeRunReport('q', {
    diagnostics: severity ? [{ code: 'EQL0000', severity, message: 'm', span: { start: 0, end: 1 } }] : [],
    result: severity === 'error' ? null : { kind: 'events', count: 0 },
  })

describe('createPlaygroundStore', () => {
  it('makes independent stores', () => {
    const a = createPlaygroundStore({ query: 'a' })
    const b = createPlaygroundStore()
    a.getState().editQuery('changed')
    expect(b.getState().query).toBe('')
  })

  it('marks edits as running at once, before any run is sent', () => {
    const store = createPlaygroundStore()
    store.getState().finishRun(report())
    expect(store.getState().status).toBe('idle')
    store.getState().editEvents('{}', 'file.json')
    expect(store.getState()).toMatchObject({ status: 'running', eventsSource: 'file.json' })
  })

  it('is idle with warnings, in error with error diagnostics or a failure', () => {
    const store = createPlaygroundStore()
    store.getState().finishRun(report('warning'))
    expect(store.getState().status).toBe('idle')
    store.getState().finishRun(report('error'))
    expect(store.getState().status).toBe('error')
    store.getState().failRun({ code: 'timeout', message: 'stopped' })
    expect(store.getState()).toMatchObject({ status: 'error', report: null })
    store.getState().finishRun(report())
    expect(store.getState()).toMatchObject({ status: 'idle', failure: null })
  })

  it('merges settings edits', () => {
    const store = createPlaygroundStore({ settings: { size: 5 } })
    store.getState().editSettings({ tiebreakerField: 'event.sequence' })
    expect(store.getState().settings).toEqual({ size: 5, tiebreakerField: 'event.sequence' })
    // clearing a setting brings back the engine's default: the key goes, it is not set to undefined
    store.getState().editSettings({ size: undefined })
    expect(store.getState().settings).toEqual({ tiebreakerField: 'event.sequence' })
  })

  it('composes the document, run, events and results-view slices', () => {
    const store = createPlaygroundStore({ query: 'q', language: 'kql', eventsText: '{}', documentId: 'doc-1' })
    expect(store.getState()).toMatchObject({
      documentId: 'doc-1',
      query: 'q',
      language: 'kql',
      eventsText: '{}',
      status: 'running',
      runMs: null,
      onlyMatches: false,
      selectedIndex: null,
      hoveredSpan: null,
    })
    store.getState().finishRun(report())
    store.getState().setLanguage('kql') // unchanged: no re-run
    expect(store.getState().status).toBe('idle')
    store.getState().setLanguage('eql')
    expect(store.getState()).toMatchObject({ language: 'eql', status: 'running' })
  })

  it('merges KQL settings edits', () => {
    const store = createPlaygroundStore()
    store.getState().editKqlSettings({ mappings: { 'source.port': 'long' } })
    store.getState().editKqlSettings({ now: '2026-11-02T00:00:00Z' })
    expect(store.getState().kqlSettings).toEqual({ mappings: { 'source.port': 'long' }, now: '2026-11-02T00:00:00Z' })
  })

  it('detects the language of a pasted query, not of typing', () => {
    const store = createPlaygroundStore({ query: '' })
    store.getState().editQuery('process.name : "defaults"')
    expect(store.getState().language).toBe('kql')
    store.getState().editQuery('process.name : "defaults" and x:')
    expect(store.getState().language).toBe('kql')
    store.getState().editQuery('process where true')
    expect(store.getState().language).toBe('eql')
  })

  it('New keeps the previous document, and restoring swaps them back', () => {
    const store = createPlaygroundStore({ documentId: 'doc-a', query: 'process where true', eventsText: '{"a":1}', settings: { size: 3 } })
    store.getState().editEvents('{"a":1}', 'a.json')
    store.getState().newDocument()
    const fresh = store.getState()
    expect(fresh).toMatchObject({ query: '', eventsText: '', eventsSource: null, settings: {}, status: 'running' })
    expect(fresh.documentId).not.toBe('doc-a')
    expect(fresh.previousDocument).toMatchObject({ documentId: 'doc-a', query: 'process where true', eventsText: '{"a":1}', eventsSource: 'a.json', settings: { size: 3 } })

    store.getState().editQuery('process.name : sh')
    store.getState().restorePreviousDocument()
    expect(store.getState()).toMatchObject({ documentId: 'doc-a', query: 'process where true', eventsText: '{"a":1}', language: 'eql' })
    // the document New made is now the one set aside: undoing the undo is possible
    expect(store.getState().previousDocument).toMatchObject({ documentId: fresh.documentId, query: 'process.name : sh', language: 'kql' })
  })

  it('keeps shell state apart from the document', () => {
    const store = createPlaygroundStore()
    store.getState().setPaneLayout('main', { query: 30, events: 30, results: 40 })
    store.getState().togglePanel('settings')
    expect(store.getState().openPanel).toBe('settings')
    store.getState().newDocument()
    expect(store.getState().paneLayouts).toEqual({ main: { query: 30, events: 30, results: 40 } })
    store.getState().togglePanel('settings')
    expect(store.getState().openPanel).toBeNull()
  })
})
