import { useEffect, useRef } from 'react'
import { usePlayground } from '../use-playground'
import { RuleEditForm } from './RuleEditForm'
import { RuleView } from './RuleView'
import { describedRule } from './rule-edit'
import { useRuleForm } from './rule-form-store'
import './rule.css'

/**
 * The rule's metadata (issue 7): what the detection rule around the query says about itself, and
 * its type and schedule, which the alert simulation reads. Loaded when the panel first opens. A
 * document without a rule offers to describe one from the current query; nothing is stored until
 * the form is saved. The form (rule-form-store.ts) survives closing the panel, and belongs to the
 * rule it was opened on: when another document (or an import) replaces the rule, it is dropped
 * instead of saving stale fields over the new rule.
 */
export default function RulePanel() {
  const rule = usePlayground((s) => s.rule)
  const language = usePlayground((s) => s.language)
  const query = usePlayground((s) => s.query)
  const editAbout = usePlayground((s) => s.editAbout)
  const form = useRuleForm((s) => s.form)
  const start = useRuleForm((s) => s.start)
  const finish = useRuleForm((s) => s.finish)
  const active = form !== null && form.of === rule ? form : null
  const mode = active !== null ? 'form' : rule === null ? 'none' : 'view'
  const box = useRef<HTMLDivElement>(null)
  const shown = useRef(mode)
  useEffect(() => {
    if (shown.current === mode) return
    shown.current = mode
    // The button just pressed (Edit, Save, Cancel, Describe) went with the view it was in: a
    // keyboard user goes on in the panel rather than at the top of the page.
    if (document.activeElement === document.body || document.activeElement === null) box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus()
  }, [mode])

  if (active !== null) {
    return (
      <div ref={box} className="rule-panel" data-testid="rule-panel">
        <RuleEditForm
          form={active}
          language={language}
          onSave={(next) => {
            // A rule described from the query takes the query as it is now.
            editAbout({ rule: active.of === null ? { ...next, query } : next })
            finish()
          }}
          onCancel={finish}
        />
      </div>
    )
  }
  if (rule === null) {
    return (
      <div ref={box} className="rule-panel" data-testid="rule-panel">
        <p className="hint">
          This document has no rule metadata: no name, severity, schedule or rule type. Imported rules and the examples bring theirs; the alert
          simulation needs one.
        </p>
        <button type="button" onClick={() => start(describedRule(query, language), null, language)}>
          Describe this rule
        </button>
      </div>
    )
  }
  return (
    <div ref={box} className="rule-panel" data-testid="rule-panel">
      <RuleView rule={rule} language={language} onEdit={() => start(rule, rule, language)} />
    </div>
  )
}
