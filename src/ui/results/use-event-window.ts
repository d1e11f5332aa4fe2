import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'
import type { EventHits, EventsWindow } from '../../worker/protocol'
import { EventCache, type WindowRequest } from './event-pages'
import { workerEventWindows } from './event-window-source'
import { HitsCache } from './hits-cache'

/**
 * Raw events and their hits for the rows in view. The worker holds the events and the latest
 * runs; the list asks for the windows it shows, with the report's run id, and gets the events
 * and, computed for those rows only, their hits in that run. Events are cached per dataset (a
 * query edit keeps everything fetched), hits per run (a new report asks again for the rows in
 * view). The report's first page of matched events and their hits seed both caches.
 */

/** Where windows of events come from (the engine client in the page, a fake in tests). */
export interface EventWindowSource {
  /** `runId`: also answer the hits of the window's events in that run (when the worker holds it) */
  getEvents(eventsVersion: number, request: WindowRequest, runId?: number): Promise<EventsWindow | null>
}

/**
 * Where the list gets its windows: the page's engine client unless a provider (a test, another
 * page) supplies a source; null shows only the events the report carries.
 */
export const EventWindowContext = createContext<EventWindowSource | null>(workerEventWindows)

export interface EventWindow {
  /** the event at `index`, or undefined while it is not loaded */
  eventAt(index: number): unknown
  /** the event's hits in the report's run: null when not matched, undefined while not known */
  hitsAt(index: number): EventHits | null | undefined
  /** asks for a window unless all its events and hits are cached or the same window is on its way */
  request(request: WindowRequest): void
  /** changes whenever events or hits arrive, for memoised children */
  readonly revision: number
}

/** What a report gives the list: its run and its first page of matched events with their hits. */
export interface WindowSeed {
  readonly runId: number
  readonly events: readonly (readonly [number, unknown])[]
  readonly eventHits: readonly (EventHits | null)[]
}

/** The caches of dataset `version` and run `seed.runId`, seeded with the report's first page. */
export function useEventWindow(version: number, seed: WindowSeed): EventWindow {
  const source = useContext(EventWindowContext)
  const cacheRef = useRef<EventCache | null>(null)
  const hitsRef = useRef<HitsCache | null>(null)
  const inFlightRef = useRef(new Set<string>())
  const [revision, setRevision] = useState(0)

  if (cacheRef.current?.version !== version) {
    cacheRef.current = new EventCache(version)
    inFlightRef.current = new Set()
  }
  const cache = cacheRef.current
  if (hitsRef.current?.runId !== seed.runId) hitsRef.current = new HitsCache(seed.runId)
  const hits = hitsRef.current
  // Seeding is idempotent (same index, same event, same run's hits), so doing it during render
  // is safe; each report's first page is stored once.
  const seededRef = useRef<{ cache: EventCache; hits: HitsCache; seed: WindowSeed } | null>(null)
  if (seededRef.current?.cache !== cache || seededRef.current.hits !== hits || seededRef.current.seed !== seed) {
    cache.putAll(seed.events)
    hits.putAll(
      seed.events.map(([i]) => i),
      seed.eventHits,
    )
    seededRef.current = { cache, hits, seed }
  }

  const request = useCallback(
    (req: WindowRequest) => {
      const inFlight = inFlightRef.current
      const key = `${hits.runId}:${windowKey(req)}`
      if (!source || inFlight.has(key) || indexesOf(req).every((i) => cache.has(i) && hits.has(i))) return
      inFlight.add(key)
      // A failed or superseded window is simply asked for again when it is next in view.
      const done = (): boolean => inFlight.delete(key)
      void source.getEvents(version, req, hits.runId).then(
        (win) => {
          done()
          if (!win || cacheRef.current !== cache || cache.version !== win.eventsVersion) return
          cache.putAll(win.items)
          // hits of an older run (the report changed meanwhile) are not this list's
          if (win.hits !== undefined && hitsRef.current === hits && win.hits.runId === hits.runId) {
            hits.putAll(
              win.items.map(([i]) => i),
              win.hits.items,
            )
          }
          setRevision((r) => r + 1)
        },
        done,
      )
    },
    [source, version, cache, hits],
  )

  // A new dataset starts from an empty cache; drop the re-render counter with it.
  useEffect(() => setRevision(0), [version])

  const eventAt = useCallback((index: number) => cache.get(index), [cache])
  const hitsAt = useCallback((index: number) => hits.get(index), [hits])
  return { eventAt, hitsAt, request, revision }
}

function windowKey(req: WindowRequest): string {
  return 'indexes' in req ? `i${req.indexes.join(',')}` : `r${req.from}+${req.count}`
}

function indexesOf(req: WindowRequest): readonly number[] {
  return 'indexes' in req ? req.indexes : Array.from({ length: req.count }, (_, k) => req.from + k)
}
