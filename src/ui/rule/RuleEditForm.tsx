import type { RuleDocument } from '../../engine'
import type { QueryLanguage } from '../../state/document-slice'
import { FormField, SelectField, type FieldContext } from './FormField'
import { SEVERITIES, typesFor } from './rule-draft'
import { applyDraft, draftProblems } from './rule-edit'
import { useRuleForm, type RuleForm } from './rule-form-store'

/**
 * The rule form: name, description, severity, risk score, type and schedule, the parameters of
 * threshold and new_terms rules, and the investigation guide. Problems show at their control and keep Save disabled; Save
 * writes the rule back (rule-edit.ts), which autosave and the exports then carry.
 */
export function RuleEditForm({ form, language, onSave, onCancel }: { form: RuleForm; language: QueryLanguage; onSave: (rule: RuleDocument) => void; onCancel: () => void }) {
  const change = useRuleForm((s) => s.change)
  const { base, draft } = form
  const problems = draftProblems(draft, language, base)
  const ctx: FieldContext = { draft, problems, change }
  const count = Object.keys(problems).length
  return (
    <form
      className="rule-form"
      aria-label="Edit rule"
      onSubmit={(e) => {
        e.preventDefault()
        if (count === 0) onSave(applyDraft(base, draft))
      }}
    >
      <FormField ctx={ctx} field="name" label="Name" />
      <FormField ctx={ctx} field="description" label="Description" />
      <div className="rule-form-row">
        <SelectField ctx={ctx} field="severity" label="Severity" options={SEVERITIES} unset="not set" />
        <FormField ctx={ctx} field="riskScore" label="Risk score" hint="0 to 100" />
      </div>
      <SelectField ctx={ctx} field="type" label="Rule type" options={typesFor(language, base.type)} />
      {draft.type === 'threshold' && (
        <fieldset>
          <legend>Threshold</legend>
          <FormField ctx={ctx} field="thresholdFields" label="Group by fields" hint="comma-separated; none: all events together" />
          <FormField ctx={ctx} field="thresholdValue" label="Threshold" hint="events per group" />
          <div className="rule-form-row">
            <FormField ctx={ctx} field="cardinalityField" label="Cardinality field" />
            <FormField ctx={ctx} field="cardinalityValue" label="Distinct values" />
          </div>
        </fieldset>
      )}
      {draft.type === 'new_terms' && (
        <fieldset>
          <legend>New terms</legend>
          <FormField ctx={ctx} field="newTermsFields" label="Fields" hint="1 to 3, comma-separated" />
          <FormField ctx={ctx} field="historyWindowStart" label="History window start" hint="e.g. now-7d" />
        </fieldset>
      )}
      <fieldset>
        <legend>Schedule</legend>
        <div className="rule-form-row">
          <FormField ctx={ctx} field="interval" label="Interval" hint="e.g. 5m; empty: 5m" />
          <FormField ctx={ctx} field="from" label="Look-back from" hint="e.g. now-9m; empty: now-6m" />
        </div>
        <div className="rule-form-row">
          <FormField ctx={ctx} field="maxSignals" label="Max signals" hint="empty: 100" />
          <FormField ctx={ctx} field="timestampOverride" label="Timestamp override" hint="e.g. event.ingested" />
        </div>
      </fieldset>
      <FormField ctx={ctx} field="filters" label="Filters" hint="Kibana filter JSON, as the rule's filters array; AND-ed with the query" />
      <FormField ctx={ctx} field="note" label="Investigation guide" hint="Markdown; raw HTML and images are shown as text" />
      <div className="rule-form-actions">
        <button type="submit" disabled={count > 0}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {count > 0 && <span className="hint">{count === 1 ? '1 field to fix' : `${count} fields to fix`}</span>}
      </div>
    </form>
  )
}
