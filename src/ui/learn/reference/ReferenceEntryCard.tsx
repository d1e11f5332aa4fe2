import type { ReferenceEntry } from '../../../engine/docs/reference'
import { codeRuns } from './reference-filter'

/** Prose with `code` spans rendered as code. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {codeRuns(text).map(([kind, run], i) => (kind === 'code' ? <code key={i}>{run}</code> : <span key={i}>{run}</span>))}
    </>
  )
}

/**
 * One entry of the quick reference. Its element id is the entry's stable id, so a hover link can
 * scroll to it; `tabIndex={-1}` lets the panel move focus there without adding a tab stop.
 */
export function ReferenceEntryCard({ entry, highlighted, onInsert }: { entry: ReferenceEntry; highlighted: boolean; onInsert: (entry: ReferenceEntry) => void }) {
  const nameId = `${entry.id}-name`
  return (
    <article id={entry.id} className="ref-entry" data-highlighted={highlighted ? 'true' : undefined} tabIndex={-1} aria-labelledby={nameId}>
      <div className="ref-entry-head">
        <h4 id={nameId}>{entry.name}</h4>
        <button type="button" className="ref-insert" aria-describedby={nameId} title={`Insert into the query: ${entry.snippet}`} onClick={() => onInsert(entry)}>
          Insert
        </button>
      </div>
      <code className="ref-signature">{entry.signature}</code>
      <p className="ref-summary">
        <Prose text={entry.summary} />
      </p>
      {entry.caseRule !== undefined && (
        <p className="ref-rule">
          <span className="ref-rule-label">Case</span> <Prose text={entry.caseRule} />
        </p>
      )}
      {entry.wildcards !== undefined && (
        <p className="ref-rule">
          <span className="ref-rule-label">Wildcards</span> <Prose text={entry.wildcards} />
        </p>
      )}
      <pre className="ref-example" aria-label={`Example: ${entry.name}`}>
        <code>{entry.example}</code>
      </pre>
    </article>
  )
}
