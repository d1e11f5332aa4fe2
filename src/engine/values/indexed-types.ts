/**
 * What Elasticsearch indexes for one raw value, per field type. The compiler indexes both the event
 * values and the query constants through the same indexer (`indexerFor`), so equality and ordering
 * see exactly what a Lucene term/range query would see.
 *
 * Representation per field type:
 * - keyword, constant_keyword, wildcard, text, match_only_text: `string`
 * - long, integer, short, byte, unsigned_long, double, float, half_float, scaled_float: `number`
 *   (float/half_float rounded to their storage precision; unsigned_long above 2^53 loses precision,
 *   a documented approximation: JSON.parse has already rounded such values before we see them)
 * - date: `number`, epoch milliseconds (sub-millisecond digits dropped, as ES's millisecond
 *   resolution does)
 * - date_nanos: `bigint`, epoch nanoseconds (a double cannot hold 19 significant digits)
 * - boolean: `boolean`
 * - ip: `IpValue` (16-byte address space, IPv4 stored as IPv4-mapped like Lucene's InetAddressPoint)
 * - version: `VersionValue` (pre-parsed for semantic ordering)
 */
export type Indexed = string | number | boolean | bigint | IpValue | VersionValue

/** An IP address as Elasticsearch indexes it: 16 bytes, IPv4 as ::ffff:a.b.c.d. */
export interface IpValue {
  readonly kind: 'ip'
  /** canonical text: dotted quad for IPv4 and IPv4-mapped IPv6, RFC 5952 for other IPv6 */
  readonly text: string
  /** the 16 bytes as 32 lowercase hex digits: string order is address order */
  readonly hex: string
}

/** A value of a `version` field, pre-parsed so ordering needs no re-parsing. */
export interface VersionValue {
  readonly kind: 'version'
  /** the original text (what the field returns and what equality compares) */
  readonly text: string
  /** false for text that is not a semantic version: such versions sort after all valid ones */
  readonly valid: boolean
  /** numeric main parts as digit strings without leading zeros (any count >= 1) */
  readonly main: readonly string[]
  /** dot-separated pre-release identifiers; empty for a release */
  readonly pre: readonly string[]
  /** build metadata after '+', '' when absent */
  readonly build: string
}

/** A value usable as a Map key for joins and de-duplication (`indexedKey`). */
export type IndexedKey = string | number | boolean | bigint

/** Something the engine reports instead of throwing (invalid CIDR, integer overflow, ...). */
export interface ValueFault {
  readonly fault: string
}

export function isFault(v: unknown): v is ValueFault {
  return typeof v === 'object' && v !== null && 'fault' in v
}
