import type { RedactCandidate } from '../../share/redact-candidates'

/** The values chosen for redaction: picked from the events, and typed (one a line). */
export interface RedactChoice {
  readonly picked: ReadonlySet<string>
  readonly typed: string
}

/** Every value to redact, typed ones included (blank lines ignored). */
export function redactList(choice: RedactChoice): string[] {
  const typed = choice.typed.split('\n').map((v) => v.trim()).filter((v) => v !== '')
  return [...new Set([...choice.picked, ...typed])]
}

/**
 * Redaction: the host, user and address values found in the events as checkboxes (so the user
 * does not have to retype a host name exactly), and a box for anything else (a path with a
 * person's name, a customer's domain). Each value is replaced by REDACTED wherever it appears in
 * the events, inside longer strings too.
 */
export function RedactPicker({ candidates, choice, onChange }: { candidates: readonly RedactCandidate[]; choice: RedactChoice; onChange: (c: RedactChoice) => void }) {
  const toggle = (value: string, on: boolean): void => {
    const picked = new Set(choice.picked)
    if (on) picked.add(value)
    else picked.delete(value)
    onChange({ ...choice, picked })
  }
  return (
    <fieldset className="share-redact">
      <legend>Redact values</legend>
      <p className="share-muted">Replaced by REDACTED in the events, the title, the task and the notes (not in the query or the exception items, whose matches would change).</p>
      {candidates.length > 0 ? (
        <ul className="share-redact-candidates" aria-label="Values found in the events">
          {candidates.map((c) => (
            <li key={c.value}>
              <label>
                <input type="checkbox" checked={choice.picked.has(c.value)} onChange={(e) => toggle(c.value, e.target.checked)} />
                <code>{c.value}</code> <span className="share-muted">{c.field}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p className="share-muted">No host, user or address values found in the events.</p>
      )}
      <label className="share-redact-typed">
        Other values to redact (one a line)
        <textarea rows={2} value={choice.typed} spellCheck={false} onChange={(e) => onChange({ ...choice, typed: e.target.value })} />
      </label>
    </fieldset>
  )
}
