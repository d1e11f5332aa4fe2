import type { ExceptionEntry, ExceptionItem, ExistsEntry, MatchAnyEntry, MatchEntry } from './types'

/**
 * The Query DSL the detection engine adds to a rule's search for its exception items: ONE
 * negated clause, `bool.must_not` of a `bool.should` over the items, each item a `bool.filter` of
 * its entries (and of its OS condition). For a query rule it joins the query's filters; for an EQL
 * rule it is the `filter` of the `_eql/search` request. Items with a value-list entry are left
 * out (the list lives in Kibana), as are items without entries.
 */

type Dsl = Record<string, unknown>

/** The negated exceptions clause, or null when no item can be sent. */
export function exceptionsFilterDsl(items: readonly ExceptionItem[]): Dsl | null {
  const should = items.flatMap((item): Dsl[] => {
    const clause = itemDsl(item)
    return clause === null ? [] : [clause]
  })
  if (should.length === 0) return null
  return { bool: { must_not: [{ bool: { should, minimum_should_match: 1 } }] } }
}

/** One item: the AND of its entries and its OS condition; null when it cannot be sent. */
export function itemDsl(item: ExceptionItem): Dsl | null {
  if (item.entries.length === 0 || item.entries.some((e) => e.type === 'list')) return null
  const filter = item.entries.map((e) => entryDsl(e, ''))
  const os = item.os_types ?? []
  if (os.length > 0) {
    const should = os.flatMap((t) => [matchPhrase('host.os.type', t), matchPhrase('host.os.name.caseless', t)])
    filter.push({ bool: { should, minimum_should_match: 1 } })
  }
  return { bool: { filter } }
}

function matchPhrase(field: string, value: string): Dsl {
  return { match_phrase: { [field]: value } }
}

function negate(clause: Dsl, operator: 'included' | 'excluded'): Dsl {
  return operator === 'included' ? clause : { bool: { must_not: [clause] } }
}

/** An entry's clause; `prefix` is the nested path (inner field names are full names in the DSL). */
function entryDsl(entry: ExceptionEntry | MatchEntry | MatchAnyEntry | ExistsEntry, prefix: string): Dsl {
  const field = prefix + entry.field
  switch (entry.type) {
    case 'match':
      return negate(matchPhrase(field, entry.value), entry.operator)
    case 'match_any':
      return negate({ bool: { should: entry.value.map((v) => matchPhrase(field, v)), minimum_should_match: 1 } }, entry.operator)
    case 'exists':
      return negate({ exists: { field } }, entry.operator)
    case 'wildcard':
      return negate({ wildcard: { [field]: entry.value } }, entry.operator)
    case 'nested':
      return { nested: { path: field, query: { bool: { filter: entry.entries.map((e) => entryDsl(e, field + '.')) } }, score_mode: 'none' } }
    case 'list':
      // never reached: items with list entries are left out above
      return { match_none: {} }
  }
}
