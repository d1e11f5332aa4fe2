/**
 * Everything the page keeps in this browser, in one place, so "Clear everything stored" and
 * "Keep my work in this browser: off" cannot miss a key some feature added later: every key of
 * ours starts with KEY_PREFIX, and large data lives in one IndexedDB database that is deleted
 * whole. Pure over two small interfaces, so Node tests run it with fakes.
 */

/** The part of Web Storage the page uses (localStorage in the page). */
export interface TextStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  /** the number of keys, and the key at an index: how a wipe finds every key of ours (a storage without them is wiped by the known keys) */
  readonly length?: number
  key?(index: number): string | null
}

/** Key to text/blob storage for what is too large for TextStorage (IndexedDB in the page). */
export interface BlobStorage {
  get(key: string): Promise<string | Blob | undefined>
  put(key: string, value: string | Blob): Promise<void>
  delete(key: string): Promise<void>
  /** removes the whole store (the IndexedDB database); a later put creates it again */
  destroy(): Promise<void>
}

/** Every localStorage key the page writes starts with this. */
export const KEY_PREFIX = 'rule-playground:'

export const STORAGE_KEYS = {
  /** the document on the page (small events inline) */
  current: `${KEY_PREFIX}document`,
  /** the document "New" or an opened link set aside, for Restore */
  previous: `${KEY_PREFIX}previous`,
  /** pane sizes */
  layouts: `${KEY_PREFIX}layouts`,
  /** "off" when the user turned autosave off: the one thing kept then (it holds no data) */
  keepWork: `${KEY_PREFIX}keep-work`,
} as const

/** The keys of ours `storage` holds now. */
export function appKeysIn(storage: TextStorage): string[] {
  const keys = new Set<string>(Object.values(STORAGE_KEYS).filter((key) => storage.getItem(key) !== null))
  for (let i = 0; storage.key && i < (storage.length ?? 0); i++) {
    const key = storage.key(i)
    if (key !== null && key.startsWith(KEY_PREFIX)) keys.add(key)
  }
  return [...keys]
}

/** Whether the user turned autosave off (a storage that cannot be read counts as on: nothing is stored there anyway). */
export function keepWorkChoice(storage: TextStorage): boolean {
  try {
    return storage.getItem(STORAGE_KEYS.keepWork) !== 'off'
  } catch {
    return true
  }
}

/**
 * Removes everything the page stored: every key of ours and the blob database. `keepWork: false`
 * then records the "off" choice again, so clearing never turns autosave back on behind the user's
 * back. Throws (or rejects) when the storage refuses; the caller reports it.
 */
export async function wipeStoredData(storage: TextStorage, blobs: BlobStorage | null, keepWork: boolean): Promise<void> {
  for (const key of appKeysIn(storage)) storage.removeItem(key)
  if (!keepWork) storage.setItem(STORAGE_KEYS.keepWork, 'off')
  await blobs?.destroy()
}
