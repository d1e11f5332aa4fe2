import { nestedAncestorOf, sourcePathOf } from '../schema/field-type-names'
import type { Schema } from '../schema/types'
import { displayIndexedAs, indexedKey } from '../values/compare-indexed'
import { compileGetter, forEachValue } from '../values/field-getter'
import { indexerFor } from '../values/field-indexer'

/**
 * The values an aggregation buckets an event by, for the threshold and new_terms detectors:
 * what Elasticsearch indexes for the field (its doc values), through the engine's one indexer per
 * field type, so a keyword over ignore_above, an unparsable number or date is no value at all,
 * as for every query. Multi-valued fields give each distinct value once (doc values are a set
 * per document, and a terms bucket counts a document once). Unmapped fields read like keywords.
 */

/** One distinct value: `key` identifies it (type-tagged, for Maps), `value` is what a bucket key shows. */
export interface BucketValue {
  readonly key: string
  readonly value: string | number | boolean
}

export type BucketReader = (event: unknown) => readonly BucketValue[]

const NONE: readonly BucketValue[] = []

/** Reads a field's distinct indexed values from an event ([] when it has none). */
export function bucketReader(field: string, schema?: Schema): BucketReader {
  // a field inside a nested mapping lives in hidden documents a top-level aggregation does not see
  if (schema !== undefined && nestedAncestorOf(schema, field) !== undefined) return () => NONE
  const spec = schema?.resolve(field)
  const path = spec === undefined ? field : sourcePathOf(spec)
  const read = spec?.nullValue === undefined ? compileGetter(path) : compileGetter(path, { nullValue: spec.nullValue })
  const index = indexerFor(spec)
  return (event) => {
    const raw = read(event)
    if (raw === undefined) return NONE
    const out: BucketValue[] = []
    const seen = new Set<string>()
    forEachValue(raw, (v) => {
      const ix = index(v)
      if (ix === undefined) return
      const k = indexedKey(ix)
      const key = `${typeof k}:${String(k)}`
      if (seen.has(key)) return
      seen.add(key)
      out.push({ key, value: displayIndexedAs(ix, spec) })
    })
    return out
  }
}

/**
 * Every combination of one value per field (the cartesian product, as a composite aggregation
 * with one terms source per field buckets a document); none when any field has no value.
 */
export function combinations(perField: readonly (readonly BucketValue[])[]): BucketValue[][] {
  let acc: BucketValue[][] = [[]]
  for (const values of perField) {
    if (values.length === 0) return []
    const next: BucketValue[][] = []
    for (const prefix of acc) for (const v of values) next.push([...prefix, v])
    acc = next
  }
  return acc
}

/** A Map key for a combination of values. */
export function comboKey(combo: readonly BucketValue[]): string {
  return JSON.stringify(combo.map((v) => v.key))
}

/** Whether an event's time is inside [from, to] (both ends inclusive, as the engine's range filter). */
export function inWindow(times: Float64Array, index: number, from: number, to: number): boolean {
  const t = times[index]
  return t !== undefined && t >= from && t <= to
}
