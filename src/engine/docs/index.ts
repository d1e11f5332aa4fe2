/** Function and operator reference data (completion, hover, the quick-reference panel). */
export { FUNCTION_DOCS, functionDoc, functionMarkdown, tildeNote, type FunctionDoc } from './eql-functions'
export { EQL_OPERATOR_DOCS, KQL_OPERATOR_DOCS, operatorDoc, operatorMarkdown, type OperatorDoc, type CaseRule } from './operators'
export { kqlLiteralRule, kqlValueFamily, type KqlValueFamily } from './kql-literals'
export { EQL_KEYWORD_DOCS, keywordDoc, keywordMarkdown, type KeywordDoc } from './eql-keywords'
export type { SyntaxDoc, SyntaxGroup } from './syntax-doc'
export { EQL_SYNTAX_DOCS } from './eql-syntax'
export { KQL_SYNTAX_DOCS } from './kql-syntax'
export { KQL_FIELD_TYPE_DOCS, kqlTypeKey } from './kql-field-types'
export {
  REFERENCE_ENTRIES,
  REFERENCE_GROUPS,
  referenceEntry,
  keywordEntry,
  operatorEntryId,
  functionEntryId,
  type ReferenceEntry,
  type ReferenceGroupId,
} from './reference'
export { referenceIdForHover } from './reference-hover'
