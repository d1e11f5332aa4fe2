import { snapshotOf, type DocumentSnapshot } from './document-slice'
import { encodeDocument, eventsBlobKey, eventsFileKey, type SavedEvents } from './persisted-document'
import type { PlaygroundState, PlaygroundStore } from './store'
import { keepWorkChoice, STORAGE_KEYS, wipeStoredData, type BlobStorage, type TextStorage } from './stored-data'

export { STORAGE_KEYS, type BlobStorage, type TextStorage } from './stored-data'
export { loadSavedState, type SavedState } from './load-saved-state'

/**
 * Autosave: every document change (query, language, settings, events) and the pane sizes are
 * written to browser storage shortly after they happen, and read back on the next load, so a
 * reload, a crash or a closed tab loses nothing. Small documents go to localStorage whole; events
 * over INLINE_EVENTS_LIMIT go to a blob store (IndexedDB) under the document's id. Every failure
 * (quota, storage disabled, IndexedDB error) is reported through `reportStorageProblem`: a banner,
 * never silence. Storage sits behind two tiny interfaces (stored-data.ts) so Node tests use fakes.
 * The user decides whether anything is kept (privacy-slice.ts): turning autosave off removes what
 * was stored and saves nothing more; "Clear everything stored" removes it all and saves nothing
 * more in this page, which then reloads empty (`onCleared`).
 */

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
  /** after "Clear everything stored" removed it all (the page reloads, so nothing of the old data stays in it) */
  readonly onCleared?: () => void
}

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
  // The user's choice from an earlier visit, before anything could be saved against it.
  if (!keepWorkChoice(storage)) store.getState().setKeepWork(false)
  /** blob keys saved by an earlier session, which this one may have to delete */
  const inherited = new Set(blobKeysOf(store.getState()))
  /** what the last successful save wrote, per storage key */
  const lastText = new Map<string, string>()
  let failed = false
  /** after "Clear everything stored": this page saves nothing more (it reloads) */
  let cleared = false
  /** whether a save now would be wanted: a late IndexedDB failure after "off" or "clear" is no problem any more */
  const keeping = (): boolean => !cleared && store.getState().keepWork

  const fail = (e: unknown): void => {
    if (!keeping()) return
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
    if (!keeping()) return
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

  const cancel = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer)
    timer = undefined
  }

  /** Forgets what this session wrote: after a wipe everything must be written again. */
  const forget = (): void => {
    written.clear()
    inherited.clear()
    lastText.clear()
    failed = false
    store.getState().reportStorageProblem(null)
  }

  /** "Keep my work in this browser" off: remove every saved thing, keep only the choice. */
  const stopKeeping = (): void => {
    cancel()
    forget()
    wipeStoredData(storage, blobs, false).catch((e: unknown) => {
      store.getState().reportStorageProblem(`Removing what the page stored failed (${e instanceof Error ? e.message : String(e)}). Clear this site's data in the browser's settings to be sure.`)
    })
  }

  /** Back on: the choice goes and the document is saved at once, as if it had just changed. */
  const resumeKeeping = (): void => {
    try {
      storage.removeItem(STORAGE_KEYS.keepWork)
    } catch {
      // the save below reports a storage that refuses writes
    }
    save()
  }

  const clearAll = (): void => {
    cancel()
    cleared = true
    forget()
    wipeStoredData(storage, blobs, store.getState().keepWork).then(
      () => {
        store.getState().settleClearStorage({ kind: 'done' })
        options.onCleared?.()
      },
      (e: unknown) => {
        // Saving resumes, so what is on the page is not left unsaved without a word.
        cleared = false
        store.getState().settleClearStorage({ kind: 'failed', message: `Clearing failed (${e instanceof Error ? e.message : String(e)}). Clear this site's data in the browser's settings.` })
      },
    )
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.clearRequests !== previous.clearRequests) return clearAll()
    if (state.keepWork !== previous.keepWork) return state.keepWork ? resumeKeeping() : stopKeeping()
    if (!persistedChanged(state, previous) || !keeping()) return
    cancel()
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
      cancel()
    },
  }
}
