import type { CodeDef } from '../diagnostics/diagnostic'

/**
 * Run-time codes, EQL3xxx: limits and data problems found while matching events. Elasticsearch has
 * no equivalent wording for most of these (it fails the search or trips a circuit breaker), so the
 * messages say what happened in the playground's terms. Codes are stable: never renumber.
 */
function def(code: string, severity: CodeDef['severity'], template: string): CodeDef {
  return { code, severity, template }
}

export const RUN_CODES = {
  /** the matcher keeps one partial per join key and stage; this caps their total */
  tooManyPending: def(
    'EQL3001',
    'error',
    'Too many pending sequences: more than {limit} partial sequences are waiting for their next stage; narrow the first stage or add join keys',
  ),
  /** Elasticsearch cannot return events without a timestamp from event or sequence queries */
  missingTimestamp: def(
    'EQL3002',
    'warning',
    '{count} matching event(s) have no usable value in the timestamp field [{field}] and were left out, as Elasticsearch requires one',
  ),
  /** the caller's shouldStop() asked the run to end early (e.g. a newer edit superseded it) */
  stopped: def('EQL3003', 'warning', 'The run was stopped after {count} events; results are incomplete'),
  /** a bug in the engine, reported instead of thrown so the UI keeps working */
  internal: def('EQL3004', 'error', 'Internal error while running the query: {message}'),
  /** a bug in the compiler, reported instead of thrown */
  internalCompile: def('EQL3006', 'error', 'Internal error while compiling the query: {message}'),
  /** an evaluation error for some event (number("abc"), overflow, / by zero): ES fails the search */
  searchFailure: def('EQL3007', 'error', 'Elasticsearch would fail this search: {message}'),
  /** the caller handed something other than a compiled program */
  noProgram: def('EQL3005', 'error', 'The query has errors and cannot be run'),
} as const satisfies Record<string, CodeDef>

/** The name of a run-time code, as RunContext.report takes it. */
export type RunCode = keyof typeof RUN_CODES
/** Every run-time code, for the registry uniqueness test and documentation. */
export const RUN_CODE_LIST: readonly CodeDef[] = Object.values(RUN_CODES)
