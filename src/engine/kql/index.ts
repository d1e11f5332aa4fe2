/**
 * The KQL public surface: parsing and printing (Kibana's grammar), the evaluator (compile once,
 * run over events with Elasticsearch's answers), and the Query DSL exporter.
 */
export type {
  AndNode,
  FieldName,
  FieldPattern,
  IsNode,
  KeywordValue,
  KqlField,
  KqlNode,
  KqlValue,
  LiteralValue,
  MatchAllNode,
  NestedNode,
  NotNode,
  OrNode,
  RangeNode,
  RangeOp,
  ValueList,
  WildcardValue,
} from './ast'
export { listOf } from './ast'
export { parseKql, formatKql, printKql, type KqlParseResult } from './parser'
export { KQL_SYNTAX_CODES, KQL_SYNTAX_CODE_LIST } from './codes-syntax'
export { compileKql, type CompileKqlOptions, type CompileKqlOutput } from './compile-kql'
export { runKql } from './run-kql'
export type { KqlProgram, KqlRunOptions } from './program'
export { type KqlSettings, DEFAULT_KQL_SETTINGS, kqlSettings } from './settings'
export { KQL_CHECK_CODES, KQL_RUN_CODES, KQL_CHECK_CODE_LIST } from './codes-check'
export { isTypeKnown } from './check-fields'
export * from './dsl'
