/**
 * Kibana-style rule exceptions: the item model (types.ts) and, in this folder, how items are read
 * from Kibana's formats, compiled into one event test, applied to a run, described in words, and
 * exported as the Query DSL the detection engine adds to the rule's search (README.md).
 */
export type * from './types'
export { readExceptionItems, readItem, type ReadItems } from './read-items'
export { compileExceptions, type CompiledExceptions, type ExceptionProblemInfo } from './compile-exceptions'
export { EXCEPTION_CODES, EXCEPTION_CODE_LIST, EXCEPTION_RUN_CODES, exceptionFailureDiagnostics, type ExceptionCodeDef } from './codes'
export {
  describeEntry,
  describeItem,
  EXCEPTION_OPERATORS,
  makeEntry,
  operatorLabelOf,
  type ExceptionOperatorLabel,
  type LabelledEntryType,
} from './describe'
export { exceptionsFilterDsl, itemDsl } from './to-dsl'
export { runWithExceptions, runCutsMatches, type ExceptedEventInfo, type RunWithExceptionsOptions } from './apply-exceptions'
