import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'
import type { EventsWindow } from '../../worker/protocol'
import { EventCache, type WindowRequest } from './event-pages'
import { workerEventWindows } from './event-window-source'

/**
 * Raw events for the rows in view. The worker holds the events; the list asks for the windows it
 * shows and keeps them in a per-dataset cache, so scrolling back is free and a query edit (same
 * dataset) keeps everything fetched. Matched events the run report already carries seed the cache.
 */

/** Where windows of events come from (the engine client in the page, a fake in tests). */
export interface EventWindowSource {
  getEvents(eventsVersion: number, request: WindowRequest): Promise<EventsWindow | null>
}

/**
 * Where the list gets its windows: the page's engine client unless a provider (a test, another
 * page) supplies a source; null shows only the events the report carries.
 */
export const EventWindowContext = createContext<EventWindowSource | null>(workerEventWindows)

export interface EventWindow {
  /** the event at `index`, or undefined while it is not loaded */
  eventAt(index: number): unknown
  /** asks for a window unless all its events are cached or the same window is on its way */
  request(request: WindowRequest): void
  /** changes whenever events arrive, for memoised children */
  readonly revision: number
}

/** The cache of events for dataset `version`, seeded with `seed` (the report's matched events). */
export function useEventWindow(version: number, seed: readonly (readonly [number, unknown])[]): EventWindow {
  const source = useContext(EventWindowContext)
  const cacheRef = useRef<EventCache | null>(null)
  const inFlightRef = useRef(new Set<string>())
  const [revision, setRevision] = useState(0)

  if (cacheRef.current?.version !== version) {
    cacheRef.current = new EventCache(version)
    inFlightRef.current = new Set()
  }
  const cache = cacheRef.current
  // Seeding is idempotent (same index, same event), so doing it during render is safe; each
  // report's events are stored once.
  const seededRef = useRef<{ cache: EventCache; seed: readonly (readonly [number, unknown])[] } | null>(null)
  if (seededRef.current?.cache !== cache || seededRef.current.seed !== seed) {
    cache.putAll(seed)
    seededRef.current = { cache, seed }
  }

  const request = useCallback(
    (req: WindowRequest) => {
      const inFlight = inFlightRef.current
      const key = windowKey(req)
      if (!source || inFlight.has(key) || indexesOf(req).every((i) => cache.has(i))) return
      inFlight.add(key)
      // A failed or superseded window is simply asked for again when it is next in view.
      const done = (): boolean => inFlight.delete(key)
      void source.getEvents(version, req).then(
        (win) => {
          done()
          if (!win || cacheRef.current !== cache || cache.version !== win.eventsVersion) return
          cache.putAll(win.items)
          setRevision((r) => r + 1)
        },
        done,
      )
    },
    [source, version, cache],
  )

  // A new dataset starts from an empty cache; drop the re-render counter with it.
  useEffect(() => setRevision(0), [version])

  const eventAt = useCallback((index: number) => cache.get(index), [cache])
  return { eventAt, request, revision }
}

function windowKey(req: WindowRequest): string {
  return 'indexes' in req ? `i${req.indexes.join(',')}` : `r${req.from}+${req.count}`
}

function indexesOf(req: WindowRequest): readonly number[] {
  return 'indexes' in req ? req.indexes : Array.from({ length: req.count }, (_, k) => req.from + k)
}
