import type { Page } from '@playwright/test'

/**
 * What the page has stored in this browser, read from inside the page: every localStorage key of
 * ours with its value, the IndexedDB databases of the origin, and the blob store's entries (key
 * and length). The privacy and data-loss journeys assert on it.
 */
export interface StoredData {
  readonly keys: Record<string, string>
  readonly databases: string[]
  /** blob key -> characters (text) or bytes (a file) */
  readonly blobs: Record<string, number>
}

export function storedData(page: Page): Promise<StoredData> {
  return page.evaluate(async () => {
    const keys: Record<string, string> = {}
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith('rule-playground:')) keys[key] = localStorage.getItem(key) ?? ''
    }
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '')
    const blobs: Record<string, number> = {}
    if (databases.includes('rule-playground')) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('rule-playground')
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      if (db.objectStoreNames.contains('blobs')) {
        const store = db.transaction('blobs').objectStore('blobs')
        const all = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
          const k = store.getAllKeys()
          const v = store.getAll()
          v.onsuccess = () => resolve([k.result, v.result])
          v.onerror = () => reject(v.error)
        })
        all[0].forEach((key, i) => {
          const value = all[1][i]
          blobs[String(key)] = typeof value === 'string' ? value.length : value instanceof Blob ? value.size : -1
        })
      }
      // Let go at once: an open connection of the probe would otherwise hold up the page's own deletion.
      db.close()
    }
    return { keys, databases, blobs }
  })
}

/** The saved current document's JSON text ('' when there is none). */
export async function savedDocumentText(page: Page): Promise<string> {
  return (await storedData(page)).keys['rule-playground:document'] ?? ''
}
