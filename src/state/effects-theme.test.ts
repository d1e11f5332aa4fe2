import { describe, expect, it } from 'vitest'
import { connectColorScheme, type SchemeQuery } from './effects-theme'
import { createPlaygroundStore } from './store'

class FakeQuery implements SchemeQuery {
  private listener: ((e: { matches: boolean }) => void) | null = null
  constructor(public matches: boolean) {}
  addEventListener(_: 'change', l: (e: { matches: boolean }) => void): void {
    this.listener = l
  }
  removeEventListener(): void {
    this.listener = null
  }
  change(matches: boolean): void {
    this.matches = matches
    this.listener?.({ matches })
  }
}

describe('connectColorScheme', () => {
  it('follows the system scheme into the store and the theme attribute, live', () => {
    const store = createPlaygroundStore()
    const query = new FakeQuery(true)
    const attrs: Record<string, string> = {}
    const stop = connectColorScheme(store, query, { setAttribute: (n, v) => (attrs[n] = v) })
    expect(store.getState().colorScheme).toBe('dark')
    expect(attrs['data-theme']).toBe('dark')
    query.change(false)
    expect(store.getState().colorScheme).toBe('light')
    expect(attrs['data-theme']).toBe('light')
    stop()
    query.change(true)
    expect(store.getState().colorScheme).toBe('light')
  })
})
