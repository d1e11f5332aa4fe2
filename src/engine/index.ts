/**
 * The engine's public API: what the worker, the CLI and the tests call. Everything here is pure
 * (ES2022, no DOM, no Node) and never throws on user input — each entry point returns its result
 * with Diagnostic[].
 *
 * Typical use:
 *   const { schema } = buildSchema({ ecs: true, events })
 *   const { program, diagnostics } = compileEql(text, { schema, settings })
 *   const out = program && runEql(program, events, { shouldStop })
 */

// ---- source positions and diagnostics
export type { Span, LineColumn } from './source/span'
export { span, cover, lineStarts, toLineColumn } from './source/span'
export type { Diagnostic, Severity, CodeDef } from './diagnostics/diagnostic'
export { hasErrors } from './diagnostics/diagnostic'
export { formatCaret } from './diagnostics/caret'

// ---- results
export type {
  FieldHit,
  MatchedEvent,
  MissingEvent,
  SequenceMatch,
  RunResult,
  RunOutput,
} from './result'
export { isMissing, NO_HITS } from './result'
export { hitsOf, type HitsProgram } from './hits-of'

// ---- schema
export type { EsFieldType, FieldOrigin, MultiField, FieldSpec, Schema } from './schema/types'
export { buildSchema, type BuildSchemaOptions, type BuiltSchema } from './schema/build-schema'

// ---- events input
export { parseEventsText, type ParsedEvents, type EventsFormat, type EventsProblem } from './events/parse-events'

// ---- EQL
export type * from './eql/ast'
export { type EqlSettings, DEFAULT_EQL_SETTINGS, eqlSettings } from './eql/settings'
export { parseEql } from './eql/parser'
export { checkEql } from './eql/check'
export { compileEql, type CompileEqlOptions, type CompileEqlOutput } from './eql/compile-eql'
export { runEql } from './eql/run-eql'
export type { EqlProgram, RunLimits } from './eql/program'
export { DEFAULT_MAX_PENDING } from './eql/program'
export { CHECK_CODES, CHECK_CODE_LIST } from './eql/codes-check'
export { SYNTAX_CODES, SYNTAX_CODE_LIST } from './eql/codes-syntax'
export { RUN_CODES, RUN_CODE_LIST } from './eql/codes-run'

// ---- KQL (parser, printer, evaluator, Query DSL exporter)
export * from './kql'

// ---- explain: evaluation trees for single events, near misses, clause coverage
export * from './explain'

// ---- editor support: completion, hover, ECS docs (loaded lazily), function/operator reference
export * from './complete'
export * from './docs'
export * from './rules'
export { fieldsOfQuery, type QueryFields } from './query-fields'
export * from './tune/add-exclusion'

// ---- Kibana-style exception items applied on top of a rule
export * from './exceptions'

// ---- alert simulation: schedule, rule types, alert documents
export * from './alerts'
