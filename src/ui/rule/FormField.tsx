import type { ReactNode } from 'react'
import type { RuleDraft } from './rule-draft'
import type { DraftProblems } from './rule-edit'

/** What every field of the rule form needs: the draft, its problems and how to change one field. */
export interface FieldContext {
  readonly draft: RuleDraft
  readonly problems: DraftProblems
  readonly change: (field: keyof RuleDraft, value: string) => void
}

/**
 * One labelled control of the rule form with its problem right under it (linked by
 * aria-describedby and flagged aria-invalid, so the message is read with the control).
 */
export function FormField({ ctx, field, label, hint, children }: { ctx: FieldContext; field: keyof RuleDraft; label: string; hint?: string; children?: ReactNode }) {
  const problem = ctx.problems[field]
  const id = `rule-field-${field}`
  const described = [problem !== undefined ? `${id}-problem` : '', hint !== undefined ? `${id}-hint` : ''].filter((s) => s !== '').join(' ')
  const common = { id, 'aria-invalid': problem !== undefined, ...(described === '' ? {} : { 'aria-describedby': described }) }
  return (
    <div className="rule-field">
      <label htmlFor={id}>{label}</label>
      {children === undefined ? (
        field === 'description' || field === 'note' || field === 'filters' ? (
          <textarea {...common} rows={field === 'description' ? 3 : 6} spellCheck={field !== 'filters'} value={ctx.draft[field]} onChange={(e) => ctx.change(field, e.target.value)} />
        ) : (
          <input {...common} type="text" value={ctx.draft[field]} onChange={(e) => ctx.change(field, e.target.value)} />
        )
      ) : (
        children
      )}
      {hint !== undefined && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {problem !== undefined && (
        <span className="rule-field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}

/** A select among `options` for one field ('' offered as "not set" when `unset` is given). */
export function SelectField({ ctx, field, label, options, unset }: { ctx: FieldContext; field: keyof RuleDraft; label: string; options: readonly string[]; unset?: string }) {
  const problem = ctx.problems[field]
  const id = `rule-field-${field}`
  const value = ctx.draft[field]
  // A value outside the list (an imported oddity) is still shown, so saving does not change it silently.
  const all = value === '' || options.includes(value) ? options : [...options, value]
  return (
    <FormField ctx={ctx} field={field} label={label}>
      <select id={id} value={value} aria-invalid={problem !== undefined} {...(problem === undefined ? {} : { 'aria-describedby': `${id}-problem` })} onChange={(e) => ctx.change(field, e.target.value)}>
        {unset !== undefined && <option value="">{unset}</option>}
        {all.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </FormField>
  )
}
