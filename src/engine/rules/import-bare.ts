import { detectLanguage, ruleDiagnostic, type RuleImportResult } from './rule-document'

/**
 * Imports a query with no rule around it: EQL when it starts like an EQL statement
 * (`<category> where`, `sequence`, `sample`), KQL otherwise. Never throws.
 */
export function importBareQuery(text: string, name = 'Untitled rule'): RuleImportResult {
  const query = text.trim()
  if (query === '') return { rules: [], diagnostics: [ruleDiagnostic('RULE1006', 'the input is empty')] }
  const language = detectLanguage(query)
  return { rules: [{ name, type: language === 'eql' ? 'eql' : 'query', language, query, extra: {} }], diagnostics: [] }
}
