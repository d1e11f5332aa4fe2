import { memo, useState, type Ref } from 'react'
import type { ReportGroup } from '../../worker/protocol'
import { EventRow } from './EventRow'
import { rowHits } from './hits-cache'
import type { SequenceView } from './sequence-view'
import type { EventWindow } from './use-event-window'

export interface SequenceGroupProps {
  /** 0-based position of the group in the result */
  readonly n: number
  readonly noun: 'Sequence' | 'Sample'
  readonly group: ReportGroup
  readonly view: SequenceView
  /** an event's hits in the report's run (by stage), as the list fetched them */
  readonly hitsAt: EventWindow['hitsAt']
  readonly eventAt: (index: number) => unknown
  readonly measureRef?: Ref<HTMLDivElement>
  readonly top?: number
}

/**
 * One sequence (or sample): its join key values, the maxspan window it used, then its stages in
 * order with each event's timestamp and the time since the first. A missing-event stage (`![...]`)
 * is a placeholder saying why it is empty.
 */
export const SequenceGroup = memo(function SequenceGroup({ n, noun, group, view, hitsAt, eventAt, measureRef, top }: SequenceGroupProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(i)) next.delete(i)
      else next.add(i)
      return next
    })
  const label = `${noun} ${n + 1}`
  // A list item of the results list, holding a named group whose stages are a list of their own:
  // every listitem then sits in a list, as screen readers (and axe's ARIA checks) require.
  return (
    <div
      ref={measureRef}
      data-index={n}
      role="listitem"
      className="sequence-group"
      data-group-index={n}
      style={top === undefined ? undefined : { transform: `translateY(${top}px)` }}
    >
      <div role="group" aria-label={label}>
        <div className="sequence-head">
          <strong>{label}</strong>
          {group.joinKeys.length > 0 && <span className="join-keys" data-testid="join-keys">join keys: {view.joinKeys}</span>}
          {view.window !== null && <span className="sequence-window" data-testid="sequence-window">{view.window}</span>}
        </div>
        {view.untilNote !== null && <p className="sequence-note">{view.untilNote}</p>}
        <div role="list" aria-label={`Stages of ${label}`}>
          {view.stages.map((stage) =>
            stage.kind === 'missing' ? (
              <div key={stage.stage} role="listitem" className="stage stage-missing" data-missing="true" data-stage={stage.stage}>
                <span className="stage-label">stage {stage.stage + 1}</span>
                <span className="stage-explanation">missing event: {stage.explanation}</span>
              </div>
            ) : (
              <div key={stage.stage} className="stage" data-stage={stage.stage}>
                <div className="stage-time">
                  <span className="stage-label">stage {stage.stage + 1}</span>
                  <span className="stage-timestamp" data-testid="stage-timestamp">{stage.timestamp}</span>
                  {stage.offset !== null && <span className="stage-offset">{stage.offset}</span>}
                </div>
                <EventRow
                  eventIndex={stage.match.index}
                  match
                  hits={rowHits(hitsAt(stage.match.index), stage.stage)}
                  event={eventAt(stage.match.index)}
                  expanded={open.has(stage.stage)}
                  onToggle={() => toggle(stage.stage)}
                />
              </div>
            ),
          )}
        </div>
      </div>
    </div>
  )
})
