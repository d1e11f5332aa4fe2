import type { PlaygroundStore } from './store'

/**
 * A baseline says what the query matched over particular events: once the events change (an
 * edit, a file, another document's events) "new" and "lost" would compare different events, so
 * the pin is dropped. Returns a function that stops watching.
 */
export function connectBaseline(store: PlaygroundStore): () => void {
  return store.subscribe((s, prev) => {
    if (s.baseline === null) return
    if (s.eventsText !== prev.eventsText || s.eventsFile !== prev.eventsFile) s.unpin()
  })
}
