import { lazy, Suspense, type ReactNode } from 'react'
import type { RuleDocument } from '../../engine'
import type { QueryLanguage } from '../../state/document-slice'
import { filterText } from './filter-text'
import { MitreView } from './MitreView'
import { newTermsOf, thresholdOf } from './rule-draft'
import { RuleSchedule } from './RuleSchedule'
import { OUTSIDE_LINK, safeHref } from './safe-href'

// markdown-it loads only for a rule that has an investigation guide.
const GuideView = lazy(() => import('./GuideView'))

/** The rule's metadata, read-only, with the button that opens the form. */
export function RuleView({ rule, language, onEdit }: { rule: RuleDocument; language: QueryLanguage; onEdit: () => void }) {
  const note = rule.note ?? ''
  return (
    <article className="rule-view" aria-label="Rule metadata">
      <div className="rule-view-head">
        <h3 data-testid="rule-name">{rule.name === '' ? <span className="hint">Unnamed rule</span> : rule.name}</h3>
        <button type="button" onClick={onEdit}>
          Edit
        </button>
      </div>
      <p className="rule-badges">
        {rule.severity !== undefined && (
          <span className="rule-badge" data-severity={rule.severity} data-testid="rule-severity">
            Severity {rule.severity}
          </span>
        )}
        {rule.riskScore !== undefined && (
          <span className="rule-badge" data-testid="rule-risk-score">
            Risk score {rule.riskScore}
          </span>
        )}
      </p>
      {rule.description !== undefined && rule.description !== '' && <p className="rule-description">{rule.description}</p>}
      <RuleSchedule rule={rule} language={language} />
      <TypeParams rule={rule} />
      <Section title="Filters (AND-ed with the query)" items={(rule.filters ?? []).map(filterText)} render={(text) => <code>{text}</code>} />
      <MitreView threat={rule.threat} />
      <Section title="References" items={rule.references} render={(ref) => <LinkOrText url={ref} />} />
      <Section title="Tags" items={rule.tags} render={(tag) => <span className="rule-tag">{tag}</span>} inline />
      <Section title="Index patterns" items={rule.index} render={(index) => <code>{index}</code>} inline />
      <section aria-label="Investigation guide">
        <h4>Investigation guide</h4>
        {note.trim() === '' ? (
          <p className="hint">No investigation guide.</p>
        ) : (
          <Suspense fallback={<p className="hint">Loading the guide…</p>}>
            <GuideView note={note} />
          </Suspense>
        )}
      </section>
    </article>
  )
}

/** A reference: a link when it is an absolute http(s) URL, else its text. */
function LinkOrText({ url }: { url: string }) {
  const href = safeHref(url)
  return href === null ? <span>{url}</span> : <a href={href} {...OUTSIDE_LINK}>{url}</a>
}

function Section({ title, items, render, inline = false }: { title: string; items: readonly string[] | undefined; render: (item: string) => ReactNode; inline?: boolean }) {
  // Imported data: an array that was typed as strings may still hold anything else.
  const list = (items ?? []).filter((i): i is string => typeof i === 'string')
  if (list.length === 0) return null
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      <ul className={inline ? 'rule-inline-list' : 'rule-list'}>
        {list.map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
    </section>
  )
}

/** Threshold groups and new-terms fields, for rules of those types. */
function TypeParams({ rule }: { rule: RuleDocument }) {
  if (rule.type === 'threshold') {
    const t = thresholdOf(rule)
    return (
      <p className="rule-type-params" data-testid="rule-threshold">
        Alerts when {t.fields.length === 0 ? 'all events together' : `a group of ${t.fields.join(', ')}`} reach {t.value ?? '?'} events
        {t.cardinality !== null && ` with at least ${t.cardinality.value ?? '?'} distinct ${t.cardinality.field}`}.
      </p>
    )
  }
  if (rule.type === 'new_terms') {
    const n = newTermsOf(rule)
    return (
      <p className="rule-type-params" data-testid="rule-new-terms">
        Alerts on a value of {n.fields.join(', ') || '?'} not seen since {n.historyWindowStart || '?'}.
      </p>
    )
  }
  return null
}
