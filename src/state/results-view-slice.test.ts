import { describe, expect, it } from 'vitest'
import { createPlaygroundStore } from './store'

describe('results-view slice', () => {
  it('starts showing every event, nothing selected or hovered', () => {
    const s = createPlaygroundStore().getState()
    expect([s.onlyMatches, s.selectedIndex, s.hoveredSpan]).toEqual([false, null, null])
  })

  it('toggles only-matches and selects an event', () => {
    const store = createPlaygroundStore()
    store.getState().setOnlyMatches(true)
    store.getState().selectEvent(7)
    expect(store.getState()).toMatchObject({ onlyMatches: true, selectedIndex: 7 })
  })

  it('sets and clears the hovered span, notifying only when it changes', () => {
    const store = createPlaygroundStore()
    let notified = 0
    store.subscribe(() => notified++)
    store.getState().hoverSpan({ start: 3, end: 9 })
    store.getState().hoverSpan({ start: 3, end: 9 })
    expect(store.getState().hoveredSpan).toEqual({ start: 3, end: 9 })
    expect(notified).toBe(1)
    store.getState().hoverSpan(null)
    expect(store.getState().hoveredSpan).toBeNull()
    expect(notified).toBe(2)
  })
})
