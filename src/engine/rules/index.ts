/**
 * Elastic's rule formats in and out: detection-rules TOML, Kibana rule JSON / export NDJSON,
 * rule documentation pages, bare queries; and the Elasticsearch requests and test suites a rule
 * exports to. Importers never throw: problems come back as diagnostics (codes RULE1xxx for input
 * that cannot be read, RULE2xxx for a rule missing or mistyping a field, RULE3xxx for exports).
 */
export type { RuleDocument, RuleExceptions, RuleImportResult, RuleLanguage, ThreatEntry } from './rule-document'
export { detectLanguage } from './rule-document'
export { importDetectionRulesToml } from './import-toml'
export { importKibanaRuleJson } from './import-kibana'
export { importRuleMarkdown } from './import-markdown'
export { importBareQuery, importRule, sniffRuleFormat, type RuleFormat } from './import-rule'
export { exportDetectionRulesToml, exportKibanaRuleJson } from './export-rule'
export { exportEqlSearchRequest, exportKqlSearchRequest, type KqlSearchRequestResult } from './export-requests'
export { exportTestFile, type ExportedTestFile, type TestExpectations } from './export-test-file'
export { exportDocumentTestFile, type DocumentTestFile, type DocumentTestOptions, type EventLabel } from './export-document-test'
export { importSearchRequest, importTestFile } from './import-exported'
export { exportKibanaNdjson, type KibanaNdjsonExport } from './export-exception-lists'
export { exceptionLineOf, exceptionRefsOf, exceptionsForRules, type ExceptionLine, type ExceptionListRef } from './import-exception-lists'
