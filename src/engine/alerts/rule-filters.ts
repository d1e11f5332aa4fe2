import type { CompileContext } from '../kql/compile-context'
import { UTC } from '../kql/compile-time-zone'
import { andTests, notTest } from '../kql/compile-values'
import { ALWAYS, NEVER, type EventTest } from '../kql/program'
import { kqlSettings } from '../kql/settings'
import type { Schema } from '../schema/types'
import { compileClause } from './rule-filters-dsl'
import { RULE_PARAM_CODES as C, type RuleParamCodeDef } from './rule-params-codes'

/**
 * A rule's `filters` (Kibana filter objects, as the filter bar saves them:
 * `{meta: {negate, disabled, type, key, params}, query: {...Query DSL}}`, or the older shape with
 * the DSL beside `meta`, e.g. `{exists: {field}, meta}`) compiled into one event test, as the
 * detection engine applies them: disabled filters are dropped, the others are cleaned of `meta`
 * and `$state`, negated ones go to the search's bool.must_not and the rest to bool.filter, all
 * AND-ed with the rule's query (and its exceptions). The caller ANDs `test` with the query's
 * matches.
 *
 * Problems (RULE22xx): a filter not in Kibana's shape or with a clause the playground does not
 * evaluate is LEFT OUT (warning: the simulation may raise more alerts than Kibana); a clause
 * Elasticsearch would refuse (a value the field type cannot parse, a wildcard on a number) makes
 * the whole search fail (error): `test` then matches nothing, as the rule raises no alert.
 */
export interface RuleFilterProblem {
  readonly code: string
  readonly severity: RuleParamCodeDef['severity']
  /** index of the filter in the rule's list */
  readonly filter: number
  /** the problem in words, without the filter's position (callers add `filter N:`) */
  readonly message: string
}

export interface CompiledRuleFilters {
  /** null when no filter applies (none, all disabled, or all left out): every event passes */
  readonly test: EventTest | null
  readonly problems: readonly RuleFilterProblem[]
  /** how many filters take part (enabled and evaluated) */
  readonly applied: number
}

export interface RuleFiltersOptions {
  readonly schema: Schema
  /**
   * epoch ms `now` stands for in date math of range filters; default the current time.
   * Elasticsearch evaluates it at each run's search: compile per execution (now = runAt) to be exact.
   */
  readonly now?: number
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Compiles a rule's filters. Never throws. */
export function compileRuleFilters(filters: unknown, opts: RuleFiltersOptions): CompiledRuleFilters {
  const problems: RuleFilterProblem[] = []
  if (filters === undefined || filters === null) return { test: null, problems, applied: 0 }
  if (!Array.isArray(filters)) {
    problems.push({ code: C.filtersNotList.code, severity: C.filtersNotList.severity, filter: 0, message: '"filters" must be a list of filter objects; the rule cannot run' })
    return { test: NEVER, problems, applied: 0 }
  }
  try {
    const ctx: CompileContext = {
      schema: opts.schema,
      settings: kqlSettings({ dateFormatTZ: 'UTC' }),
      now: opts.now ?? Date.now(),
      tz: UTC,
      diagnostics: [],
      nestedPath: undefined,
      warned: new Set(),
      constants: new Map(),
    }
    const tests: EventTest[] = []
    let failed = false
    filters.forEach((f: unknown, index) => {
      const report = (def: RuleParamCodeDef, message: string): void => {
        if (def.severity === 'error') failed = true
        problems.push({ code: def.code, severity: def.severity, filter: index, message })
      }
      if (!isRecord(f)) {
        report(C.filterShape, 'not an object; the filter is left out')
        return
      }
      const meta = isRecord(f['meta']) ? f['meta'] : {}
      if (meta['disabled'] === true) return
      const test = compileClause(queryOf(f), ctx, report)
      if (test === null) return
      tests.push(meta['negate'] === true ? notTest(test) : test)
    })
    if (failed) return { test: NEVER, problems, applied: tests.length }
    if (tests.length === 0) return { test: null, problems, applied: 0 }
    const all = andTests(tests)
    return { test: all === ALWAYS ? null : all, problems, applied: tests.length }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    problems.push({ code: C.filterShape.code, severity: 'warning', filter: 0, message: `internal error while compiling the filters (a bug, not a problem with them): ${message}; filters left out` })
    return { test: null, problems, applied: 0 }
  }
}

/** The DSL Kibana sends for a filter: its `query`, else the filter without `meta` and `$state`. */
function queryOf(filter: Record<string, unknown>): unknown {
  if (isRecord(filter['query'])) return filter['query']
  const rest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(filter)) if (k !== 'meta' && k !== '$state') rest[k] = v
  return rest
}
