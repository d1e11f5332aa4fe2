import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { FieldHit } from '../../engine'
import type { ReportGroup } from '../../worker/protocol'
import { usePlayground } from '../use-playground'
import { PAGE_SIZE, pagesFor } from './event-pages'
import { EventRow } from './EventRow'
import { buildSequenceView, eventsOutside, withHeadMounted, groupOfEvent, positionOutside, sequenceListRows, sequenceShape } from './sequence-view'
import { SequenceGroup } from './SequenceGroup'
import type { EventWindow } from './use-event-window'

const NO_HITS: readonly FieldHit[] = []

export interface SequenceListProps {
  readonly kind: 'sequences' | 'samples'
  readonly groups: readonly ReportGroup[]
  readonly query: string
  readonly timestampField: string
  readonly events: EventWindow
}

/**
 * The groups of a sequence or sample query, virtualized like the event list: thousands of
 * sequences keep the DOM small, and only the events of the groups in view are fetched. The events
 * in no group follow in a collapsed group of their own ("Not in any sequence"), whose rows are
 * virtualized rows of the same list, so they can be selected, marked and explained like any other.
 */
export function SequenceList({ kind, groups, query, timestampField, events }: SequenceListProps) {
  const reportSeq = usePlayground((s) => s.reportSeq)
  const scrollRef = useRef<HTMLDivElement>(null)
  // The report the list shows is the store's: its event count says which events exist.
  const eventCount = usePlayground((s) => s.report?.eventCount ?? 0)
  const shape = useMemo(() => (kind === 'sequences' ? sequenceShape(query) : { byFields: sampleBy(query), maxspanMs: null, hasUntil: false }), [kind, query])
  const outside = useMemo(() => eventsOutside(eventCount, groups), [eventCount, groups])
  const [outsideOpen, setOutsideOpen] = useState(false)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const toggle = useCallback(
    (index: number) =>
      setExpanded((prev) => {
        const next = new Set(prev)
        if (next.has(index)) next.delete(index)
        else next.add(index)
        return next
      }),
    [],
  )
  const rows = useMemo(() => sequenceListRows(groups.length, outside, outsideOpen), [groups.length, outside, outsideOpen])
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (i < groups.length ? 40 + 80 * (groups[i]?.events.length ?? 1) : i === groups.length ? 36 : 52),
    overscan: 3,
    // stable per result (see EventList): a new closure each render re-measures every row
    getItemKey: useCallback((i: number) => (i < groups.length ? `g${i}` : i === groups.length ? 'head' : `e${outside[i - groups.length - 1] ?? i}`), [groups, outside]),
    // The head of "Not in any sequence" stays mounted while its rows are, so it can be reached
    // (keyboard, find in page) from deep inside the open group.
    rangeExtractor: useCallback(
      (range: Range) => withHeadMounted(defaultRangeExtractor(range), groups.length, outside.length > 0),
      [groups.length, outside.length],
    ),
  })
  const items = virtualizer.getVirtualItems()
  // the rows in view, without the head kept mounted above them (its rows between are not in view)
  const pinned = items.length > 1 && items[0]?.index === groups.length && (items[1]?.index ?? 0) > groups.length + 1
  const first = items[pinned ? 1 : 0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  const { request, eventAt, hitsAt, revision } = events
  useEffect(() => {
    const wanted: number[] = []
    for (let g = first; g <= Math.min(last, groups.length - 1); g++) for (const e of groups[g]?.events ?? []) if (!('missing' in e)) wanted.push(e.index)
    for (let k = 0; k < wanted.length; k += PAGE_SIZE) request({ indexes: wanted.slice(k, k + PAGE_SIZE) })
    // rows of "Not in any sequence": fetched by pages of that list, so the windows repeat (and are cached)
    const from = Math.max(first, groups.length + 1) - groups.length - 1
    const to = last - groups.length - 1
    if (!outsideOpen || to < from) return
    const inView = Array.from({ length: to - from + 1 }, (_, j) => from + j)
    for (const page of pagesFor(inView)) request({ indexes: Array.from(outside.subarray(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) })
  }, [first, last, groups, request, outside, outsideOpen])

  useRevealedEvent(groups, outside, outsideOpen, setOutsideOpen, virtualizer.scrollToIndex)

  const noun = kind === 'sequences' ? 'Sequence' : 'Sample'
  return (
    <>
      <div
        ref={scrollRef}
        className="results-scroll"
        role="list"
        aria-label="Results"
        data-testid="results-list"
        data-revision={revision}
        data-highlights-seq={groupHitsShown(groups, first, last, hitsAt) ? reportSeq : undefined}
      >
        <div className="results-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.at(item.index)
            if (row.kind === 'outside-head') {
              return (
                <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} role="listitem" className="sequence-group outside-head" style={{ transform: `translateY(${item.start}px)` }}>
                  <button type="button" aria-expanded={outsideOpen} data-testid="outside-toggle" onClick={() => setOutsideOpen((o) => !o)}>
                    {outsideOpen ? '▾' : '▸'} Not in any {kind === 'sequences' ? 'sequence' : 'sample'} ({outside.length})
                  </button>
                </div>
              )
            }
            if (row.kind === 'outside') {
              return (
                <EventRow
                  key={item.key}
                  eventIndex={row.eventIndex}
                  match={false}
                  hits={NO_HITS}
                  event={eventAt(row.eventIndex)}
                  expanded={expanded.has(row.eventIndex)}
                  onToggle={toggle}
                  placement={{ ref: virtualizer.measureElement, row: item.index, posInSet: row.k + 1, setSize: outside.length, top: item.start }}
                />
              )
            }
            const group = groups[row.n]
            if (!group) return null
            return (
              <SequenceGroup
                key={item.key}
                n={row.n}
                noun={noun}
                group={group}
                view={buildSequenceView(group, shape, timestampField, eventAt)}
                hitsAt={hitsAt}
                eventAt={eventAt}
                measureRef={virtualizer.measureElement}
                top={item.start}
              />
            )
          })}
        </div>
      </div>
      {groups.length === 0 && <p className="hint results-empty">No {kind === 'sequences' ? 'sequence' : 'sample'} matches the query.</p>}
    </>
  )
}

