/**
 * The page's cache of raw events fetched from the worker. The worker holds the events; the list
 * asks for fixed-size pages of event indices around what is visible, so scrolling 200,000 events
 * never copies more than a few pages, and scrolling back costs nothing. The cache is per dataset
 * version: a query edit keeps it, new events drop it.
 */

/** Events per page: a few screens of rows, cheap to structured-clone. */
export const PAGE_SIZE = 100

/** Pages kept; the least recently used ones go first. */
export const MAX_PAGES = 60

/** The page holding event `index`. */
export function pageOf(index: number, pageSize = PAGE_SIZE): number {
  return Math.floor(index / pageSize)
}

/** The distinct pages, in first-seen order, that hold the given event indices. */
export function pagesFor(indices: Iterable<number>, pageSize = PAGE_SIZE): number[] {
  const pages: number[] = []
  const seen = new Set<number>()
  for (const i of indices) {
    const p = pageOf(i, pageSize)
    if (!seen.has(p)) {
      seen.add(p)
      pages.push(p)
    }
  }
  return pages
}

/** A least-recently-used cache of event pages for one dataset version. */
export class EventPageCache {
  private readonly pages = new Map<number, readonly unknown[]>()

  constructor(
    readonly version: number,
    private readonly pageSize = PAGE_SIZE,
    private readonly maxPages = MAX_PAGES,
  ) {}

  /** The event at `index`, or undefined when its page is not loaded (yet). */
  get(index: number): unknown {
    const page = this.pages.get(pageOf(index, this.pageSize))
    return page?.[index % this.pageSize]
  }

  has(page: number): boolean {
    return this.pages.has(page)
  }

  /** Stores page `page` (its events from `page * pageSize`), evicting the oldest past the cap. */
  put(page: number, events: readonly unknown[]): void {
    this.pages.delete(page)
    this.pages.set(page, events)
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next()
      if (oldest.done) break
      this.pages.delete(oldest.value)
    }
  }

  /** Marks `page` as just used so a visible page is not evicted while off-screen ones remain. */
  touch(page: number): void {
    const events = this.pages.get(page)
    if (events !== undefined) this.put(page, events)
  }

  /** The event-index range `{from, count}` of a page, clipped to the dataset's size. */
  rangeOf(page: number, eventCount: number): { from: number; count: number } {
    const from = page * this.pageSize
    return { from, count: Math.max(0, Math.min(this.pageSize, eventCount - from)) }
  }

  get size(): number {
    return this.pages.size
  }
}

/**
 * Which event each list row shows. With "only matches" the rows are the matched indices in
 * order; otherwise every event, in input order. No array of 200,000 numbers is built for the
 * all-events case.
 */
export interface RowModel {
  readonly rowCount: number
  eventIndexAt(row: number): number
  isMatch(eventIndex: number): boolean
}

export function buildRowModel(eventCount: number, matched: readonly number[], onlyMatches: boolean): RowModel {
  const set = new Set(matched)
  const isMatch = (i: number): boolean => set.has(i)
  if (onlyMatches) return { rowCount: matched.length, eventIndexAt: (row) => matched[row] ?? -1, isMatch }
  return { rowCount: eventCount, eventIndexAt: (row) => row, isMatch }
}
