import type { BlobStorage, TextStorage } from './stored-data'

/**
 * In-memory stand-ins for localStorage and IndexedDB, shared by the autosave and privacy tests.
 * Tests only; shaped like the browser's (quota errors named as browsers name them).
 */

/** localStorage as a Map; `quota` caps the total characters stored, as browsers do. */
export class FakeStorage implements TextStorage {
  readonly items = new Map<string, string>()
  quota = Infinity
  writes = 0
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    let used = value.length
    for (const [k, v] of this.items) if (k !== key) used += v.length
    if (used > this.quota) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' })
    this.writes++
    this.items.set(key, value)
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
  get length(): number {
    return this.items.size
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }
}

/** IndexedDB as a Map; `failing` rejects every write. */
export class FakeBlobs implements BlobStorage {
  readonly items = new Map<string, string | Blob>()
  failing = false
  puts = 0
  get(key: string) {
    return Promise.resolve(this.items.get(key))
  }
  put(key: string, value: string | Blob) {
    this.puts++
    if (this.failing) return Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))
    this.items.set(key, value)
    return Promise.resolve()
  }
  delete(key: string) {
    this.items.delete(key)
    return Promise.resolve()
  }
  /** the database deleted whole: `destroyed` counts it */
  destroyed = 0
  destroy() {
    this.destroyed++
    this.items.clear()
    return Promise.resolve()
  }
}