/**
 * Scrolls to the event the page asked to reveal (results-view-slice.ts): to the first group
 * holding it, or into "Not in any sequence", opened first when it is closed (the rows change and
 * this runs again). A request made before the list was mounted is not replayed.
 */
function useRevealedEvent(
  groups: readonly ReportGroup[],
  outside: Int32Array,
  open: boolean,
  setOpen: (open: boolean) => void,
  scrollToIndex: (row: number, options: { align: 'start' | 'center' }) => void,
): void {
  const reveal = usePlayground((s) => s.revealRequest)
  const handled = useRef(reveal?.seq ?? 0)
  const groupOf = useMemo(() => groupOfEvent(groups), [groups])
  useEffect(() => {
    if (reveal === null || handled.current === reveal.seq) return
    const g = groupOf.get(reveal.eventIndex)
    const k = g === undefined ? positionOutside(outside, reveal.eventIndex) : -1
    if (g === undefined && k >= 0 && !open) {
      setOpen(true)
      return
    }
    handled.current = reveal.seq
    if (g !== undefined) scrollToIndex(g, { align: 'start' })
    else if (k >= 0) scrollToIndex(groups.length + 1 + k, { align: 'center' })
  }, [reveal, groupOf, outside, open, setOpen, groups.length, scrollToIndex])
}

/** Whether every event of the groups in view has its hits of the report's run ("Not in any" rows match nothing). */
function groupHitsShown(groups: readonly ReportGroup[], first: number, last: number, hitsAt: EventWindow['hitsAt']): boolean {
  for (let g = first; g <= Math.min(last, groups.length - 1); g++) for (const e of groups[g]?.events ?? []) if (!('missing' in e) && hitsAt(e.index) === undefined) return false
  return true
}

/** `sample by host.name, user.name`: the join key names of a sample query. */
function sampleBy(query: string): string[] {
  const m = /\bsample\s+by\s+(.+?)\s*\[/is.exec(query)
  return m?.[1] === undefined ? [] : m[1].split(',').map((f) => f.trim().replace(/^`|`$/g, ''))
}
