import type { FieldSpec } from '../schema/types'
import { compileObjectGetter, hasLeafValue } from '../values/field-getter'
import { indexerFor } from '../values/field-indexer'
import type { Target } from './check-fields'
import { anyValue } from './compile-values'
import type { Span } from '../source/span'
import type { CompileContext } from './compile-context'
import { constantKeyword } from './compile-special'
import { ALWAYS, NEVER, type EventTest } from './program'

/**
 * `field:*` — Elasticsearch's `exists` (spec §4.5, §8.18): true when the field has at least one
 * indexed value. `""` is a value; `null`, `[]` and `[null]` are none; values the field did not
 * index (keyword over `ignore_above`, malformed numbers, dates, ips) are none. On an object path
 * any leaf under it counts. A constant_keyword with a mapped value exists in every document.
 */
export function existsTest(t: Target, ctx: CompileContext, at: Span): EventTest {
  const spec = t.spec
  if (spec === undefined) return objectOrValue(t)
  switch (spec.type) {
    case 'object':
    case 'flattened':
      return objectOrValue(t)
    case 'nested':
      // nested objects live in hidden documents a top-level exists cannot see
      return NEVER
    case 'constant_keyword':
      return spec.constantValue !== undefined ? ALWAYS : constantKeyword(t, spec, () => true, ctx, at)
    case 'geo_point':
    case 'unsupported':
    case 'alias':
      return anyValue(t.read, () => true)
    default:
      return indexedValue(t, spec)
  }
}

function indexedValue(t: Target, spec: FieldSpec): EventTest {
  const ix = indexerFor(spec)
  return anyValue(t.read, (raw) => ix(raw) !== undefined)
}

/** A leaf value at the path, or any leaf value under the object(s) there. */
function objectOrValue(t: Target): EventTest {
  const objects = compileObjectGetter(t.path)
  const read = t.read
  return (event) => {
    if (read(event) !== undefined) return true
    for (const o of objects(event)) if (hasLeafValue(o)) return true
    return false
  }
}
