import type { In, Match } from './ast'
import { familyOf } from './check-types'
import { compileValue, type ValueCode } from './compile-expr'
import type { CompileContext } from './compile-context'
import { convertConstant } from './compile-constant'
import { indexedKey } from '../values/compare-indexed'
import { ALWAYS, NEVER, NULL_CONDITION, anyIndexed, anyString, stringIn, type EventTest } from './compile-leaf'
import { not } from './compile-compare'
import { compileWildcard } from '../values/wildcard'
import { foldedPrefixFilter } from '../values/folded-prefix-filter'

type StringTest = (s: string) => boolean
import { foldCase } from '../values/case-fold'
import { dateIn, dateRange, isDateField, type DateRange } from './compile-date'
import { isFault } from '../values/indexed-types'
import { cidrContains, parseCidr, type Cidr } from '../values/ip-address'
import { compileLuceneRegex } from '../values/lucene-regex'

/**
 * `:` `like` `like~` `regex` `regex~` (a list is an OR) and `in` `in~` `not in` `not in~`.
 * Constants are prepared once: patterns folded and compiled, `in` lists turned into Sets of the
 * subject's indexed form (lower-cased once for `in~`). `in`/`in~` never expand wildcards.
 */
export function compileMatch(e: Match, ctx: CompileContext): EventTest {
  const subject = compileValue(e.subject, ctx)
  // a null subject or a null pattern folds the whole predicate to null (FoldNull)
  if (isNullConstant(subject) || e.patterns.some((p) => p.kind === 'null')) return NULL_CONDITION
  const insensitive = e.op === ':' || e.op === 'like~' || e.op === 'regex~'
  const tests: StringTest[] = []
  const folded: string[] = []
  for (const p of e.patterns) {
    if (typeof p.value !== 'string') continue
    if (e.op === 'regex' || e.op === 'regex~') {
      const re = compileLuceneRegex(p.value, { ...ctx.regexOptions, caseInsensitive: e.op === 'regex~' })
      if (re.ok) tests.push((s) => re.test(s))
    } else {
      const pattern = insensitive ? foldCase(p.value) : p.value
      folded.push(pattern)
      tests.push(compileWildcard(pattern, false))
    }
  }
  if (tests.length === 0) return NEVER
  // regex~ folds inside the automaton; wildcard `:`/like~ fold the value once for all patterns
  const foldValue = insensitive && e.op !== 'regex~'
  const one = tests.length === 1 ? tests[0] : undefined
  const anyPattern: StringTest =
    one !== undefined
      ? one
      : (s) => {
          for (let i = 0; i < tests.length; i++) if ((tests[i] as StringTest)(s)) return true
          return false
        }
  // most values differ from every pattern's literal start: reject those before folding (copying) them
  const mayMatch = foldValue ? foldedPrefixFilter(folded) : null
  const test: StringTest = !foldValue
    ? anyPattern
    : mayMatch === null
      ? (s) => anyPattern(foldCase(s))
      : (s) => mayMatch(s) && anyPattern(foldCase(s))
  return constantOr(subject, anyString(subject, test))
}

/** `in` / `in~` / `not in` / `not in~` against constant items. */
export function compileIn(e: In, ctx: CompileContext): EventTest {
  const subject = compileValue(e.subject, ctx)
  if (isNullConstant(subject)) return NULL_CONDITION // `null in (...)` folds to null; so does its negation
  const positive = inTest(e, subject, ctx)
  return e.negated ? not(positive) : positive
}

function inTest(e: In, subject: ValueCode, ctx: CompileContext): EventTest {
  if (isDateField(subject) && subject.field !== null) {
    const spec = subject.field.spec
    const now = ctx.now ?? Date.now()
    const ranges: DateRange[] = []
    for (const item of e.items) {
      const value = compileValue(item, ctx).constant?.value
      if (value === null || value === undefined) continue
      const r = dateRange(value, spec, now)
      if (typeof r !== 'string') ranges.push(r)
    }
    return ranges.length === 0 ? NEVER : constantOr(subject, dateIn(subject, ranges))
  }
  const strings = new Set<string>()
  const keys = new Set<string | number | boolean | bigint>()
  const blocks: Cidr[] = []
  const ip = familyOf(subject.type) === 'ip'
  for (const item of e.items) {
    const code = compileValue(item, ctx)
    const value = code.constant?.value
    if (value === null || value === undefined) continue // fields are a check error; null never matches
    if (ip && typeof value === 'string' && value.includes('/')) {
      const cidr = parseCidr(value)
      if (!isFault(cidr)) blocks.push(cidr)
      continue
    }
    const converted = convertConstant(value, code.type, subject)
    if (converted.kind !== 'value') continue
    const v = converted.value
    if (typeof v === 'string') strings.add(e.caseInsensitive ? foldCase(v) : v)
    else keys.add(indexedKey(v))
  }
  const tests: EventTest[] = []
  if (strings.size > 0) {
    tests.push(e.caseInsensitive ? anyString(subject, (s) => strings.has(foldCase(s))) : stringIn(subject, strings))
  }
  if (keys.size > 0) tests.push(anyIndexed(subject, (v) => keys.has(indexedKey(v))))
  if (blocks.length > 0) {
    tests.push(
      anyIndexed(subject, (v) => typeof v === 'object' && v.kind === 'ip' && blocks.some((b) => cidrContains(v, b))),
    )
  }
  const [first, second] = tests
  if (first === undefined) return NEVER
  const combined: EventTest = second === undefined ? first : (ev) => tests.some((t) => t(ev))
  return constantOr(subject, combined)
}

function isNullConstant(code: ValueCode): boolean {
  return code.constant !== null && code.constant.value === null
}

/** A test on a constant subject (e.g. `"abc" : "a*"`) is evaluated once. */
function constantOr(subject: ValueCode, test: EventTest): EventTest {
  if (subject.constant === null) return test
  return test(undefined) ? ALWAYS : NEVER
}
