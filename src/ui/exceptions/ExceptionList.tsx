import { describeEntry } from '../../engine/exceptions/describe'
import type { ExceptionItem } from '../../engine/exceptions/types'
import type { ExceptionProblem } from '../../worker/protocol'
import { usePlayground } from '../use-playground'
import type { Editing } from './ExceptionsSection'
import { exceptsText, outcomesOf, type ItemOutcome } from './exception-report'

/**
 * The exception items, OR-ed, each with its entries AND-ed in words, what it excepted in the last
 * run, its problems at the item or entry they are about, and Edit / Remove. Loaded with the first
 * item (it words entries with the engine's describer, kept out of the initial bundle).
 */
export function ExceptionList({ editing, onEdit, onRemove }: { editing: Editing | null; onEdit: (index: number) => void; onRemove: (index: number) => void }) {
  const items = usePlayground((s) => s.exceptions)
  const report = usePlayground((s) => s.report)
  // a run with the current items is on its way: the counts shown are the previous run's
  const stale = usePlayground((s) => s.status !== 'idle' || s.failure !== null)
  const outcome = outcomesOf(report, items.length)
  // no result (the query or an item makes the search fail): there is nothing an item took out
  const counted = report?.result != null
  return (
    <>
      <ul className="exception-items" aria-label="Exception items" data-stale={stale}>
        {items.map((item, i) => (
          <ExceptionItemRow
            key={i}
            item={item}
            first={i === 0}
            outcome={outcome.items[i]}
            counted={counted}
            editing={editing?.kind === 'edit' && editing.index === i}
            onEdit={() => onEdit(i)}
            onRemove={() => onRemove(i)}
          />
        ))}
      </ul>
      {outcome.lostWithSequence > 0 && (
        <p className="exceptions-hint" data-testid="exceptions-lost">
          {outcome.lostWithSequence === 1
            ? '1 more event lost its sequence: another event of it was excepted.'
            : `${outcome.lostWithSequence} more events lost their sequences: another event of each was excepted.`}
        </p>
      )}
    </>
  )
}

interface RowProps {
  readonly item: ExceptionItem
  readonly first: boolean
  readonly outcome: ItemOutcome | undefined
  /** false when the last run has no result to count excepted events in */
  readonly counted: boolean
  readonly editing: boolean
  readonly onEdit: () => void
  readonly onRemove: () => void
}

function ExceptionItemRow({ item, first, outcome, counted, editing, onEdit, onRemove }: RowProps) {
  const excepted = outcome?.excepted ?? 0
  return (
    <li className="exception-item" data-testid="exception-item" data-excepted={excepted} aria-current={editing ? 'true' : undefined}>
      {!first && <span className="exception-or">OR</span>}
      <div className="exception-item-head">
        <span className="exception-name" title={item.name}>
          {item.name}
        </span>
        <span className="exception-count" data-testid="exception-count">
          {counted ? exceptsText(excepted) : 'not counted: the run has no result'}
        </span>
        <button type="button" aria-label={`Edit exception ${item.name}`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" aria-label={`Remove exception ${item.name}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      <ul className="exception-entries" aria-label={`Entries of ${item.name}`}>
        {item.entries.map((entry, j) => (
          <li key={j} className="exception-entry">
            {j > 0 && <span className="exception-and">AND </span>}
            <code>{describeEntry(entry)}</code>
            <Problems problems={outcome?.entryProblems.get(j)} />
          </li>
        ))}
        {item.os_types && item.os_types.length > 0 && (
          <li className="exception-entry">
            {item.entries.length > 0 && <span className="exception-and">AND </span>}
            <code>OS is {item.os_types.join(' or ')}</code>
          </li>
        )}
      </ul>
      <Problems problems={outcome?.itemProblems} />
    </li>
  )
}

function Problems({ problems }: { problems: readonly ExceptionProblem[] | undefined }) {
  if (!problems || problems.length === 0) return null
  return (
    <ul className="exception-problems">
      {problems.map((p, k) => (
        <li key={k} className={`exception-problem ${p.severity}`} data-code={p.code} data-severity={p.severity}>
          <span className="code-name">{p.code}</span> {p.message}
        </li>
      ))}
    </ul>
  )
}
