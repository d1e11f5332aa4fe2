import type { Schema } from '../schema/types'
import { span } from '../source/span'
import { targetOf } from '../kql/check-fields'
import type { CompileContext } from '../kql/compile-context'
import { matchTest } from '../kql/compile-match'
import { UTC } from '../kql/compile-time-zone'
import { andTests, keywordTest, orTests } from '../kql/compile-values'
import { NEVER, type EventTest } from '../kql/program'
import { kqlSettings } from '../kql/settings'
import { lowerSimple } from '../values/case-fold'
import { compileGetter } from '../values/field-getter'
import { EXCEPTION_CODES, type ExceptionCodeDef } from './codes'
import { compileEntry } from './compile-entry'
import type { ExceptionItem, ExceptionOsType } from './types'

/**
 * Exception items compiled into one event test: which item (if any) takes an event out of the
 * rule's matches. Items are OR-ed (the first that matches is named), entries AND-ed, an item's
 * `os_types` AND-ed with its entries. An item with a problem that stops it (a list entry, an empty
 * value, a query Elasticsearch would refuse) never matches; `problems` says why, and severity
 * `error` means the rule's search would fail as a whole (README.md: what a run does then).
 */

/** A problem of one item (or one of its entries), in words. */
export interface ExceptionProblemInfo {
  readonly code: string
  /** index of the item in the list compiled */
  readonly item: number
  /** index of the entry in the item, when the problem is one entry's */
  readonly entry?: number
  readonly severity: 'error' | 'warning'
  readonly message: string
}

export interface CompiledExceptions {
  /** how many items were compiled (applied or not) */
  readonly count: number
  /** index of the first item that matches the event, -1 when none */
  itemOf(event: unknown): number
  readonly problems: readonly ExceptionProblemInfo[]
}

/** Compiles exception items against the run's schema. Never throws. */
export function compileExceptions(items: readonly ExceptionItem[], opts: { readonly schema: Schema }): CompiledExceptions {
  const problems: ExceptionProblemInfo[] = []
  const list = Array.isArray(items) ? items : []
  try {
    const ctx = contextFor(opts.schema)
    const tests = list.map((item, i) => compileItem(item, i, ctx, problems))
    const live: { index: number; test: EventTest }[] = []
    tests.forEach((test, index) => {
      if (test !== null && test !== NEVER) live.push({ index, test })
    })
    return {
      count: list.length,
      problems,
      itemOf: (event) => {
        for (let k = 0; k < live.length; k++) {
          const l = live[k] as { index: number; test: EventTest }
          if (l.test(event)) return l.index
        }
        return -1
      },
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    problems.push({ ...codeOf(EXCEPTION_CODES.internal), item: 0, message: `Internal error while compiling the exception items (a bug, not a problem with them): ${message}` })
    return { count: list.length, problems, itemOf: () => -1 }
  }
}

const codeOf = (def: ExceptionCodeDef) => ({ code: def.code, severity: def.severity })

/** The KQL evaluator's context: match_phrase values are read in UTC, as the detection engine sends them. */
function contextFor(schema: Schema): CompileContext {
  return { schema, settings: kqlSettings({ dateFormatTZ: 'UTC' }), now: Date.now(), tz: UTC, diagnostics: [], nestedPath: undefined, warned: new Set(), constants: new Map() }
}

function compileItem(item: ExceptionItem, i: number, ctx: CompileContext, problems: ExceptionProblemInfo[]): EventTest | null {
  const entries = Array.isArray(item.entries) ? item.entries : []
  const name = typeof item.name === 'string' && item.name !== '' ? `Exception "${item.name}"` : `Exception item ${i + 1}`
  if (entries.length === 0) {
    problems.push({ ...codeOf(EXCEPTION_CODES.noEntries), item: i, message: `${name} has no entries; it is not applied.` })
    return null
  }
  const tests: EventTest[] = []
  let usable = true
  entries.forEach((entry, k) => {
    const test = compileEntry(entry, ctx, (def, message) => problems.push({ ...codeOf(def), item: i, entry: k, message: `${name}: ${message}` }))
    if (test === null) usable = false
    else tests.push(test)
  })
  if (!usable) return null
  const os = item.os_types ?? []
  if (os.length > 0) tests.push(osTest(os, ctx))
  return andTests(tests)
}

/**
 * An endpoint item's OS condition: `host.os.type` is one of the types, or `host.os.name.caseless`
 * is. `.caseless` is Elastic Defend's multi-field of `host.os.name` with a lowercase normaliser,
 * so it is read from `host.os.name`, lowercased, whether or not the schema lists it.
 */
function osTest(os: readonly ExceptionOsType[], ctx: CompileContext): EventTest {
  const type = targetOf('host.os.type', ctx)
  const local: CompileContext = { ...ctx, diagnostics: [] }
  const byType = os.map((t) => matchTest(type, t, true, local, span(0, 0)))
  const wanted = new Set<string>(os)
  const byName = keywordTest(compileGetter('host.os.name'), undefined, (s) => wanted.has(lowerSimple(s)))
  return orTests([...byType, byName])
}
