/**
 * Exception items as Kibana's exception lists store them (`exception-list-item` saved objects and
 * the `/api/exception_lists/items` API): entries AND-ed within an item, items OR-ed, and the whole
 * list applied on top of the rule as a negated filter, so an event any item matches never becomes
 * an alert. The field names are Kibana's own (snake_case), so an export round-trips unchanged.
 *
 * Entry kinds and the operator names Kibana's exception builder shows for them:
 *   match      + included  "is"               + excluded  "is not"
 *   match_any  + included  "is one of"        + excluded  "is not one of"
 *   exists     + included  "exists"           + excluded  "does not exist"
 *   wildcard   + included  "matches"          + excluded  "does not match"
 *   list       (a value list by id: not held by the playground, reported as unsupported)
 *   nested     (entries under one nested path)
 */

export type ExceptionOperator = 'included' | 'excluded'

interface EntryBase {
  readonly field: string
  readonly operator: ExceptionOperator
}

export interface MatchEntry extends EntryBase {
  readonly type: 'match'
  readonly value: string
}

export interface MatchAnyEntry extends EntryBase {
  readonly type: 'match_any'
  readonly value: readonly string[]
}

export interface ExistsEntry extends EntryBase {
  readonly type: 'exists'
}

export interface WildcardEntry extends EntryBase {
  readonly type: 'wildcard'
  readonly value: string
}

export interface ListEntry extends EntryBase {
  readonly type: 'list'
  readonly list: { readonly id: string; readonly type: string }
}

/** Entries under a nested path (`field` is the path; the inner fields are relative to it). */
export interface NestedEntry {
  readonly field: string
  readonly type: 'nested'
  readonly entries: readonly (MatchEntry | MatchAnyEntry | ExistsEntry)[]
}

export type ExceptionEntry = MatchEntry | MatchAnyEntry | ExistsEntry | WildcardEntry | ListEntry | NestedEntry

export type ExceptionOsType = 'windows' | 'linux' | 'macos'

/** One exception item: an event is excepted when every entry holds (and the OS matches, if set). */
export interface ExceptionItem {
  readonly name: string
  readonly description?: string
  readonly entries: readonly ExceptionEntry[]
  /** endpoint-style items: also require `host.os.type` (or `host.os.name.caseless`) to be one of these */
  readonly os_types?: readonly ExceptionOsType[]
  /** Kibana's id of the item, kept so an export gives it back */
  readonly item_id?: string
  readonly comments?: readonly { readonly comment: string }[]
}
