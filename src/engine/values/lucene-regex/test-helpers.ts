/**
 * Test helpers (used only by the `*.test.ts` files next to this one): compile-or-fail and
 * "which of these strings match" in one call, so tables of cases stay readable.
 */
import { compileLuceneRegex } from './compile'
import type { LuceneRegexError, LuceneRegexOptions } from './types'

/** Compiles `pattern`, failing loudly (in a test) when it is refused. */
export function matcher(pattern: string, opts?: LuceneRegexOptions): (value: string) => boolean {
  const r = compileLuceneRegex(pattern, opts)
  if (!r.ok) throw new Error(`pattern ${JSON.stringify(pattern)} refused: ${r.message}`)
  return (value) => r.test(value)
}

/** The subset of `values` the pattern matches. */
export function matching(pattern: string, values: readonly string[], opts?: LuceneRegexOptions): string[] {
  const test = matcher(pattern, opts)
  return values.filter((v) => test(v))
}

/** The error of a pattern expected to be refused. */
export function refusal(pattern: string, opts?: LuceneRegexOptions): LuceneRegexError {
  const r = compileLuceneRegex(pattern, opts)
  if (r.ok) throw new Error(`pattern ${JSON.stringify(pattern)} was accepted`)
  return r
}
