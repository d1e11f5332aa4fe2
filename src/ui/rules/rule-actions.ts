/**
 * The rule import/export actions the dialogs run on the main thread: one-shot work on a small
 * text, loaded only through `loadRuleActions()` (a dynamic import), so the rule parsers and
 * writers, the KQL DSL and the ECS table stay out of the initial bundle (docs/architecture.md).
 */
export { openableRule, readRuleText, type ImportView, type OpenableRule } from './import-actions'
export { exportAs, exportedRule, fileStem, type ExportFormat, type ExportInput, type ExportedText } from './export-actions'
