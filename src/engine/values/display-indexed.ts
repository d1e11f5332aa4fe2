import type { FieldSpec } from '../schema/types'
import type { Indexed } from './indexed-types'
import { displayIndexed } from './compare-indexed'
import { formatDate } from './date-format-output'

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
