import type { FieldSpec } from '../schema/types'
import type { Indexed, IndexedKey } from './indexed-types'
import { formatDate } from './date-format-output'
import { compareKeyword } from './case-fold'
import { compareIp } from './ip-address'
import { compareVersion } from './semantic-version'

/**
 * Ordering and equality of indexed values of ONE field type: keywords in UTF-8 byte order, numbers
 * and dates numerically (date_nanos as bigint), booleans false < true, ips by address, versions
 * semantically. Values of different representations never compare equal; they are ordered by a
 * fixed rank so that sorting stays total (the checker prevents such comparisons in queries).
 */
export function compareIndexed(a: Indexed, b: Indexed): number {
  if (typeof a === 'string' && typeof b === 'string') return compareKeyword(a, b)
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1
  if (typeof a === 'object' && typeof b === 'object') {
    if (a.kind === 'ip' && b.kind === 'ip') return compareIp(a, b)
    if (a.kind === 'version' && b.kind === 'version') return compareVersion(a, b)
  }
  return rank(a) - rank(b)
}

function rank(v: Indexed): number {
  switch (typeof v) {
    case 'boolean':
      return 0
    case 'number':
      return 1
    case 'bigint':
      return 2
    case 'string':
      return 3
    default:
      return v.kind === 'ip' ? 4 : 5
  }
}

/** Term equality of two indexed values of one field type. */
export function equalIndexed(a: Indexed, b: Indexed): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object') return false
  if (a.kind === 'ip' && b.kind === 'ip') return a.hex === b.hex
  if (a.kind === 'version' && b.kind === 'version') return a.text === b.text
  return false
}

/** A Map key with the same equality as `equalIndexed` (for join keys and de-duplication). */
export function indexedKey(v: Indexed): IndexedKey {
  if (typeof v !== 'object') return v
  return v.kind === 'ip' ? v.hex : v.text
}

/**
 * The value as Elasticsearch shows it (join keys, function inputs): ips and versions as text,
 * date_nanos epoch nanos as a decimal string.
 */
export function displayIndexed(v: Indexed): string | number | boolean {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v
    case 'bigint':
      return v.toString()
    default:
      return v.text
  }
}

/**
 * A value as Elasticsearch shows it in results for a field of the given spec (join keys of
 * sequences and samples): dates formatted with the field's format (`1970-01-01T00:00:00.000Z` by
 * default), date_nanos with nine fraction digits, ips and versions as text, everything else as is.
 */
export function displayIndexedAs(v: Indexed, spec: FieldSpec | undefined): string | number | boolean {
  if (spec?.type === 'date' && typeof v === 'number') return formatDate(v, 0, spec.format, false)
  if (spec?.type === 'date_nanos' && typeof v === 'bigint') {
    const millis = v >= 0n ? v / 1_000_000n : -((-v + 999_999n) / 1_000_000n)
    return formatDate(Number(millis), Number(v - millis * 1_000_000n), spec.format, true)
  }
  return displayIndexed(v)
}
