import { snapshotOf, type DocumentSnapshot } from './document-slice'
import { decodeDocument, decodeLayouts, encodeDocument, eventsBlobKey, eventsFileKey, toSnapshot, type SavedDocument, type SavedEvents } from './persisted-document'
import type { InitialState, PlaygroundState, PlaygroundStore } from './store'

/**
 * Autosave: every document change (query, language, settings, events) and the pane sizes are
 * written to browser storage shortly after they happen, and read back on the next load, so a
 * reload, a crash or a closed tab loses nothing. Small documents go to localStorage whole; events
 * over INLINE_EVENTS_LIMIT go to a blob store (IndexedDB) under the document's id. Every failure
 * (quota, storage disabled, IndexedDB error) is reported through `reportStorageProblem`: a banner,
 * never silence. Storage sits behind two tiny interfaces so Node tests use fakes.
 */

/** The part of Web Storage autosave uses (localStorage in the page). */
export interface TextStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** Key to text/blob storage for what is too large for TextStorage (IndexedDB in the page). */
export interface BlobStorage {
  get(key: string): Promise<string | Blob | undefined>
  put(key: string, value: string | Blob): Promise<void>
  delete(key: string): Promise<void>
}

/** Injectable timers so tests control the save debounce. */
export interface PersistTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface PersistOptions {
  readonly storage: TextStorage
  /** null: no IndexedDB (large events then cannot be saved, which is reported) */
  readonly blobs: BlobStorage | null
  /** quiet time after the last change before saving (default 300 ms) */
  readonly debounceMs?: number
  readonly timers?: PersistTimers
  /** events longer than this many characters go to the blob store (default INLINE_EVENTS_LIMIT) */
  readonly inlineLimit?: number
}

export const STORAGE_KEYS = {
  current: 'rule-playground:document',
  previous: 'rule-playground:previous',
  layouts: 'rule-playground:layouts',
} as const

/** ~2 MB as UTF-16: localStorage's whole quota is ~5 M characters per origin in most browsers. */
export const INLINE_EVENTS_LIMIT = 1_000_000

/** True for the errors browsers throw when storage is full. */
export function isQuotaError(e: unknown): boolean {
  const name = typeof e === 'object' && e !== null && 'name' in e ? (e as { name: unknown }).name : undefined
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
}

/** The banner text for a failed save. */
export function describeSaveError(e: unknown): string {
  if (isQuotaError(e)) return "Autosave failed: this browser's storage for the page is full. Your work is still on the page, but a reload would lose the latest changes — remove large events or free browser storage."
  const detail = e instanceof Error ? e.message : String(e)
  return `Autosave failed (${detail}). Your work is still on the page, but a reload would lose the latest changes.`
}

async function readEvents(saved: SavedDocument, blobs: BlobStorage | null): Promise<string | null> {
  const { events } = saved
  if (events.where === 'inline') return events.text
  const value = blobs ? await blobs.get(events.key) : undefined
  if (value === undefined) return null
  return typeof value === 'string' ? value : value.text()
}

/** A streamed events file, as a File again so the events pipeline can load it like a picked one. */
async function readFile(file: NonNullable<SavedDocument['file']>, blobs: BlobStorage | null): Promise<File | null> {
  const value = blobs ? await blobs.get(file.key) : undefined
  return value === undefined ? null : new File([value], file.name)
}

/** What the last session left: the store's initial state, and a problem to show if some was lost. */
export interface SavedState {
  readonly initial: InitialState | null
  /** the current document's streamed events file, for the page to load once the effects run */
  readonly eventsFile: File | null
  readonly problem: string | null
}

/** Reads the saved document, the document "New" set aside, and the pane sizes. */
export async function loadSavedState(storage: TextStorage, blobs: BlobStorage | null): Promise<SavedState> {
  const problems: string[] = []
  const load = async (key: string): Promise<DocumentSnapshot | null> => {
    try {
      const saved = decodeDocument(storage.getItem(key))
      if (!saved) return null
      const text = await readEvents(saved, blobs)
      const file = saved.file ? await readFile(saved.file, blobs) : null
      if (text === null || (saved.file && !file)) problems.push(`The saved events of ${key === STORAGE_KEYS.current ? 'this' : 'the previous'} document could not be read back from browser storage.`)
      return toSnapshot(saved, text ?? '', file)
    } catch (e) {
      problems.push(`Restoring the saved document failed (${e instanceof Error ? e.message : String(e)}).`)
      return null
    }
  }
  const current = await load(STORAGE_KEYS.current)
  const previous = await load(STORAGE_KEYS.previous)
  let paneLayouts = {}
  try {
    paneLayouts = decodeLayouts(storage.getItem(STORAGE_KEYS.layouts))
  } catch {
    // Pane sizes are a convenience; the document problems above are the ones worth a banner.
  }
  const problem = problems.length > 0 ? problems.join(' ') : null
  if (!current && !previous) return { initial: Object.keys(paneLayouts).length > 0 ? { paneLayouts } : null, eventsFile: null, problem }
  return { initial: { ...(current ?? {}), previousDocument: previous, paneLayouts }, eventsFile: current?.eventsFile ?? null, problem }
}

const realTimers: PersistTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
}

