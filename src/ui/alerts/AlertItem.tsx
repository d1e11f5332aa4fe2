import { useId, useState } from 'react'
import type { AlertDocument, SimulatedAlert } from '../../engine'
import { alertDetailsText, allFieldsOf, docText, keyFieldsOf, type FieldLine } from './alerts-format'

/**
 * One alert: its original time, severity and risk score, the reason sentence Kibana writes, and
 * what its rule type adds (threshold group and count, new terms, a sequence's building blocks).
 * The toggle opens its document: key fields first, then every field, then the JSON.
 */
export function AlertItem({ alert }: { alert: SimulatedAlert }) {
  const [open, setOpen] = useState(false)
  const bodyId = useId()
  const doc = alert.document
  const severity = docText(doc, 'kibana.alert.severity')
  const details = alertDetailsText(alert)
  return (
    <li className="alert-item" data-testid="alert" data-severity={severity}>
      <button type="button" className="alert-head" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        <span className="alert-toggle" aria-hidden="true">{open ? '▾' : '▸'}</span>
        <span className="alert-time">{docText(doc, 'kibana.alert.original_time', docText(doc, '@timestamp'))}</span>
        <span className={`alert-badge is-${severity}`} data-testid="alert-severity">
          {severity} · risk {docText(doc, 'kibana.alert.risk_score')}
        </span>
        <span className="alert-run">run {alert.execution + 1}</span>
        <span className="alert-run">{eventsText(alert.detection.eventIndexes)}</span>
      </button>
      <p className="alert-reason" data-testid="alert-reason">{docText(doc, 'kibana.alert.reason', '')}</p>
      {details !== '' && <p className="alert-details" data-testid="alert-details">{details}</p>}
      {alert.buildingBlocks.length > 0 && (
        <p className="alert-note">
          Written with {alert.buildingBlocks.length} building-block alert{alert.buildingBlocks.length === 1 ? '' : 's'} (one per event, hidden
          from the alerts table by default), grouped by kibana.alert.group.id.
        </p>
      )}
      {open && (
        <div id={bodyId} className="alert-body" data-testid="alert-document">
          <FieldList label="Key fields" fields={keyFieldsOf(doc)} />
          <details>
            <summary>Every field ({Object.keys(doc).length})</summary>
            <FieldList label="Every field" fields={allFieldsOf(doc)} />
          </details>
          <details>
            <summary>Document as JSON</summary>
            <pre className="alert-json">{jsonOf(doc)}</pre>
          </details>
          {alert.buildingBlocks.map((b, i) => (
            <details key={i}>
              <summary>Building-block alert {i + 1}</summary>
              <pre className="alert-json">{jsonOf(b)}</pre>
            </details>
          ))}
        </div>
      )}
    </li>
  )
}

function FieldList({ label, fields }: { label: string; fields: readonly FieldLine[] }) {
  return (
    <dl className="alert-fields" aria-label={label}>
      {fields.map((f) => (
        <div key={f.field} className="alert-field">
          <dt>{f.field}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  )
}

function jsonOf(doc: AlertDocument): string {
  try {
    return JSON.stringify(doc, null, 2)
  } catch {
    return '(this document cannot be shown as JSON)'
  }
}

/** "event #3" / "events #3, #4, #9 +2": the loaded events behind the alert, as the event list numbers them. */
function eventsText(indexes: readonly number[]): string {
  const shown = indexes.slice(0, 3).map((i) => `#${i}`).join(', ')
  const more = indexes.length > 3 ? ` +${indexes.length - 3}` : ''
  return `${indexes.length === 1 ? 'event' : 'events'} ${shown}${more}`
}
