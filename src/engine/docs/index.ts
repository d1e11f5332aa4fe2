/** Function and operator reference data (completion, hover, the quick-reference panel). */
export { FUNCTION_DOCS, functionDoc, functionMarkdown, tildeNote, type FunctionDoc } from './eql-functions'
export { EQL_OPERATOR_DOCS, KQL_OPERATOR_DOCS, operatorDoc, operatorMarkdown, type OperatorDoc, type CaseRule } from './operators'
export { kqlLiteralRule, kqlValueFamily, type KqlValueFamily } from './kql-literals'
export { EQL_KEYWORD_DOCS, keywordDoc, keywordMarkdown, type KeywordDoc } from './eql-keywords'
