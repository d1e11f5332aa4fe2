import { create } from 'zustand'
import type { RuleDocument } from '../../engine'
import type { QueryLanguage } from '../../state/document-slice'
import { draftOf, type RuleDraft } from './rule-draft'

/**
 * The open rule form, kept outside the panel component so that closing the panel (its × or
 * Escape, which the page handles before any form field sees it) does not throw away what the
 * user typed: reopening the panel shows the form as it was. Page-session state, not part of the
 * document (it is not saved); it belongs to the rule it was opened on (`of`, null for a rule
 * being described), and RulePanel ignores it once the document's rule is another one.
 */
export interface RuleForm {
  readonly base: RuleDocument
  readonly of: RuleDocument | null
  readonly draft: RuleDraft
}

interface RuleFormStore {
  readonly form: RuleForm | null
  /** opens the form on `base` (the document's rule `of`, or a new rule when `of` is null) */
  start(base: RuleDocument, of: RuleDocument | null, language: QueryLanguage): void
  change(field: keyof RuleDraft, value: string): void
  /** closes the form (saved or cancelled) */
  finish(): void
}

export const useRuleForm = create<RuleFormStore>()((set) => ({
  form: null,
  start: (base, of, language) => set({ form: { base, of, draft: draftOf(base, language) } }),
  change: (field, value) => set((s) => (s.form === null ? {} : { form: { ...s.form, draft: { ...s.form.draft, [field]: value } } })),
  finish: () => set({ form: null }),
}))