const persistedChanged = (a: PlaygroundState, b: PlaygroundState): boolean =>
  a.documentId !== b.documentId ||
  a.query !== b.query ||
  a.language !== b.language ||
  a.settings !== b.settings ||
  a.kqlSettings !== b.kqlSettings ||
  a.eventsText !== b.eventsText ||
  a.eventsSource !== b.eventsSource ||
  a.title !== b.title ||
  a.task !== b.task ||
  a.expectations !== b.expectations ||
  a.lostExpectations !== b.lostExpectations ||
  a.rule !== b.rule ||
  a.exceptions !== b.exceptions ||
  a.eventsFile !== b.eventsFile ||
  a.eventsLoad !== b.eventsLoad ||
  a.previousDocument !== b.previousDocument ||
  a.paneLayouts !== b.paneLayouts ||
  // Closing the first-visit guide saves the (maybe untouched) example, so the next load restores
  // it instead of starting the first visit, guide and all, again.
  a.guideOpen !== b.guideOpen

/** Every blob key the store's documents could have been saved under. */
function blobKeysOf(s: PlaygroundState): string[] {
  const ids = [s.documentId, ...(s.previousDocument ? [s.previousDocument.documentId] : [])]
  return ids.flatMap((id) => [eventsBlobKey(id), eventsFileKey(id)])
}

/** A running autosave: `flush` saves now (page hide), `stop` unsubscribes. */
export interface Persistence {
  flush(): void
  stop(): void
}

/** Starts saving the store's document on every change; returns how to flush and stop it. */
export function connectPersistence(store: PlaygroundStore, options: PersistOptions): Persistence {
  const { storage, blobs } = options
  const debounceMs = options.debounceMs ?? 300
  const timers = options.timers ?? realTimers
  const inlineLimit = options.inlineLimit ?? INLINE_EVENTS_LIMIT
  let timer: unknown
  /** text or blob per blob key as last written, so a query edit never rewrites megabytes of events */
  const written = new Map<string, string | Blob>()
  /** blob keys saved by an earlier session, which this one may have to delete */
  const inherited = new Set(blobKeysOf(store.getState()))
  /** what the last successful save wrote, per storage key */
  const lastText = new Map<string, string>()
  let failed = false

  const fail = (e: unknown): void => {
    failed = true
    store.getState().reportStorageProblem(describeSaveError(e))
  }

  const writeBlob = (key: string, value: string | Blob): void => {
    if (written.get(key) === value) return
    if (!blobs) throw new Error('large events need IndexedDB, which this browser does not offer here')
    written.set(key, value)
    blobs.put(key, value).catch((e: unknown) => {
      if (written.get(key) === value) written.delete(key) // retried by the next save
      fail(e)
    })
  }

  const setItem = (key: string, text: string): void => {
    if (lastText.get(key) === text) return
    storage.setItem(key, text)
    lastText.set(key, text)
  }

  /**
   * Saves one document: inline when small; in the blob store when large or when inline hits the
   * quota. Adds the blob keys it points at to `live`.
   */
  const saveDocument = (key: string, doc: DocumentSnapshot | null, live: Set<string>): void => {
    if (!doc) {
      storage.removeItem(key)
      lastText.delete(key)
      return
    }
    // A streamed file is kept whole (IndexedDB stores Blobs without reading them into memory).
    if (doc.eventsFile) {
      writeBlob(eventsFileKey(doc.documentId), doc.eventsFile)
      live.add(eventsFileKey(doc.documentId))
    }
    const toBlob = (): SavedEvents => {
      const blobKey = eventsBlobKey(doc.documentId)
      writeBlob(blobKey, doc.eventsText)
      live.add(blobKey)
      return { where: 'blob', key: blobKey, length: doc.eventsText.length }
    }
    if (doc.eventsText.length > inlineLimit) return setItem(key, JSON.stringify(encodeDocument(doc, toBlob())))
    try {
      setItem(key, JSON.stringify(encodeDocument(doc, { where: 'inline', text: doc.eventsText })))
    } catch (e) {
      if (!isQuotaError(e) || !blobs || doc.eventsText === '') throw e
      setItem(key, JSON.stringify(encodeDocument(doc, toBlob())))
    }
  }

  /** Drops blobs no saved document points at any more (a document "New" pushed out, a file replaced by text). */
  const collect = (live: ReadonlySet<string>): void => {
    for (const key of [...written.keys(), ...inherited]) {
      if (live.has(key)) continue
      written.delete(key)
      inherited.delete(key)
      void blobs?.delete(key).catch(() => undefined) // a leftover blob only costs space
    }
  }

  const save = (): void => {
    timer = undefined
    const state = store.getState()
    try {
      const live = new Set<string>()
      saveDocument(STORAGE_KEYS.current, snapshotOf(state), live)
      saveDocument(STORAGE_KEYS.previous, state.previousDocument, live)
      setItem(STORAGE_KEYS.layouts, JSON.stringify(state.paneLayouts))
      collect(live)
    } catch (e) {
      fail(e)
      return
    }
    if (failed) {
      failed = false
      store.getState().reportStorageProblem(null)
    }
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!persistedChanged(state, previous)) return
    if (timer !== undefined) timers.clearTimeout(timer)
    timer = undefined
    // A file that just became the events is saved at once: its IndexedDB write takes a moment,
    // and a save left to the page-hide flush could not finish before the page goes away.
    if (state.eventsFile !== previous.eventsFile && state.eventsFile !== null) save()
    else timer = timers.setTimeout(save, debounceMs)
  })

  return {
    flush: () => {
      if (timer === undefined) return
      timers.clearTimeout(timer)
      save()
    },
    stop: () => {
      unsubscribe()
      if (timer !== undefined) timers.clearTimeout(timer)
    },
  }
}
