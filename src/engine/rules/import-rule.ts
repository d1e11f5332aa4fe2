import { importSearchRequest, importTestFile, isSearchRequest, isTestFile } from './import-exported'
import { importKibanaRuleJson } from './import-kibana'
import { extractNumberedToml, importRuleMarkdown } from './import-markdown'
import { importDetectionRulesToml } from './import-toml'
import { detectLanguage, ruleDiagnostic, type RuleImportResult } from './rule-document'

/** Which importer `importRule` picked. */
export type RuleFormat = 'kibana-json' | 'detection-rules-toml' | 'markdown' | 'bare-query' | 'search-request' | 'test-file'

/**
 * Imports pasted or loaded text in whichever format it is: JSON or NDJSON (starts with `{` or
 * `[{`), detection-rules TOML (a `[rule]` or `[metadata]` table), a documentation page (a
 * "Rule type" label and a "Rule query" section), what the playground exports besides rules (an
 * `_eql/search` request, a CLI test file), otherwise a bare query. Never throws.
 */
export function importRule(text: string): RuleImportResult & { format: RuleFormat } {
  const format = sniffRuleFormat(text)
  switch (format) {
    case 'kibana-json': return { ...importKibanaRuleJson(text), format }
    case 'detection-rules-toml': return { ...importDetectionRulesToml(text), format }
    case 'markdown': return { ...importRuleMarkdown(text), format }
    case 'search-request': return { ...importSearchRequest(text), format }
    case 'test-file': return { ...importTestFile(text), format }
    case 'bare-query': {
      if (text.trim() === '') return { rules: [], diagnostics: [ruleDiagnostic('RULE1006', 'the input is empty')], format }
      return { ...importBareQuery(text), format }
    }
  }
}

/** The format `importRule` would use for this text. */
export function sniffRuleFormat(text: string): RuleFormat {
  const head = text.trimStart()
  if (isSearchRequest(text)) return 'search-request'
  // `[` alone could start an EQL sequence step or a TOML table; JSON arrays start with `[{` or `[]`.
  if (head.startsWith('{') || /^\[\s*[{\]]/.test(head)) return 'kibana-json'
  if (/^\s*\[(rule|metadata)\]\s*$/m.test(text)) return 'detection-rules-toml'
  if (isTestFile(text)) return 'test-file'
  if (extractNumberedToml(text) !== null) return 'markdown'
  if (/^\s*(\*\*)?Rule type(\*\*)?\s*:/m.test(text) && /^\s*(##\s*)?Rule query\b/m.test(text)) return 'markdown'
  return 'bare-query'
}

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
