import type { ExceptionEntry, ExceptionItem, ExceptionOsType, ExistsEntry, MatchAnyEntry, MatchEntry } from '../exceptions/types'
import { isRecord } from './rule-fields'

/**
 * Exception items read back from the negated clause an exported `_eql/search` request carries in
 * its `filter` (exceptions/to-dsl.ts writes it: `bool.must_not` of a `bool.should` of the items,
 * each a `bool.filter` of its entries and its OS condition), so importing the request brings the
 * exceptions back. The DSL has no names, ids or comments: items come back as "Exception 1", ….
 * Only the shapes that writer produces are read; anything else is reported, not guessed at.
 */

type Json = Record<string, unknown>

const OS: readonly string[] = ['windows', 'linux', 'macos']

/** The one key of a single-key object and its value, or null. */
function only(v: unknown): [string, unknown] | null {
  if (!isRecord(v)) return null
  const keys = Object.keys(v)
  return keys.length === 1 && keys[0] !== undefined ? [keys[0], v[keys[0]]] : null
}

/** `{match_phrase: {field: value}}` as [field, value]. */
function matchPhrase(v: unknown): [string, string] | null {
  const outer = only(v)
  if (outer === null || outer[0] !== 'match_phrase') return null
  const inner = only(outer[1])
  return inner !== null && typeof inner[1] === 'string' ? [inner[0], inner[1]] : null
}

/** A `bool` holding only `key` (plus minimum_should_match for should) as its list, or null. */
function boolList(v: unknown, key: 'filter' | 'should' | 'must_not'): unknown[] | null {
  const outer = only(v)
  if (outer === null || outer[0] !== 'bool' || !isRecord(outer[1])) return null
  const bool = outer[1]
  const list = bool[key]
  const extra = Object.keys(bool).filter((k) => k !== key && !(key === 'should' && k === 'minimum_should_match'))
  return Array.isArray(list) && extra.length === 0 ? list : null
}

/** The OS condition of an item: pairs of host.os.type / host.os.name.caseless with one value. */
function osTypes(v: unknown): ExceptionOsType[] | null {
  const should = boolList(v, 'should')
  if (should === null || should.length === 0 || should.length % 2 !== 0) return null
  const out: ExceptionOsType[] = []
  for (let i = 0; i < should.length; i += 2) {
    const a = matchPhrase(should[i])
    const b = matchPhrase(should[i + 1])
    if (a === null || b === null || a[0] !== 'host.os.type' || b[0] !== 'host.os.name.caseless' || a[1] !== b[1] || !OS.includes(a[1])) return null
    out.push(a[1] as ExceptionOsType)
  }
  return out
}

type Plain = MatchEntry | MatchAnyEntry | ExistsEntry | Extract<ExceptionEntry, { type: 'wildcard' }>

/** An entry's clause with operator "included" (the positive form). */
function positive(v: unknown, prefix: string): Plain | null {
  const strip = (field: string): string | null => (field.startsWith(prefix) ? field.slice(prefix.length) : null)
  const phrase = matchPhrase(v)
  if (phrase !== null) {
    const field = strip(phrase[0])
    return field === null ? null : { field, operator: 'included', type: 'match', value: phrase[1] }
  }
  const outer = only(v)
  if (outer === null) return null
  if (outer[0] === 'exists' && isRecord(outer[1]) && typeof outer[1]['field'] === 'string') {
    const field = strip(outer[1]['field'])
    return field === null ? null : { field, operator: 'included', type: 'exists' }
  }
  if (outer[0] === 'wildcard') {
    const inner = only(outer[1])
    const field = inner === null ? null : strip(inner[0])
    return inner !== null && field !== null && typeof inner[1] === 'string' ? { field, operator: 'included', type: 'wildcard', value: inner[1] } : null
  }
  const should = boolList(v, 'should')
  if (should === null || should.length === 0) return null
  const phrases = should.map(matchPhrase)
  const first = phrases[0]
  if (first === null || first === undefined || phrases.some((p) => p === null || p[0] !== first[0])) return null
  const field = strip(first[0])
  return field === null ? null : { field, operator: 'included', type: 'match_any', value: phrases.map((p) => p?.[1] ?? '') }
}

/** One entry's clause (a nested query included), or null when it is not one the writer makes. */
function entryOf(v: unknown, prefix: string): ExceptionEntry | null {
  const negated = boolList(v, 'must_not')
  if (negated !== null) {
    const inner = negated.length === 1 ? positive(negated[0], prefix) : null
    return inner === null ? null : { ...inner, operator: 'excluded' }
  }
  const nested = only(v)
  if (prefix === '' && nested !== null && nested[0] === 'nested' && isRecord(nested[1]) && typeof nested[1]['path'] === 'string') {
    const path = nested[1]['path']
    const inner = boolList(nested[1]['query'], 'filter')?.map((e) => entryOf(e, `${path}.`))
    if (inner === undefined || inner.length === 0 || inner.some((e) => e === null || e.type === 'nested' || e.type === 'list' || e.type === 'wildcard')) return null
    return { field: path, type: 'nested', entries: inner as (MatchEntry | MatchAnyEntry | ExistsEntry)[] }
  }
  return positive(v, prefix)
}

function itemOf(v: unknown, n: number): ExceptionItem | null {
  const filter = boolList(v, 'filter')
  if (filter === null || filter.length === 0) return null
  // the OS condition, when there is one, comes after the entries
  const os = filter.length > 1 ? osTypes(filter[filter.length - 1]) : null
  const clauses = os === null ? filter : filter.slice(0, -1)
  const entries = clauses.map((c) => entryOf(c, ''))
  if (entries.some((e) => e === null)) return null
  return { name: `Exception ${n}`, entries: entries as ExceptionEntry[], ...(os !== null ? { os_types: os } : {}) }
}

/** Whether a filter clause is the exceptions' negated clause: `bool.must_not: [bool.should]`. */
function itemsClause(v: unknown): unknown[] | null {
  const mustNot = boolList(v, 'must_not')
  return mustNot !== null && mustNot.length === 1 ? boolList(mustNot[0], 'should') : null
}

/**
 * The exception items of an exported `_eql/search` body's `filter` (its `bool.filter` list),
 * and how many item clauses could not be read; null when the filter holds no exceptions clause.
 */
export function exceptionsOfEqlFilter(filter: unknown): { items: ExceptionItem[]; unread: number } | null {
  const outer = isRecord(filter) && isRecord(filter['bool']) ? (filter['bool'] as Json) : null
  const list = outer !== null && Array.isArray(outer['filter']) ? outer['filter'] : []
  for (const clause of list) {
    const should = itemsClause(clause)
    if (should === null) continue
    const items: ExceptionItem[] = []
    let unread = 0
    should.forEach((s) => {
      const item = itemOf(s, items.length + 1)
      if (item === null) unread++
      else items.push(item)
    })
    return { items, unread }
  }
  return null
}
