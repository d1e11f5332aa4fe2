import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { usePlayground } from '../use-playground'
import { buildRowModel, pagesFor, rowOfEvent, windowRequest, type RowModel } from './event-pages'
import { EventRow } from './EventRow'
import { rowHits } from './hits-cache'
import type { EventWindow } from './use-event-window'

export interface EventListProps {
  readonly eventCount: number
  readonly matchedIndexes: readonly number[]
  readonly onlyMatches: boolean
  readonly events: EventWindow
  /** the dataset version: expanded rows belong to one dataset */
  readonly eventsVersion: number
}

/**
 * The events of an event query, virtualized: only the rows in view (plus a few) are in the DOM,
 * and only their windows of events are fetched from the worker, so 200,000 events scroll as
 * smoothly as 20. Row heights are measured, so expanded field trees push later rows down. The
 * windows bring the rows' hits in the report's run (computed by the worker for them only); once
 * every matched row in view shows them, the list says so in `data-highlights-seq` (the report's
 * `reportSeq`), which the browser bench and journeys wait on.
 */
export function EventList({ eventCount, matchedIndexes, onlyMatches, events, eventsVersion }: EventListProps) {
  const reportSeq = usePlayground((s) => s.reportSeq)
  const rows = useMemo(() => buildRowModel(eventCount, matchedIndexes, onlyMatches), [eventCount, matchedIndexes, onlyMatches])
  const scrollRef = useRef<HTMLDivElement>(null)
  const [expanded, setExpanded] = useState<{ version: number; open: ReadonlySet<number> }>({ version: eventsVersion, open: new Set() })
  const open = expanded.version === eventsVersion ? expanded.open : EMPTY
  const toggle = useCallback(
    (index: number) =>
      setExpanded((prev) => {
        const next = new Set(prev.version === eventsVersion ? prev.open : [])
        if (next.has(index)) next.delete(index)
        else next.add(index)
        return { version: eventsVersion, open: next }
      }),
    [eventsVersion],
  )

  // As stable as the keys: the virtualizer rebuilds its measurements of every row (200,000 of
  // them: 20-40 ms of main thread, and as much garbage) whenever getItemKey changes. With all
  // events shown a row's key is its index whatever the run, so a new report costs nothing here;
  // with "only matches" the keys change with the matches anyway.
  const keyRows = rows.onlyMatches ? rows : null
  const getItemKey = useMemo(() => (keyRows === null ? sameRow : (row: number) => keyRows.eventIndexAt(row)), [keyRows])
  const virtualizer = useVirtualizer({
    count: rows.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 52,
    overscan: 8,
    getItemKey,
  })
  const items = virtualizer.getVirtualItems()

  // Switching "only matches" (or a new run's matches) keeps the same place in the events: the
  // first event in view before the change is scrolled to, or the next one shown after it.
  const topEventRef = useRef<number | null>(null)
  const rowsRef = useRef(rows)
  useLayoutEffect(() => {
    if (rowsRef.current === rows) return
    rowsRef.current = rows
    const top = topEventRef.current
    if (top !== null && rows.rowCount > 0) virtualizer.scrollToIndex(rowOfEvent(rows, matchedIndexes, top), { align: 'start' })
  }, [rows, matchedIndexes, virtualizer])
  const firstInView = virtualizer.getVirtualItemForOffset(virtualizer.scrollOffset ?? 0)
  useEffect(() => {
    if (firstInView) topEventRef.current = rows.eventIndexAt(firstInView.index)
  }, [firstInView, rows])

  useRevealedRow(rows, matchedIndexes, eventCount, virtualizer.scrollToIndex)

  // Fetch the windows of the rows in view; the cache skips what it already holds.
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  const { request } = events
  useEffect(() => {
    if (last < first) return
    const inView = Array.from({ length: last - first + 1 }, (_, k) => first + k)
    for (const page of pagesFor(inView)) {
      const req = windowRequest(page, rows)
      if (req) request(req)
    }
  }, [first, last, rows, request])

  return (
    <>
    <div
      ref={scrollRef}
      className="results-scroll"
      role="list"
      aria-label="Results"
      data-testid="results-list"
      data-highlights-seq={highlightsShown(items, rows, events) ? reportSeq : undefined}
    >
      <div className="results-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const index = rows.eventIndexAt(item.index)
          const match = rows.isMatch(index)
          return (
            <EventRow
              key={item.key}
              eventIndex={index}
              match={match}
              hits={match ? rowHits(events.hitsAt(index)) : rowHits(null)}
              event={events.eventAt(index)}
              expanded={open.has(index)}
              onToggle={toggle}
              placement={{ ref: virtualizer.measureElement, row: item.index, posInSet: item.index + 1, setSize: rows.rowCount, top: item.start }}
            />
          )
        })}
      </div>
    </div>
    {rows.rowCount === 0 && <p className="hint results-empty">{onlyMatches ? 'No event matches the query.' : 'No events loaded.'}</p>}
    </>
  )
}

const EMPTY: ReadonlySet<number> = new Set()

/** The key of a row when every event is shown: the row is the event's index. */
const sameRow = (row: number): number => row

/** Whether every matched row in view has its hits of the report's run (non-matching rows have none to show). */
function highlightsShown(items: readonly VirtualItem[], rows: RowModel, events: EventWindow): boolean {
  for (const item of items) {
    const index = rows.eventIndexAt(item.index)
    if (rows.isMatch(index) && events.hitsAt(index) === undefined) return false
  }
  return true
}

/**
 * Scrolls to the event the page asked to reveal (a check-line chip, see results-view-slice.ts).
 * An event hidden by "only matches" turns the filter off first (the rows change, and this runs
 * again). A request made before the list was mounted is not replayed: it was for another view.
 */
function useRevealedRow(rows: RowModel, matchedIndexes: readonly number[], eventCount: number, scrollToIndex: (row: number, options: { align: 'center' }) => void): void {
  const reveal = usePlayground((s) => s.revealRequest)
  const setOnlyMatches = usePlayground((s) => s.setOnlyMatches)
  const handled = useRef(reveal?.seq ?? 0)
  useEffect(() => {
    if (reveal === null || handled.current === reveal.seq) return
    const { eventIndex } = reveal
    if (eventIndex >= 0 && eventIndex < eventCount && rows.onlyMatches && !rows.isMatch(eventIndex)) {
      setOnlyMatches(false)
      return
    }
    handled.current = reveal.seq
    if (eventIndex >= 0 && eventIndex < eventCount) scrollToIndex(rowOfEvent(rows, matchedIndexes, eventIndex), { align: 'center' })
  }, [reveal, rows, matchedIndexes, eventCount, setOnlyMatches, scrollToIndex])
}
