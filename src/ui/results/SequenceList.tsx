import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import type { FieldHit, SequenceMatch } from '../../engine'
import { PAGE_SIZE } from './event-pages'
import { buildSequenceView, sequenceShape } from './sequence-view'
import { SequenceGroup } from './SequenceGroup'
import type { EventWindow } from './use-event-window'

export interface SequenceListProps {
  readonly kind: 'sequences' | 'samples'
  readonly groups: readonly SequenceMatch[]
  readonly query: string
  readonly timestampField: string
  readonly hits: Readonly<Record<number, readonly FieldHit[]>>
  readonly events: EventWindow
}

/**
 * The groups of a sequence or sample query, virtualized like the event list: thousands of
 * sequences keep the DOM small, and only the events of the groups in view are fetched.
 */
export function SequenceList({ kind, groups, query, timestampField, hits, events }: SequenceListProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const shape = useMemo(() => (kind === 'sequences' ? sequenceShape(query) : { byFields: sampleBy(query), maxspanMs: null, hasUntil: false }), [kind, query])
  const virtualizer = useVirtualizer({
    count: groups.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => 40 + 80 * (groups[i]?.events.length ?? 1),
    overscan: 3,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  const { request, eventAt, revision } = events
  useEffect(() => {
    const wanted: number[] = []
    for (let g = first; g <= last; g++) for (const e of groups[g]?.events ?? []) if (!('missing' in e)) wanted.push(e.index)
    for (let k = 0; k < wanted.length; k += PAGE_SIZE) request({ indexes: wanted.slice(k, k + PAGE_SIZE) })
  }, [first, last, groups, request])

  const noun = kind === 'sequences' ? 'Sequence' : 'Sample'
  return (
    <>
      <div ref={scrollRef} className="results-scroll" role="list" aria-label="Results" data-testid="results-list" data-revision={revision}>
        <div className="results-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const group = groups[item.index]
            if (!group) return null
            return (
              <SequenceGroup
                key={item.key}
                n={item.index}
                noun={noun}
                group={group}
                view={buildSequenceView(group, shape, timestampField, eventAt)}
                hits={hits}
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

/** `sample by host.name, user.name`: the join key names of a sample query. */
function sampleBy(query: string): string[] {
  const m = /\bsample\s+by\s+(.+?)\s*\[/is.exec(query)
  return m?.[1] === undefined ? [] : m[1].split(',').map((f) => f.trim().replace(/^`|`$/g, ''))
}
