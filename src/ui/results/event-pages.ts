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

/** The page holding row `index`. */
export function pageOf(index: number, pageSize = PAGE_SIZE): number {
  return Math.floor(index / pageSize)
}

/** The distinct pages, in first-seen order, that hold the given rows. */
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

/**
 * A least-recently-used cache of raw events by input index, for one dataset version. Pages are
 * only the unit of fetching; events are cached one by one so "only matches" windows (scattered
 * indexes) and all-events windows share what was already fetched.
 */
export class EventCache {
  private readonly events = new Map<number, unknown>()

  constructor(
    readonly version: number,
    private readonly maxEvents = MAX_PAGES * PAGE_SIZE,
  ) {}

  /** The event at `index`, or undefined when it is not loaded (yet). */
  get(index: number): unknown {
    return this.events.get(index)
  }

  has(index: number): boolean {
    return this.events.has(index)
  }

  /** Stores fetched events, evicting the least recently stored past the cap. */
  putAll(items: readonly (readonly [number, unknown])[]): void {
    for (const [i, e] of items) {
      this.events.delete(i)
      this.events.set(i, e)
    }
    while (this.events.size > this.maxEvents) {
      const oldest = this.events.keys().next()
      if (oldest.done) break
      this.events.delete(oldest.value)
    }
  }

  get size(): number {
    return this.events.size
  }
}

/** What to ask the worker for one page of rows: a contiguous range, or the page's event indexes. */
export type WindowRequest = { readonly from: number; readonly count: number } | { readonly indexes: readonly number[] }

/** The request for row page `page` of `rows`, or null when the page is past the end. */
export function windowRequest(page: number, rows: RowModel, pageSize = PAGE_SIZE): WindowRequest | null {
  const first = page * pageSize
  const count = Math.min(pageSize, rows.rowCount - first)
  if (count <= 0) return null
  if (!rows.onlyMatches) return { from: first, count }
  return { indexes: Array.from({ length: count }, (_, k) => rows.eventIndexAt(first + k)) }
}

/**
 * Which event each list row shows. With "only matches" the rows are the matched indices in
 * order; otherwise every event, in input order. No array of 200,000 numbers is built for the
 * all-events case.
 */
export interface RowModel {
  readonly onlyMatches: boolean
  readonly rowCount: number
  eventIndexAt(row: number): number
  isMatch(eventIndex: number): boolean
}

export function buildRowModel(eventCount: number, matched: readonly number[], onlyMatches: boolean): RowModel {
  // `matched` is ascending: a binary search per row in view, where a Set of 100,000 matches
  // would cost the main thread ~10 ms at every report
  const isMatch = (i: number): boolean => matched[lowerBound(matched, i)] === i
  if (onlyMatches) return { onlyMatches, rowCount: matched.length, eventIndexAt: (row) => matched[row] ?? -1, isMatch }
  return { onlyMatches, rowCount: eventCount, eventIndexAt: (row) => row, isMatch }
}

/**
 * The row showing `eventIndex`, or the row of the next event shown after it (the last row when
 * none follows): where to scroll so a switch of "only matches" keeps the same place in the events.
 */
export function rowOfEvent(rows: RowModel, matched: readonly number[], eventIndex: number): number {
  if (!rows.onlyMatches) return Math.min(Math.max(0, eventIndex), Math.max(0, rows.rowCount - 1))
  return Math.min(lowerBound(matched, eventIndex), Math.max(0, matched.length - 1))
}

/** The first position in the ascending `list` whose value is >= `n` (its length when none is). */
function lowerBound(list: readonly number[], n: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((list[mid] ?? Infinity) < n) lo = mid + 1
    else hi = mid
  }
  return lo
}
