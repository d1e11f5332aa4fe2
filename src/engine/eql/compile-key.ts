import type { Expr } from './ast'
import type { Indexed } from '../values/indexed-types'
import { compileValue } from './compile-expr'
import type { CompileContext } from './compile-context'
import { indexedKey } from '../values/compare-indexed'

import type { KeyReader, KeyValue } from './program'

export type { KeyReader, KeyValue } from './program'

const EMPTY: readonly KeyValue[] = Object.freeze([])
const NULL_KEY: readonly KeyValue[] = Object.freeze([null])

/** Compiles a join key (`by` expression) into a KeyReader (see program.ts for the contract). */
export function compileKey(expr: Expr, ctx: CompileContext): KeyReader {
  const code = compileValue(expr, ctx)
  const none = expr.type === 'Field' && expr.optional ? NULL_KEY : EMPTY
  if (code.constant !== null) {
    const v = code.constant.value
    const fixed: readonly KeyValue[] = v === null ? none : Object.freeze([v])
    return () => fixed
  }
  const read = code.read
  const index = code.index
  return (event) => {
    const raw = read(event)
    if (raw === undefined) return none
    if (!Array.isArray(raw)) {
      const v = index(raw)
      return v === undefined ? none : [v]
    }
    const out: Indexed[] = []
    const seen = new Set<string | number | boolean | bigint>()
    for (const item of raw) {
      const v = index(item)
      if (v === undefined) continue
      const k = indexedKey(v)
      if (seen.has(k)) continue
      seen.add(k)
      out.push(v)
    }
    return out.length === 0 ? none : out
  }
}
