import { describe, expect, it } from 'vitest'
import type { CompareReport } from '../worker/protocol'
import { currentComparison, type CompareOther } from './compare-slice'
import { createPlaygroundStore } from './store'

const OTHER: CompareOther = { language: 'kql', query: 'a:2', label: 'Pasted query', source: 'pasted' }

const comparison = (a: string, b: CompareOther, eventsVersion = 1): CompareReport => {
  const side = (language: 'eql' | 'kql', query: string) => ({ language, query, diagnostics: [], ran: true, resultKind: 'events' as const, matched: [] })
  return { eventsVersion, eventCount: 0, a: side('eql', a), b: side(b.language, b.query), comparable: true, disagreements: [], disagreementTotal: 0, stopped: false }
}

describe('compare slice', () => {
  it('opens the docked panel with the other version, and keeps the chosen one when opened again without', () => {
    const store = createPlaygroundStore({ query: 'any where a == 1' })
    store.getState().openCompare(OTHER)
    expect(store.getState().openPanel).toBe('compare')
    store.getState().closePanel()
    store.getState().openCompare()
    expect(store.getState().compareOther).toBe(OTHER)
  })

  it('shows a comparison only for the current query, the chosen version and the events of the latest run', () => {
    const store = createPlaygroundStore({ query: 'any where a == 1' })
    store.getState().setCompareOther(OTHER)
    store.getState().finishCompare(comparison('any where a == 1', OTHER))
    expect(currentComparison(store.getState())).not.toBeNull()
    store.getState().setCompareOther({ ...OTHER, query: 'a:3' })
    expect(currentComparison(store.getState())).toBeNull()
    store.getState().setCompareOther(OTHER)
    store.getState().editQuery('any where a == 2')
    expect(currentComparison(store.getState())).toBeNull()
    store.getState().editQuery('any where a == 1')
    store.getState().finishRun({ query: 'any where a == 1', language: 'eql', eventsVersion: 2, eventCount: 0, diagnostics: [], result: null, matchedIndexes: [], runId: 0, events: [], eventHits: [], histogram: null, elapsedMs: 0 })
    expect(currentComparison(store.getState())).toBeNull()
  })

  it('records a failure until the next comparison starts', () => {
    const store = createPlaygroundStore()
    store.getState().failCompare('over budget')
    expect(store.getState()).toMatchObject({ compareStatus: 'failed', compareFailure: 'over budget' })
    store.getState().startCompare()
    expect(store.getState()).toMatchObject({ compareStatus: 'running', compareFailure: null })
  })
})
