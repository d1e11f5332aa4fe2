import { connectPersistence, loadSavedState, type Persistence, type SavedState } from './effects-persist'
import type { PlaygroundStore } from './store'
import { STORAGE_KEYS, type BlobStorage, type TextStorage } from './stored-data'

/**
 * The page's real storage behind effects-persist.ts's interfaces: localStorage for documents,
 * IndexedDB for large events. Kept apart so the logic stays testable in Node; nothing else in the
 * app touches browser storage.
 */

/** The page's one IndexedDB database (docs/privacy.md lists everything the page stores). */
export const DB_NAME = 'rule-playground'
const DB_STORE = 'blobs'

/** localStorage, or null where the browser refuses it (privacy modes, sandboxed frames). */
function browserTextStorage(): TextStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'))
  })
}

/** A key to text/blob store in one IndexedDB object store; the database opens on first use. */
export function indexedDbBlobStorage(factory: IDBFactory): BlobStorage {
  let db: Promise<IDBDatabase> | null = null
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const r = factory.open(DB_NAME, 1)
      r.onupgradeneeded = () => r.result.createObjectStore(DB_STORE)
      r.onsuccess = () => {
        // Another tab clearing everything deletes the database: let it go instead of blocking it
        // (the next write here opens a new one).
        r.result.onversionchange = () => {
          r.result.close()
          db = null
        }
        resolve(r.result)
      }
      r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'))
      r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'))
    })
    return db
  }
  /**
   * Whether the database is there, without creating it: reads and deletes of a database that was
   * never made (a first visit's save drops keys nothing wrote) must not leave an empty one behind,
   * which would make "nothing stored" untrue after clearing.
   */
  const exists = async (): Promise<boolean> => {
    if (db || typeof factory.databases !== 'function') return true
    return (await factory.databases()).some((d) => d.name === DB_NAME)
  }
  const withStore = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await open()).transaction(DB_STORE, mode)
    const result = await request(fn(tx.objectStore(DB_STORE)))
    if (mode === 'readwrite') {
      // A put is saved only when its transaction commits; quota errors surface here.
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'))
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'))
      })
    }
    return result
  }
  return {
    get: async (key) => {
      if (!(await exists())) return undefined
      const value: unknown = await withStore('readonly', (s) => s.get(key))
      return typeof value === 'string' || value instanceof Blob ? value : undefined
    },
    put: async (key, value) => {
      await withStore('readwrite', (s) => s.put(value, key))
    },
    delete: async (key) => {
      if (!(await exists())) return
      await withStore('readwrite', (s) => s.delete(key))
    },
    destroy: async () => {
      // Our own open connection would block the deletion: close it first.
      const open = db
      db = null
      if (open) (await open.catch(() => null))?.close()
      await new Promise<void>((resolve, reject) => {
        const r = factory.deleteDatabase(DB_NAME)
        r.onsuccess = () => resolve()
        r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be deleted'))
        // Another tab of the page still holds it open: the deletion completes once that tab lets
        // go (our onversionchange does), so waiting is right; nothing else to do here.
        r.onblocked = () => undefined
      })
    },
  }
}

function browserBlobStorage(): BlobStorage | null {
  try {
    return globalThis.indexedDB ? indexedDbBlobStorage(globalThis.indexedDB) : null
  } catch {
    return null
  }
}

/** A storage that is not there: every write fails, so the banner explains why nothing is saved. */
const unavailable: TextStorage = {
  length: 0,
  key: () => null,
  getItem: () => null,
  setItem: () => {
    throw new Error('browser storage is disabled for this page')
  },
  removeItem: () => undefined,
}

/** What the last session saved in this browser (read before the store is made). */
export function loadBrowserState(): Promise<SavedState> {
  return loadSavedState(browserTextStorage() ?? unavailable, browserBlobStorage())
}

/** Autosaves `store` to this browser's storage, flushing when the page is hidden or closed. */
export function connectBrowserPersistence(store: PlaygroundStore): Persistence {
  const persistence = connectPersistence(store, {
    storage: browserTextStorage() ?? unavailable,
    blobs: browserBlobStorage(),
    // A reload is the one way to be sure nothing of the old document stays in this tab (the
    // editors' undo history, the worker's copy of the events); storage is empty, so the page
    // starts as on a first visit.
    onCleared: () => globalThis.location.reload(),
  })
  // pagehide covers reload, close and navigation; visibilitychange covers a tab killed in the
  // background (mobile browsers often never send pagehide).
  const onHide = (): void => persistence.flush()
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') persistence.flush()
  }
  // Another tab turned autosave off: this one stops too, or it would write the document back
  // (turning it on stays a choice made in each tab: tabs share the same keys).
  const onStorage = (e: StorageEvent): void => {
    if (e.key === STORAGE_KEYS.keepWork && e.newValue === 'off') store.getState().setKeepWork(false)
  }
  globalThis.addEventListener('pagehide', onHide)
  document.addEventListener('visibilitychange', onVisibility)
  globalThis.addEventListener('storage', onStorage)
  return {
    flush: persistence.flush,
    stop: () => {
      persistence.stop()
      globalThis.removeEventListener('pagehide', onHide)
      globalThis.removeEventListener('storage', onStorage)
      document.removeEventListener('visibilitychange', onVisibility)
    },
  }
}
