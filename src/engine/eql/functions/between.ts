import { p, type FunctionDef, type ParamSpec } from './function-def'

const PARAMS: readonly ParamSpec[] = [p('string'), p('string'), p('string'), p('boolean', true)]

/**
 * `between(source, left, right[, greedy])`: the text after the first `left` up to the next `right`
 * (greedy: up to the last `right` in the whole string). Follows Elasticsearch's implementation, not
 * the Python library: a missing delimiter gives "" (not null), and an empty source, left or right
 * returns the source unchanged. A null source gives null; a null delimiter gives null (Elasticsearch
 * folds such calls to null); a null `greedy` means false.
 */
export const between: FunctionDef = {
  name: 'between',
  display: 'between',
  minArgs: 3,
  maxArgs: 4,
  arityReason: 'expects three or four arguments',
  caseInsensitive: true,
  param: (i) => PARAMS[Math.min(i, 3)] ?? p('string'),
  resultType: () => 'keyword',
  bind: ({ caseInsensitive }) => ({
    ok: true,
    impl: (args) => {
      const [s, left, right, greedy] = args
      if (typeof s !== 'string' || typeof left !== 'string' || typeof right !== 'string') return null
      return betweenOf(s, left, right, greedy === true, caseInsensitive)
    },
  }),
}

/** Elasticsearch's StringUtils.between semantics on non-null strings. */
export function betweenOf(s: string, left: string, right: string, greedy: boolean, ci: boolean): string {
  if (s.length === 0 || left.length === 0 || right.length === 0) return s
  const hay = ci ? s.toLowerCase() : s
  const l = ci ? left.toLowerCase() : left
  const r = ci ? right.toLowerCase() : right
  const at = hay.indexOf(l)
  if (at < 0) return ''
  const start = at + l.length
  const end = greedy ? hay.lastIndexOf(r) : hay.indexOf(r, start)
  // greedy: the last `right` may sit before `start` (Java's substring would then fail): nothing between
  if (end < start) return ''
  return s.slice(start, end)
}
