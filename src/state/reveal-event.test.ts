import { describe, expect, it } from 'vitest'
import { createPlaygroundStore } from './store'

describe('revealEvent', () => {
  it('selects the event and asks the list to scroll to it, again on each ask', () => {
    const store = createPlaygroundStore()
    expect(store.getState().revealRequest).toBeNull()
    store.getState().revealEvent(7)
    const first = store.getState().revealRequest
    expect(store.getState().selectedIndex).toBe(7)
    expect(first?.eventIndex).toBe(7)
    store.getState().revealEvent(7)
    expect(store.getState().revealRequest?.seq).not.toBe(first?.seq)
  })
})
